// How a single-statement read meets a transient failure: retried within the driver's budget, like
// a managed transaction, while query faults fail at once and unavailability reaches the client.
import { GraphQLError } from 'graphql';
import { type Driver, Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/run.js';

const transient = () =>
  new Neo4jError('lost it', 'Neo.TransientError.General.DatabaseUnavailable', '50N42', '');
const syntax = () => new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '42001', '');

/** A driver whose sessions answer each run with the next outcome; counts runs and open sessions. */
function fakeDriver(outcomes: (Error | Record<string, unknown>[])[]) {
  const seen = { runs: 0, open: 0, modes: [] as string[] };
  const driver = {
    session: (config: { defaultAccessMode: string }) => {
      seen.open += 1;
      seen.modes.push(config.defaultAccessMode);
      return {
        run: async () => {
          const outcome = outcomes[Math.min(seen.runs++, outcomes.length - 1)];
          if (outcome instanceof Error) throw outcome;
          return { records: (outcome ?? []).map((row) => ({ toObject: () => row })) };
        },
        close: async () => {
          seen.open -= 1;
        },
      };
    },
  };
  return { driver: driver as unknown as Driver, seen };
}

describe('a single-statement read', () => {
  it('is retried after a transient failure and returns the rows of the next attempt', async () => {
    const { driver, seen } = fakeDriver([transient(), [{ n: 1 }]]);
    const rows = await new Database(driver, 'neo4j', 1_000).read({ cypher: 'RETURN 1 AS n' });
    expect(rows).toEqual([{ n: 1 }]);
    expect(seen).toMatchObject({ runs: 2, open: 0, modes: ['READ', 'READ'] });
  });

  it('fails at once on a fault of the query, which no retry mends', async () => {
    const { driver, seen } = fakeDriver([syntax()]);
    const error = syntax();
    await expect(new Database(driver, 'neo4j', 1_000).read({ cypher: 'RETURN' })).rejects.toMatchObject({
      code: error.code,
    });
    expect(seen).toMatchObject({ runs: 1, open: 0 });
  });

  it('gives up when the budget is spent, as DATABASE_UNAVAILABLE', async () => {
    const { driver, seen } = fakeDriver([transient()]);
    const failure = await new Database(driver, 'neo4j', 1_000).read({ cypher: 'RETURN 1' }).catch((e) => e);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect(failure.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    // Retried at least once; the default budget of one second leaves room for two retries at most
    // (the first after 0.8 to 1.2 s, the next two seconds later).
    expect(seen.runs).toBeGreaterThanOrEqual(2);
    expect(seen.runs).toBeLessThanOrEqual(3);
    expect(seen.open).toBe(0);
  });
});
