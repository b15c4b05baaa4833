// Query syntax in search words is searched for as text, never run as Lucene syntax. The search
// field's normalisation already drops punctuation, so these words reach the query builder
// directly: they check the escaping itself, against the real full-text index.
import { describe, expect, it } from 'vitest';
import { countSearch, luceneQuery } from '../../src/db/queries/graph.js';
import { ENTITY_TYPES } from '../../src/vocabulary.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

const count = async (tokens: string[]) =>
  (await graph.db.read(countSearch(luceneQuery(tokens), [...ENTITY_TYPES.values])))[0]?.total;

describe('Lucene syntax in search words', () => {
  it('matches as the plain words would', async () => {
    const plain = await count(['korea']);
    expect(plain).toBeGreaterThan(0);
    for (const word of ['korea)', '(korea', 'korea]', '"korea', 'korea:', 'korea^9', 'korea~', 'korea/']) {
      expect(await count([word]), word).toBe(plain);
    }
  });

  it('treats operator words as words', async () => {
    // "OR" as an operator would find either country; as a word it is one no name contains.
    expect(await count(['korea', 'OR', 'rusia'])).toBe(0);
    expect(await count(['korea', 'NOT', 'utara'])).toBe(0);
  });
});
