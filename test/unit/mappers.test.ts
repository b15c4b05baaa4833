// What leaves the database module is plain data, however deep the driver's values sit.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/db/mappers.js';

describe('toPlain', () => {
  it('turns integers, dates and nodes into numbers, text and maps at every depth', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'country:russia', rank: neo4j.int(3) });
    const row = {
      count: neo4j.int(42),
      day: new neo4j.types.Date(2023, 9, 17),
      missing: undefined,
      items: [{ node, keys: [new neo4j.types.Date(2023, 9, 13), 'x', neo4j.int(7)] }, null],
      nested: { deeper: { list: [[neo4j.int(1), true]] } },
    };
    expect(toPlain(row)).toEqual({
      count: 42,
      day: '2023-09-17',
      missing: null,
      items: [{ node: { id: 'country:russia', rank: 3 }, keys: ['2023-09-13', 'x', 7] }, null],
      nested: { deeper: { list: [[1, true]] } },
    });
    // A node's own properties are left as the driver gave them.
    expect(neo4j.isInt(node.properties.rank)).toBe(true);
  });
});
