// Runs the service: opens the database, applies the schema, loads the seed, listens, and on
// SIGTERM or SIGINT drains in-flight requests, closes the driver and stops the embedded Neo4j.
import { createServer, type Server } from 'node:http';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { loadSeed } from './ingest/seed.js';
import { createYogaServer } from './yoga.js';

export class ListenError extends Error {
  override name = 'ListenError';
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new ListenError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use: stop what uses it or set PORT`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => resolve());
  });
}

export async function serve(config: Config, log: (line: string) => void = console.error): Promise<void> {
  // Until the server is up, a stop request ends the process at once; the embedded Neo4j
  // follows, because its standard input closes with this process.
  let stop: (reason: string) => void = (reason) => {
    log(`${reason} during start-up: exiting`);
    process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  watchParent(() => stop('parent process gone'));

  const database = await openDatabase(config, log);
  let server: Server | undefined;
  try {
    await migrate(database.db);
    if (config.seedOnStart) {
      for (const report of await loadSeed(database.db)) {
        log(`Seed ${report.articleId}: ${report.status.toLowerCase()}`);
      }
    }
    const yoga = createYogaServer(database.db, { ingestToken: config.ingestToken });
    server = createServer(yoga);
    await listen(server, config.host, config.port);
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`GraphQL at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests and shutting down...`);
    const force = setTimeout(() => {
      log(`shutdown took longer than ${config.shutdownTimeoutMs} ms; closing remaining connections`);
      server?.closeAllConnections();
    }, config.shutdownTimeoutMs);
    force.unref();
    // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now.
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeIdleConnections();
    });
    await database.close();
    clearTimeout(force);
    log('stopped');
    process.exit(0);
  };
  stop = (reason) => void shutdown(reason);
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
