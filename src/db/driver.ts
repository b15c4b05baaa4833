// One driver per process, checked before use; connection failures become one clear sentence.
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';

export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

export interface DriverOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  connectTimeoutMs: number;
}

export async function connectDriver(o: DriverOptions): Promise<Driver> {
  const driver = neo4j.driver(o.uri, neo4j.auth.basic(o.username, o.password), {
    disableLosslessIntegers: true,
    connectionTimeout: o.connectTimeoutMs,
    connectionAcquisitionTimeout: o.connectTimeoutMs,
    maxConnectionPoolSize: 50,
    userAgent: 'news-graph/0.1',
  });
  try {
    await driver.verifyAuthentication({ database: o.database }).then((ok) => {
      if (!ok) throw new Neo4jError('authentication failed', 'Neo.ClientError.Security.Unauthorized', '', '');
    });
    await driver.executeQuery('RETURN 1', {}, { database: o.database });
    return driver;
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw new DatabaseConnectError(describeConnectError(error, o));
  }
}

export function describeConnectError(
  error: unknown,
  o: Pick<DriverOptions, 'uri' | 'username' | 'database'>,
): string {
  const code = error instanceof Neo4jError ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    /unauthorized|authentication failure/i.test(message)
  ) {
    return `Neo4j at ${o.uri} refused the credentials of user "${o.username}": check NEO4J_USERNAME and NEO4J_PASSWORD`;
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return `Neo4j at ${o.uri} is blocking logins for "${o.username}" after too many failed attempts; wait and retry`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || /database does not exist/i.test(message)) {
    return `Neo4j at ${o.uri} has no database "${o.database}": check NEO4J_DATABASE`;
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ENOTFOUND|connect/i.test(message)
  ) {
    return `no Neo4j answers at ${o.uri} (${message.split('\n')[0]}): start it, or check NEO4J_URI`;
  }
  return `could not connect to Neo4j at ${o.uri}: ${message.split('\n')[0]}`;
}
