// Runs the service: opens the database (the embedded Neo4j under supervision), applies the schema
// and loads the seed with start-up's own longer timeout, starts watching Neo4j's availability,
// and listens. On SIGTERM or SIGINT it drains without dropping a request (http/listener.ts),
// then closes the driver and stops the embedded Neo4j.
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { POOL_SIZE } from './db/driver.js';
import { migrate } from './db/migrate.js';
import { createEventBus, type EventBus } from './events/bus.js';
import { publishIngest } from './events/publish.js';
import { Subscriptions } from './events/subscriptions.js';
import { FanOutStatistics } from './graph/fan-out.js';
import { ListenError, type Listener, listen } from './http/listener.js';
import { createResponseCache, DataVersion } from './http/response-cache.js';
import { attachWebSockets } from './http/websocket.js';
import type { IngestReport } from './ingest/ingest.js';
import { loadSeed } from './ingest/seed.js';
import { createLogger, type Logger } from './observability/log.js';
import { Metrics } from './observability/metrics.js';
import { startTracing, traced } from './observability/tracing.js';
import { createYogaServer } from './yoga.js';

export { ListenError };

/** Writes the event bus does not tell of reach the cost limit's statistics within this time. */
const STATISTICS_REFRESH_MS = 60_000;

export async function serve(config: Config, logger: Logger = createLogger(config.log)): Promise<void> {
  // Until the server is up, a stop request ends the process at once; the embedded Neo4j
  // follows, because its standard input closes with this process.
  let stop: (reason: string) => void = (reason) => {
    logger.warn(`${reason} during start-up: exiting`);
    process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  watchParent(() => stop('parent process gone'));

  const stopTracing = await startTracing(config.tracing);
  const metrics = new Metrics({ processMetrics: true });
  const log = (line: string, level: 'info' | 'warn' | 'error' = 'info') => logger[level](line);
  const database = await openDatabase(config, log, {
    log,
    onRestart: () => metrics.embeddedRestarts.inc(),
    sessions: { opened: () => metrics.neo4jSessions.inc(), closed: () => metrics.neo4jSessions.dec() },
  });
  metrics.neo4jPoolSize.set(POOL_SIZE);
  database.availability.onChange((up) => {
    metrics.neo4jUp.set(up ? 1 : 0);
    if (!up) metrics.neo4jOutages.inc();
  });

  let listener: Listener | undefined;
  let bus: EventBus | undefined;
  try {
    // Start-up work may take long on a busy machine: its own transaction timeout, and a Neo4j
    // that is briefly unavailable is waited for rather than fatal.
    const startup = database.db.forStartup(config.neo4j.startupTxTimeoutMs);
    const { warnings } = await migrate(startup);
    for (const w of warnings) logger.warn(w);
    const seeded = config.seedOnStart ? await loadSeed(startup) : [];
    for (const report of seeded) logger.info(`Seed ${report.articleId}: ${report.status.toLowerCase()}`);
    bus = await createEventBus(
      { url: config.redisUrl, prefix: config.redisPrefix, log: { info: log, warn: (l) => log(l, 'warn') } },
      {
        published: (change) => metrics.eventsPublished.inc({ topic: change.action.toLowerCase() }),
        redisState: (up) => metrics.redisUp.set(up ? 1 : 0),
      },
    );
    if (config.redisUrl) metrics.redisUp.set(bus.redisUp ? 1 : 0);
    await publishSeed(bus, seeded);
    const subscriptions = new Subscriptions(bus, {
      queueSize: config.subscriptionQueueSize,
      killAfterMs: 10_000,
      metrics,
    });
    database.availability.start();
    let draining = () => false;
    const responseCache = config.responseCache
      ? createResponseCache(
          new DataVersion(
            () => database.db.latestBookmark(config.neo4j.pingTimeoutMs),
            config.responseCache.pollMs,
            () => database.availability.isUp,
          ),
          config.responseCache,
        )
      : undefined;
    responseCache?.version.start();
    // A change made on another instance (or everything, after Redis was away) is news at once.
    if (responseCache) bus.onDataChanged(() => responseCache.version.changed());
    const b = bus;
    // The cost limit's statistics, reloaded after every change the bus tells of and once a minute.
    const fanOuts = new FanOutStatistics(database.db);
    fanOuts.refreshEvery(STATISTICS_REFRESH_MS);
    const yoga = createYogaServer(database.db, {
      ingestToken: config.ingestToken,
      responseCache,
      subscriptions,
      fanOuts,
      service: {
        http: config.http,
        logger,
        metrics,
        readiness: {
          neo4j: async () => database.availability.isUp,
          redis: () => b.redisUp,
          draining: () => draining(),
          warnings: () => warnings,
        },
      },
    });
    listener = await listen(
      traced((req, res) => yoga(req, res)),
      config.host,
      config.port,
    );
    const l = listener;
    draining = () => l.draining;
    const sockets = attachWebSockets(l.server, yoga, config.http, logger);
    // Subscriptions end when draining begins, so their responses finish with the rest.
    l.onDrain(() => {
      subscriptions.endAll();
      sockets.close();
    });
  } catch (error) {
    await bus?.close();
    await database.close();
    throw error;
  }
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info(`GraphQL at http://${host}:${listener.port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining requests and shutting down...`);
    const inFlight = listener?.inFlight ?? 0;
    const cut = (await listener?.drain(config.shutdownTimeoutMs)) ?? 0;
    if (cut > 0) {
      logger.warn(
        `shutdown took longer than ${config.shutdownTimeoutMs} ms; closed ${cut} unfinished requests`,
      );
    }
    await bus?.close();
    await database.close();
    await stopTracing().catch(() => undefined);
    logger.info(`stopped (${inFlight} requests were in flight at ${signal}, ${cut} cut)`);
    process.exit(0);
  };
  stop = (reason) => void shutdown(reason);
}

/** Seed articles written at start are news for the other instances (and their caches) too. */
async function publishSeed(bus: EventBus, reports: IngestReport[]): Promise<void> {
  for (const report of reports) await publishIngest(bus, report);
}

/**
 * Shuts down when the process that started this one goes away. `kill <npm pid>` ends npm and
 * its shell but does not signal this process; it would be re-parented and keep serving (and
 * keep its Neo4j) with nobody to stop it. A process started by PID 1 (a container, systemd)
 * has nothing to watch.
 */
const STARTED_BY = process.ppid;

function watchParent(onGone: () => void): void {
  if (STARTED_BY <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid !== STARTED_BY) {
      clearInterval(timer);
      onGone();
    }
  }, 1_000);
  timer.unref();
}
