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
  };
  embedded: {
    dataDir: string;
    boltPort: number;
    startTimeoutMs: number;
    heap: string;
    pageCache: string;
  };
  seedOnStart: boolean;
  ingestToken: string | undefined;
  shutdownTimeoutMs: number;
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

export function loadConfig(env: Env = process.env): Config {
  const r = reader(env);
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
    },
    embedded: {
      dataDir: path.resolve(PROJECT_ROOT, r.string('NEO4J_DATA_DIR', '.data/neo4j')),
      boltPort: r.int('NEO4J_EMBEDDED_BOLT_PORT', 7687, 0, 65535),
      startTimeoutMs: r.int('NEO4J_START_TIMEOUT_MS', 180_000, 1_000, 1_800_000),
      heap,
      pageCache,
    },
    seedOnStart: r.bool('SEED_ON_START', true),
    ingestToken,
    shutdownTimeoutMs: r.int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
}
