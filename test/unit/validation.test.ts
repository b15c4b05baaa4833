// Arguments checked by their declared schemas before any resolver runs: the client learns which
// argument was wrong, what it must be and what it sent, with BAD_USER_INPUT.
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

/** Runs a query that must be refused before it reaches a resolver (the context is empty). */
async function refusal(source: string) {
  const result = await graphql({ schema, source, contextValue: {} });
  expect(result.errors, source).toHaveLength(1);
  const [error] = result.errors ?? [];
  return { message: error?.message, extensions: error?.extensions };
}

describe('argument validation', () => {
  it.each([
    [
      '{ neighborhood(key: "country:russia", depth: 4) { truncated } }',
      'depth',
      '"depth" must be from 1 to 3 (got 4)',
    ],
    [
      '{ neighborhood(key: "country:russia", depth: 0) { truncated } }',
      'depth',
      '"depth" must be from 1 to 3 (got 0)',
    ],
    [
      '{ neighborhood(key: "country:russia", first: 201) { truncated } }',
      'first',
      '"first" must be from 1 to 200 (got 201)',
    ],
    [
      '{ paths(from: "a", to: "b", maxHops: 9) { length } }',
      'maxHops',
      '"maxHops" must be from 1 to 6 (got 9)',
    ],
    ['{ paths(from: "a", to: "b", first: 21) { length } }', 'first', '"first" must be from 1 to 20 (got 21)'],
    [
      '{ timeline(from: "2023-13") { totalCount } }',
      'from',
      '"from" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2023-13")',
    ],
    [
      '{ timeline(to: "2023-02-30") { totalCount } }',
      'to',
      '"to" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2023-02-30")',
    ],
    ['{ timeline(from: "2024", to: "2023") { totalCount } }', 'from', '"from" (2024) is after "to" (2023)'],
    [
      '{ claims(filter: { from: "2023-9" }) { totalCount } }',
      'from',
      '"from" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2023-9")',
    ],
    [
      '{ claims(filter: { from: "2023-10", to: "2023-09-30" }) { totalCount } }',
      'from',
      '"from" (2023-10) is after "to" (2023-09-30)',
    ],
    [
      '{ events(filter: { to: "yesterday" }) { totalCount } }',
      'to',
      '"to" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "yesterday")',
    ],
    [
      '{ events(filter: { from: "2024-01-01", to: "2023" }) { totalCount } }',
      'from',
      '"from" (2024-01-01) is after "to" (2023)',
    ],
    [
      `{ search(query: "${'x'.repeat(201)}") { totalCount } }`,
      'query',
      '"query" must be at most 200 characters (got 201)',
    ],
    [
      '{ search(query: ") ( \\"") { totalCount } }',
      'query',
      '"query" must contain at least one letter or digit',
    ],
    [
      `{ searchAll(query: "${'x'.repeat(201)}") { totalCount } }`,
      'query',
      '"query" must be at most 200 characters (got 201)',
    ],
    [
      '{ searchAll(query: "-- !") { totalCount } }',
      'query',
      '"query" must contain at least one letter or digit',
    ],
    // first and last of every connection, root or nested, in memory or from the database.
    ['{ claims(first: 101) { totalCount } }', 'first', '"first" must be at most 100 (got 101)'],
    ['{ claims(last: -1) { totalCount } }', 'last', '"last" must not be negative (got -1)'],
    ['{ search(query: "kim", first: -3) { totalCount } }', 'first', '"first" must not be negative (got -3)'],
    ['{ timeline(last: 500) { totalCount } }', 'last', '"last" must be at most 100 (got 500)'],
  ])('%s', async (query, argument, message) => {
    expect(await refusal(query)).toEqual({ message, extensions: { code: 'BAD_USER_INPUT', argument } });
  });
});
