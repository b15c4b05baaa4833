// Which driver failures tell clients that the database is unavailable, and which stay masked.
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isTimedOut, isUnavailableError, mapDriverError } from '../../src/db/failures.js';

const driverError = (code: string, message = 'x') => new Neo4jError(message, code, '50N42', '');

describe('driver failures', () => {
  it.each([
    'ServiceUnavailable',
    'SessionExpired',
    'Neo.TransientError.General.DatabaseUnavailable',
    'Neo.TransientError.Transaction.DeadlockDetected',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  ])('%s becomes DATABASE_UNAVAILABLE with HTTP 503', (code) => {
    const mapped = mapDriverError(driverError(code));
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect((mapped as GraphQLError).extensions).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      http: { status: 503 },
    });
  });

  it('a pool that cannot hand out a connection in time is unavailability too', () => {
    expect(isUnavailableError(driverError('N/A', 'Connection acquisition timed out in 10000 ms.'))).toBe(
      true,
    );
  });

  it('query faults and anything not from the driver pass through, to be masked', () => {
    for (const error of [
      driverError('Neo.ClientError.Statement.SyntaxError'),
      driverError('Neo.ClientError.Procedure.ProcedureCallFailed'),
      new Error('ServiceUnavailable'),
    ]) {
      expect(mapDriverError(error)).toBe(error);
    }
  });

  it('a probe that Neo4j ended at its timeout met a busy or stalled Neo4j; a broken connection, a down one', () => {
    expect(isTimedOut(driverError('Neo.ClientError.Transaction.TransactionTimedOut'))).toBe(true);
    expect(
      isTimedOut(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')),
    ).toBe(true);
    expect(isTimedOut(driverError('ServiceUnavailable'))).toBe(false);
    expect(isTimedOut(driverError('N/A', 'connect ECONNREFUSED 127.0.0.1:7687'))).toBe(false);
  });
});
