// The list cap reads each document's shape once and the variables of every request: a document
// seen first with a short list is still refused with a long one.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findLongList, MAX_LIST_ITEMS } from '../../src/http/list-limits.js';
import { schema } from '../../src/schema/index.js';

const kinds = (n: number) => ({ f: { kinds: Array.from({ length: n }, () => 'ArmsDeal') } });

describe('the list cap', () => {
  it('checks the variables of every request, not only of the first with that document', () => {
    const document = parse('query($f: ClaimFilter) { claims(filter: $f) { totalCount } }');
    expect(findLongList(schema, document, kinds(2))).toBeUndefined();
    expect(findLongList(schema, document, kinds(MAX_LIST_ITEMS + 1))).toEqual({
      argument: 'filter.kinds',
      count: MAX_LIST_ITEMS + 1,
    });
    expect(findLongList(schema, document, kinds(3))).toBeUndefined();
  });

  it('finds nothing to check in a document without list arguments', () => {
    const document = parse('query($k: String!) { entity(key: $k) { key } }');
    expect(findLongList(schema, document, { k: 'country:russia' })).toBeUndefined();
  });
});
