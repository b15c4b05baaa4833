// Opens the database the configuration names: the given NEO4J_URI, or the embedded Neo4j.
import type { Config } from '../config.js';
import { connectDriver } from './driver.js';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded.js';
import { Database } from './run.js';

export interface OpenDatabase {
  db: Database;
  uri: string;
  embedded: EmbeddedNeo4j | undefined;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  log: (line: string) => void = console.error,
): Promise<OpenDatabase> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    log(`Starting the embedded Neo4j (data in ${config.embedded.dataDir})...`);
    embedded = await startEmbeddedNeo4j({ ...config.embedded, password: config.neo4j.password });
    uri = embedded.uri;
    log(`Embedded Neo4j ready at ${uri}`);
  }
  try {
    const driver = await connectDriver({ ...config.neo4j, uri });
    const db = new Database(driver, config.neo4j.database, config.neo4j.txTimeoutMs);
    return {
      db,
      uri,
      embedded,
      close: async () => {
        await driver.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
