// Relay pagination windows, and the errors a client gets for impossible pages.
import { describe, expect, it } from 'vitest';
import { connectionFromArray, toCursor } from '../../src/schema/pagination.js';

const items = Array.from({ length: 7 }, (_, i) => ({ node: `n${i}` }));
const ids = (c: { edges: { node: string }[] }) => c.edges.map((e) => e.node);

describe('connections', () => {
  it('page forward with first/after and backward with last/before', () => {
    const first = connectionFromArray(items, { first: 3 });
    expect(ids(first)).toEqual(['n0', 'n1', 'n2']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = connectionFromArray(items, { first: 3, after: first.pageInfo.endCursor });
    expect(ids(next)).toEqual(['n3', 'n4', 'n5']);
    const last = connectionFromArray(items, { last: 2 });
    expect(ids(last)).toEqual(['n5', 'n6']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = connectionFromArray(items, { last: 2, before: last.pageInfo.startCursor });
    expect(ids(before)).toEqual(['n3', 'n4']);
    expect(first.totalCount).toBe(7);
  });

  it('return 20 items when neither first nor last is given', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ node: i }));
    expect(connectionFromArray(many, {}).edges).toHaveLength(20);
  });

  it('refuse a cursor they did not issue', () => {
    expect(() => connectionFromArray(items, { after: 'bm9wZQ' })).toThrow(
      /"after" is not a cursor returned by this API/,
    );
    expect(connectionFromArray(items, { after: toCursor(5) }).edges.map((e) => e.node)).toEqual(['n6']);
  });
});
