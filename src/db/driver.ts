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

/**
 * The oldest Neo4j the service's statements run on: scoped subqueries, `CALL () { … }`, came in
 * 5.23 and relationship types from a value, `[x:$(type)]`, in 5.26.
 */
export const OLDEST_NEO4J: readonly [number, number] = [5, 26];

/**
 * Why the Neo4j whose agent string is `agent` ("Neo4j/5.26.31", "Neo4j/5.27-aura",
 * "Neo4j/2025.01.0") is too old for the service, or undefined when it is not, or when the string
 * says no version (it is then left to the statements to say).
 */
export function tooOld(agent: string | undefined, uri: string): string | undefined {
  const found = /^Neo4j\/(\d+)\.(\d+)/.exec(agent ?? '');
  if (!found) return undefined;
  const [major, minor] = [Number(found[1]), Number(found[2])];
  const [needMajor, needMinor] = OLDEST_NEO4J;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return (
    `Neo4j at ${uri} is version ${major}.${minor} (${agent}); the service needs ${needMajor}.${needMinor} ` +
    'or newer (its statements use scoped CALL subqueries and relationship types given as values). ' +
    'Upgrade it, or leave NEO4J_URI unset to run the embedded one'
  );
}

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
  let agent: string | undefined;
  try {
    await driver.verifyAuthentication({ database: o.database }).then((ok) => {
      if (!ok) throw new Neo4jError('authentication failed', 'Neo.ClientError.Security.Unauthorized', '', '');
    });
    await driver.executeQuery('RETURN 1', {}, { database: o.database });
    agent = (await driver.getServerInfo({ database: o.database })).agent;
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw new DatabaseConnectError(describeConnectError(error, o));
  }
  const problem = tooOld(agent, o.uri);
  if (problem) {
    await driver.close().catch(() => undefined);
    throw new DatabaseConnectError(problem);
  }
  return driver;
}
