// The one place that reads neo4j-driver's errors: what a failed request tells its client, and the
// sentence a failed connection at start-up prints.
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { badRequest, databaseUnavailable } from '../errors.js';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // The transaction ran past its timeout: on a healthy database our queries finish far sooner.
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * Whether an error means "Neo4j cannot serve this now" (down, restarting, stalled, overloaded,
 * timed out) rather than a fault in the query. Retryable driver errors are exactly those: the
 * driver has already retried them within its budget when they reach us.
 */
export function isUnavailableError(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    isRetryableError(error) ||
    /acquisition timed out|Connection was closed|connect ECONNREFUSED/i.test(error.message)
  );
}

/**
 * Whether a failed probe met a Neo4j that answered, too late: its transaction ran past the timeout
 * the probe gave it. Busy or stalled, not down; anything else (a refused or broken connection) is down.
 */
export function isTimedOut(error: unknown): boolean {
  return (
    error instanceof Neo4jError && /^Neo\.ClientError\.Transaction\.TransactionTimedOut/.test(error.code)
  );
}

/**
 * A driver failure as clients see it: DATABASE_UNAVAILABLE (HTTP 503) when Neo4j cannot serve;
 * anything else is returned as it is, to be masked as "Unexpected error.".
 */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof Neo4jError && /^Neo\.ClientError\.Transaction\.InvalidBookmark/.test(error.code)) {
    return badRequest('the Neo4j-Bookmark header holds a bookmark this database does not know');
  }
  return isUnavailableError(error) ? databaseUnavailable() : error;
}

/** One sentence for a failure to connect at start-up, naming what to check. */
export function describeConnectError(
  error: unknown,
  o: { uri: string; username: string; database: string },
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
