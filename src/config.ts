// Reads and validates the environment once. A bad value stops the process with one line that names
// the variable and what is wrong with it.
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  host: string;
  port: number;
  neo4j: {
    /** Undefined means: start the embedded Neo4j. */
    uri: string | undefined;
    username: string;
    password: string;
    database: string;
    txTimeoutMs: number;
    connectTimeoutMs: number;
    /** How long a request retries a transaction that failed because Neo4j could not serve. */
    retryMs: number;
    /** How long the availability probe (and /ready) waits for Neo4j to answer. */
    pingTimeoutMs: number;
    /** Transaction timeout of the migrations and the seed at start-up. */
    startupTxTimeoutMs: number;
  };
  embedded: {
    dataDir: string;
    boltPort: number;
    startTimeoutMs: number;
    heap: string;
    pageCache: string;
    /** Start it again when it dies. */
    restart: boolean;
  };
  seedOnStart: boolean;
  ingestToken: string | undefined;
  shutdownTimeoutMs: number;
  /** NODE_ENV=production: the defaults below switch to what a public deployment wants. */
  production: boolean;
  http: HttpConfig;
  log: { level: LogLevel; format: 'json' | 'text' };
  tracing: { exporter: 'none' | 'otlp' | 'console'; serviceName: string };
  /** Redis for events shared between instances; unset keeps them in this process. */
  redisUrl: string | undefined;
  /** Answers to repeated queries kept until the data changes (src/http/response-cache.ts); off: none. */
  responseCache: { ttlMs: number; maxEntries: number; pollMs: number } | null;
  /** Names the Redis channel (`<prefix>:changes`): instances that share it share events. */
  redisPrefix: string;
  /** Messages one subscriber may have waiting before it is dropped as too slow. */
  subscriptionQueueSize: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface HttpConfig {
  /** Largest request body accepted without the ingest token. */
  maxBodyBytes: number;
  /** Largest request body accepted with the ingest token (article documents are big). */
  maxIngestBodyBytes: number;
  /** Origins allowed to call the API from a browser on another site; none by default. */
  corsOrigins: string[];
  /** Refuse GET and form posts without the X-GraphQL-Yoga-CSRF header. */
  csrfPrevention: boolean;
  introspection: boolean;
  fieldSuggestions: boolean;
  graphiql: boolean;
  /** Failed ingest-token attempts one client may make per minute before it is refused for a while. */
  authFailuresPerMinute: number;
  /** Take the client address from X-Forwarded-For (behind a proxy you run). */
  trustProxy: boolean;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function reader(env: Env) {
  const raw = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const fail = (name: string, what: string, got: string): never => {
    throw new ConfigError(`${name} ${what} (got ${JSON.stringify(got)})`);
  };
  return {
    string: (name: string, fallback: string) => raw(name) ?? fallback,
    optional: raw,
    int(name: string, fallback: number, min: number, max: number): number {
      const v = raw(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max)
        fail(name, `must be a whole number from ${min} to ${max}`, v);
      return n;
    },
    bool(name: string, fallback: boolean): boolean {
      const v = raw(name);
      if (v === undefined) return fallback;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      return fail(name, 'must be true or false', v);
    },
    fail,
  };
}

const URI_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

/** Reads .env from the project folder into process.env; variables already set win. */
export function loadEnvFile(file = path.join(PROJECT_ROOT, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

const MiB = 2 ** 20;
const size = (mib: number) => (mib % 1024 === 0 ? `${mib / 1024}g` : `${mib}m`);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The embedded Neo4j's memory from the machine's: an eighth of it for the heap (1 to 8 GiB) and a
 * quarter for the page cache (256 MiB to 32 GiB), which holds the store's hot pages. Neo4j's own
 * default page cache (128 MiB) reads a large store from disk on every query. Both grow as used.
 */
export function embeddedMemoryDefaults(totalBytes: number = totalmem()): { heap: string; pageCache: string } {
  const total = Math.floor(totalBytes / MiB);
  return {
    heap: size(clamp(Math.floor(total / 8 / 256) * 256, 1024, 8192)),
    pageCache: size(clamp(Math.floor(total / 4 / 256) * 256, 256, 32768)),
  };
}

function readHttp(r: ReturnType<typeof reader>, production: boolean): HttpConfig {
  const corsOrigins = (r.optional('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      r.fail(
        'CORS_ORIGINS',
        'must be a comma-separated list of origins such as https://app.example.org',
        origin,
      );
    }
  }
  const maxIngestBodyBytes = r.int('MAX_INGEST_BODY_BYTES', 8 * 2 ** 20, 1_024, 256 * 2 ** 20);
  return {
    maxBodyBytes: r.int('MAX_BODY_BYTES', 64 * 2 ** 10, 1_024, maxIngestBodyBytes),
    maxIngestBodyBytes,
    corsOrigins,
    csrfPrevention: r.bool('CSRF_PREVENTION', true),
    introspection: r.bool('GRAPHQL_INTROSPECTION', !production),
    fieldSuggestions: r.bool('GRAPHQL_FIELD_SUGGESTIONS', !production),
    graphiql: r.bool('GRAPHIQL', !production),
    authFailuresPerMinute: r.int('AUTH_FAILURES_PER_MINUTE', 10, 1, 10_000),
    trustProxy: r.bool('TRUST_PROXY', false),
    metrics: r.bool('METRICS', true),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const r = reader(env);
  const production = env.NODE_ENV === 'production';
  const logLevel = r.string('LOG_LEVEL', 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    r.fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, logLevel);
  const logFormat = r.string('LOG_FORMAT', 'json');
  if (logFormat !== 'json' && logFormat !== 'text') r.fail('LOG_FORMAT', 'must be json or text', logFormat);
  const exporter = r.string('OTEL_TRACES_EXPORTER', 'none');
  if (exporter !== 'none' && exporter !== 'otlp' && exporter !== 'console') {
    r.fail('OTEL_TRACES_EXPORTER', 'must be none, otlp or console', exporter);
  }
  const redisUrl = r.optional('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/]/.test(redisUrl)) {
    r.fail('REDIS_URL', 'must look like redis://host:6379 (or rediss:// for TLS)', redisUrl);
  }
  const redisPrefix = r.string('REDIS_PREFIX', 'newsgraph');
  if (!/^[A-Za-z0-9:_.-]{1,100}$/.test(redisPrefix)) {
    r.fail(
      'REDIS_PREFIX',
      'must be 1 to 100 letters, digits, colons, dots, dashes or underscores',
      redisPrefix,
    );
  }
  const uri = r.optional('NEO4J_URI');
  if (uri !== undefined) {
    const scheme = /^([a-z0-9+]+):\/\/[^/]+/i.exec(uri)?.[1]?.toLowerCase();
    if (!scheme || !URI_SCHEMES.includes(scheme)) {
      r.fail('NEO4J_URI', `must look like neo4j://host:7687 (schemes: ${URI_SCHEMES.join(', ')})`, uri);
    }
  }
  const password = r.string('NEO4J_PASSWORD', uri === undefined ? 'newsgraph-dev' : '');
  if (password === '') throw new ConfigError('NEO4J_PASSWORD is required when NEO4J_URI is set');
  if (uri === undefined && password.length < 8) {
    r.fail('NEO4J_PASSWORD', 'must have at least 8 characters for the embedded Neo4j', password);
  }
  const database = r.string('NEO4J_DATABASE', 'neo4j');
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    r.fail(
      'NEO4J_DATABASE',
      'must be a Neo4j database name (3 to 63 letters, digits, dots, dashes)',
      database,
    );
  }
  const ingestToken = r.optional('INGEST_TOKEN');
  if (ingestToken !== undefined && ingestToken.length < 16) {
    throw new ConfigError('INGEST_TOKEN must have at least 16 characters (it guards writes to the graph)');
  }
  const memory = embeddedMemoryDefaults();
  const heap = r.string('NEO4J_EMBEDDED_HEAP', memory.heap);
  if (!/^\d+[mg]$/i.test(heap)) r.fail('NEO4J_EMBEDDED_HEAP', 'must be a JVM size such as 512m or 1g', heap);
  const pageCache = r.string('NEO4J_EMBEDDED_PAGECACHE', memory.pageCache);
  const pageCacheMiB = Number.parseInt(pageCache, 10) * (/g$/i.test(pageCache) ? 1024 : 1);
  if (!/^\d+[mg]$/i.test(pageCache) || pageCacheMiB < 8)
    r.fail('NEO4J_EMBEDDED_PAGECACHE', 'must be a size of at least 8m, such as 512m or 2g', pageCache);
  return {
    host: r.string('HOST', '127.0.0.1'),
    port: r.int('PORT', 4000, 0, 65535),
    neo4j: {
      uri,
      username: r.string('NEO4J_USERNAME', 'neo4j'),
      password,
      database,
      txTimeoutMs: r.int('NEO4J_TX_TIMEOUT_MS', 15_000, 100, 600_000),
      connectTimeoutMs: r.int('NEO4J_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
      retryMs: r.int('NEO4J_RETRY_MS', 1_000, 0, 60_000),
      pingTimeoutMs: r.int('NEO4J_PING_TIMEOUT_MS', 1_500, 100, 60_000),
      startupTxTimeoutMs: r.int('NEO4J_STARTUP_TX_TIMEOUT_MS', 300_000, 1_000, 3_600_000),
    },
    embedded: {
      dataDir: path.resolve(PROJECT_ROOT, r.string('NEO4J_DATA_DIR', '.data/neo4j')),
      boltPort: r.int('NEO4J_EMBEDDED_BOLT_PORT', 7687, 0, 65535),
      startTimeoutMs: r.int('NEO4J_START_TIMEOUT_MS', 180_000, 1_000, 1_800_000),
      heap,
      pageCache,
      restart: r.bool('NEO4J_EMBEDDED_RESTART', true),
    },
    seedOnStart: r.bool('SEED_ON_START', true),
    ingestToken,
    shutdownTimeoutMs: r.int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    production,
    http: readHttp(r, production),
    log: { level: logLevel, format: logFormat as 'json' | 'text' },
    tracing: {
      exporter: exporter as Config['tracing']['exporter'],
      serviceName: r.string('OTEL_SERVICE_NAME', 'news-graph'),
    },
    redisUrl,
    responseCache: r.bool('RESPONSE_CACHE', true)
      ? {
          ttlMs: r.int('RESPONSE_CACHE_TTL_MS', 300_000, 100, 86_400_000),
          maxEntries: r.int('RESPONSE_CACHE_MAX', 1_000, 1, 1_000_000),
          pollMs: r.int('RESPONSE_CACHE_POLL_MS', 1_000, 50, 60_000),
        }
      : null,
    redisPrefix,
    subscriptionQueueSize: r.int('SUBSCRIPTION_QUEUE_SIZE', 100, 1, 100_000),
  };
}
