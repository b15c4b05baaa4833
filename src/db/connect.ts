// Opens the database the configuration names: the given NEO4J_URI, or the embedded Neo4j, kept
// running by a supervisor. The database handed out is watched for availability (availability.ts);
// the probe starts when the caller says the service is up.
import type { Config } from '../config.js';
import { Availability, type DatabaseGuard } from './availability.js';
import { connectDriver } from './driver.js';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded.js';
import { Database } from './run.js';
import { superviseEmbeddedNeo4j } from './supervisor.js';

export interface DatabaseHooks {
  log?: (line: string, level?: 'info' | 'warn' | 'error') => void;
  /** Each time the embedded Neo4j is up again after dying. */
  onRestart?: (count: number) => void;
  /** Sessions opening and closing, for the metrics. */
  sessions?: DatabaseGuard['sessions'];
}

export interface OpenDatabase {
  db: Database;
  uri: string;
  availability: Availability;
  embedded: Pick<EmbeddedNeo4j, 'uri' | 'pid' | 'stop'> | undefined;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  logLine: (line: string) => void = console.error,
  hooks: DatabaseHooks = {},
): Promise<OpenDatabase> {
  const log = hooks.log ?? ((line: string) => logLine(line));
  let embedded: OpenDatabase['embedded'];
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    log(`Starting the embedded Neo4j (data in ${config.embedded.dataDir})...`);
    const options = { ...config.embedded, password: config.neo4j.password };
    embedded = config.embedded.restart
      ? await superviseEmbeddedNeo4j(options, { log, onRestart: hooks.onRestart })
      : await startEmbeddedNeo4j(options);
    uri = embedded.uri;
    log(`Embedded Neo4j ready at ${uri}`);
  }
  try {
    const driver = await connectDriver({ ...config.neo4j, uri, retryTimeMs: config.neo4j.retryMs });
    const plain = new Database(driver, config.neo4j.database, config.neo4j.txTimeoutMs);
    const availability = new Availability({ probe: () => plain.probe(config.neo4j.pingTimeoutMs) });
    availability.onChange((up, downForMs) =>
      up
        ? log(`Neo4j at ${uri} answers again after ${(downForMs / 1000).toFixed(1)} s`, 'warn')
        : log(`Neo4j at ${uri} does not answer: requests get DATABASE_UNAVAILABLE until it does`, 'error'),
    );
    return {
      db: plain.guarded({ availability, sessions: hooks.sessions }),
      uri,
      availability,
      embedded,
      close: async () => {
        availability.stop();
        // A stalled Neo4j never answers the driver's goodbye: do not wait for it for ever.
        await Promise.race([driver.close(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
