// One driver per process, checked before use; connection failures become one clear sentence.
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import { describeConnectError } from './failures.js';

export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

/** Connections the driver keeps to Neo4j at most. */
export const POOL_SIZE = 50;

export interface DriverOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  connectTimeoutMs: number;
  /**
   * How long the driver keeps retrying a transaction that failed on a transient error (a lost
   * connection, a leader switch). A request must not hang while Neo4j is down: seconds, not the
   * driver's default 30 s.
   */
  retryTimeMs?: number;
}

/** The retry budget each driver was made with: single-statement reads retry by it too (run.ts). */
const retryBudgets = new WeakMap<Driver, number>();

/** How long work on `driver` keeps retrying transient failures, as connectDriver configured it. */
export const retryTimeOf = (driver: Driver): number => retryBudgets.get(driver) ?? DEFAULT_RETRY_MS;

const DEFAULT_RETRY_MS = 1_000;

export async function connectDriver(o: DriverOptions): Promise<Driver> {
  const driver = neo4j.driver(o.uri, neo4j.auth.basic(o.username, o.password), {
    disableLosslessIntegers: true,
    connectionTimeout: o.connectTimeoutMs,
    connectionAcquisitionTimeout: o.connectTimeoutMs,
    maxConnectionPoolSize: POOL_SIZE,
    maxTransactionRetryTime: o.retryTimeMs ?? DEFAULT_RETRY_MS,
    userAgent: 'news-graph/0.1',
  });
  retryBudgets.set(driver, o.retryTimeMs ?? DEFAULT_RETRY_MS);
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
