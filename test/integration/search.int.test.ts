// Finding entities by name: either language, any case or accents, partial words, type filters,
// and input that looks like Lucene query syntax searched for as text, never run as a query.
import { describe, expect, it } from 'vitest';
import { useGraph, useStatementCount } from '../helpers.js';

const graph = useGraph();

const QUERY = `query($q: String!, $types: [EntityType!], $first: Int) {
  search(query: $q, types: $types, first: $first) {
    totalCount
    edges { score matchedName node { key type label } }
  }
}`;

async function search(q: string, extra: { types?: string[]; first?: number } = {}) {
  const res = await graph.gql(QUERY, { q, ...extra });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.search as {
    totalCount: number;
    edges: { score: number; matchedName: string; node: { key: string; type: string; label: string } }[];
  };
}

const first = async (q: string) => (await search(q)).edges[0]?.node.key;

describe('the same entity in Indonesian and in English', () => {
  const pairs: [string, string, string][] = [
    ['Korea Utara', 'North Korea', 'country:north-korea'],
    ['Rusia', 'Russia', 'country:russia'],
    ['Dewan Keamanan PBB', 'UN Security Council', 'org:un-security-council'],
    ['Korea Selatan', 'South Korea', 'country:south-korea'],
    ['Amunisi', 'Ammunition', 'item:ammunition'],
  ];
  for (const [id, en, key] of pairs) {
    it(`"${id}" and "${en}" both find ${key} first`, async () => {
      const [a, b] = [await search(id), await search(en)];
      expect(a.edges[0]?.node.key).toBe(key);
      expect(b.edges[0]?.node.key).toBe(key);
      expect(a.edges[0]?.matchedName).toBe(id);
      expect(b.edges[0]?.matchedName).toBe(en);
    });
  }

  it('best match first: "Rusia" ranks Russia above the many names that contain the word', async () => {
    const res = await search('Rusia');
    expect(res.totalCount).toBeGreaterThan(3);
    expect(res.edges.map((e) => e.node.key)).toEqual(
      expect.arrayContaining(['country:russia', 'place:russian-far-east', 'org:russian-military-band']),
    );
    const scores = res.edges.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
  });

  it('"Dewan Keamanan PBB" finds the Security Council ahead of the United Nations itself', async () => {
    const keys = (await search('Dewan Keamanan PBB')).edges.map((e) => e.node.key);
    expect(keys[0]).toBe('org:un-security-council');
    expect(keys.indexOf('org:united-nations')).not.toBe(0);
  });
});

describe('case, accents and partial words', () => {
  it('case and accents do not matter', async () => {
    for (const q of ['KOREA útara', 'korea utara', 'KORÉA UTÂRA', 'ruSSIA']) {
      const key = await first(q);
      expect(key, q).toBe(q.toLowerCase().includes('rus') ? 'country:russia' : 'country:north-korea');
    }
  });

  it('partial words find the entity: "kore utar", "dewan keam", "kozhem"', async () => {
    expect(await first('kore utar')).toBe('country:north-korea');
    expect(await first('dewan keam')).toBe('org:un-security-council');
    expect(await first('kozhem')).toBe('person:oleg-kozhemyako');
    expect(await first('yoon suk')).toBe('person:yoon-suk-yeol');
  });

  it('partial names with small words ("of", "the") still find the entity as it is typed', async () => {
    expect(await first('government of primor')).toBe('org:government-of-primorsky-krai');
    expect(await first('allies of the uni')).toBe('group:us-allies');
    expect(await first('Government of Primorsky Krai')).toBe('org:government-of-primorsky-krai');
  });

  it('punctuation in names does not matter: "kim jong un", "korea-utara"', async () => {
    expect(await first('kim jong un')).toBe('person:kim-jong-un');
    expect(await first('korea-utara')).toBe('country:north-korea');
    expect(await first('Kim Jong-un')).toBe('person:kim-jong-un');
  });

  it('a name that is nowhere finds nothing', async () => {
    expect(await search('Pyongyangxyz')).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('the types filter', () => {
  it('limits results to the types given', async () => {
    const all = await search('Rusia');
    const places = await search('Rusia', { types: ['Location', 'Country'] });
    expect(places.totalCount).toBeLessThan(all.totalCount);
    expect(places.totalCount).toBeGreaterThan(1);
    expect(places.edges.every((e) => ['Location', 'Country'].includes(e.node.type))).toBe(true);
    expect(places.edges[0]?.node.key).toBe('country:russia');
    const groups = await search('Rusia', { types: ['Group'] });
    expect(groups.edges.map((e) => e.node.key).sort()).toEqual([
      'group:russian-residents',
      'group:russian-state-media',
    ]);
    // The only Person named with "Korea Utara" is Kim, as "orang nomor satu di Korea Utara".
    const persons = await search('Korea Utara', { types: ['Person'] });
    expect(persons.edges.map((e) => e.node.key)).toEqual(['person:kim-jong-un']);
  });

  it('an empty types list means every type', async () => {
    expect((await search('Rusia', { types: [] })).totalCount).toBe((await search('Rusia')).totalCount);
  });
});

describe('Lucene syntax is searched for as text, never run', () => {
  it('operators and special characters neither fail nor act as operators', async () => {
    for (const q of [
      'Kim AND (Putin',
      'title:x~',
      'Kim^10 OR',
      '[a TO z]',
      'Kim~0.5',
      'kor*',
      'korea?',
      'a && b || c',
      '/re/',
    ]) {
      const res = await graph.gql(QUERY, { q });
      expect(res.errors, q).toBeUndefined();
      expect(res.status).toBe(200);
    }
  });

  it('"Kim OR Putin" is not a disjunction: it does not return Putin or Kim on their own', async () => {
    const keys = (await search('Kim OR Putin')).edges.map((e) => e.node.key);
    expect(keys).not.toContain('person:vladimir-putin');
    expect(keys).not.toContain('person:kim-jong-un');
  });

  it('"NOT Kim" is not a negation, "Kim -Jong" is no exclusion: words are words', async () => {
    // Run as Lucene, "Korea NOT Utara" would find South Korea; as words, every one of which must
    // match, it finds no entity, since none is named "not".
    expect((await search('Korea NOT Utara')).edges.map((e) => e.node.key)).toEqual([]);
    expect((await search('Korea Utara')).edges.map((e) => e.node.key)).toContain('country:north-korea');
    expect(await first('Kim -Jong')).toBe('person:kim-jong-un');
  });

  it('ranks a name that starts with the query above longer names that also do', async () => {
    expect((await search('kim jong')).edges.map((e) => e.node.key).slice(0, 2)).toEqual([
      'person:kim-jong-un',
      'item:armoured-train',
    ]);
  });

  it('finds names made of short common words, such as "AS" for the United States', async () => {
    expect(await first('AS')).toBe('country:united-states');
    expect(await first('Amerika Serikat')).toBe('country:united-states');
  });

  it('a wildcard or a field name in the input is not syntax', async () => {
    // As text "kor*" is the word "kor": a prefix of Korea, as any partial word would be.
    expect(await first('kor*')).toBe('country:north-korea');
    expect((await search('searchText:Russia')).edges.map((e) => e.node.key)).not.toContain('country:russia');
  });

  it('input that is only syntax is refused as bad input, never an internal error', async () => {
    for (const q of ['*', '"', '\\', '()', '~', ' ', '', '   \t ', '&&', '-']) {
      const res = await graph.gql(QUERY, { q });
      expect(res.errors, JSON.stringify(q)).toHaveLength(1);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
      expect(res.errors?.[0]?.message).not.toMatch(/unexpected/i);
    }
  });

  it('an over-long query is refused as bad input', async () => {
    const res = await graph.gql(QUERY, { q: 'korea '.repeat(50) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(res.errors?.[0]?.message).toContain('200');
  });
});

describe('what a search reads', () => {
  const measure = useStatementCount(graph);

  it('counts its matches only when totalCount is asked for', async () => {
    const page = `query($after: String) { search(query: "korea", first: 1, after: $after) {
      edges { cursor node { key } } pageInfo { hasNextPage hasPreviousPage } } }`;
    const one = await measure(page);
    expect(one.statements).toBe(1);
    expect(one.data.search.edges).toHaveLength(1);
    expect(one.data.search.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    // The next page, from the cursor, is the next match, and says what lies either side of it.
    const next = await measure(page, { after: one.data.search.edges[0].cursor });
    expect(next.statements).toBe(1);
    expect(next.data.search.edges[0].node.key).not.toBe(one.data.search.edges[0].node.key);
    expect(next.data.search.pageInfo.hasPreviousPage).toBe(true);
    const counted = await measure(
      '{ search(query: "korea", first: 1) { totalCount edges { node { key } } } }',
    );
    expect(counted.statements).toBe(2);
    expect(counted.data.search.totalCount).toBeGreaterThan(1);
  });
});
