// searchAll: everything a reader reads, by its words — quotes, claims, event labels and
// summaries, names, titles — in either language, whatever the case and accents, best first, each
// hit saying what matched and where; query syntax in the input is searched for as text.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { eventSearchText } from '../../src/ingest/statements.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

const QUERY = `query($q: String!, $in: [SearchTarget!], $first: Int) {
  searchAll(query: $q, in: $in, first: $first) {
    totalCount
    edges {
      score
      matched { field lang text highlights { start end } }
      quote { quote start end paragraph { index } }
      node { __typename id ... on Event { key } ... on Claim { key } ... on Entity { key } }
    }
  }
}`;

interface Hit {
  score: number;
  matched: { field: string; lang: string | null; text: string; highlights: { start: number; end: number }[] };
  quote: { quote: string; start: number; end: number; paragraph: { index: number } } | null;
  node: { __typename: string; id: string; key?: string };
}

async function searchAll(q: string, extra: { in?: string[]; first?: number } = {}) {
  const res = await graph.gql(QUERY, { q, ...extra });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.searchAll as { totalCount: number; edges: Hit[] };
}

/** The words a hit highlights, as written in its text. */
const words = (h: Hit) =>
  h.matched.highlights.map((s) => Array.from(h.matched.text).slice(s.start, s.end).join(''));

describe('search over everything a reader reads', () => {
  it('"lagu" finds the quotes that say it, each with its offsets in the article', async () => {
    const res = await searchAll('lagu', { in: ['EVIDENCE'] });
    expect(res.totalCount).toBeGreaterThanOrEqual(2);
    for (const hit of res.edges) {
      expect(hit.node.__typename).toBe('Evidence');
      expect(hit.matched.field).toBe('quote');
      expect(hit.matched.lang).toBe('id');
      expect(words(hit).map((w) => w.toLowerCase())).toContain('lagu');
      expect(hit.quote?.quote).toBe(hit.matched.text);
      expect(hit.quote?.end).toBe((hit.quote?.start ?? 0) + Array.from(hit.matched.text).length);
    }
    const [text] = await graph.cypher('MATCH (a:Article) RETURN a.text AS text');
    const first = res.edges[0]?.quote;
    expect(Array.from(String(text?.text)).slice(first?.start, first?.end).join('')).toBe(first?.quote);
  });

  it('"walrus" finds the walrus show (label and summary) as well as the quote', async () => {
    const res = await searchAll('walrus');
    const keys = res.edges.map((e) => e.node.key ?? e.node.__typename);
    expect(keys).toEqual(expect.arrayContaining(['c27a19544a1cdf98/event:walrus-show', 'Evidence']));
    const show = res.edges.find((e) => e.node.key === 'c27a19544a1cdf98/event:walrus-show');
    expect(show?.matched).toMatchObject({
      field: 'label',
      lang: 'en',
      text: 'Walrus show at a Russian aquarium',
    });
    expect(words(show as Hit)).toEqual(['Walrus']);
  });

  it('"song" finds the claims and events that say so in English; "lagu" in Indonesian', async () => {
    const song = await searchAll('song', { in: ['EVENT', 'CLAIM'] });
    expect(song.totalCount).toBeGreaterThan(0);
    for (const hit of song.edges) expect(words(hit).map((w) => w.toLowerCase())).toContain('song');
    const lagu = await searchAll('lagu', { in: ['CLAIM', 'EVENT', 'EVIDENCE'] });
    expect(lagu.totalCount).toBeGreaterThan(0);
    for (const hit of lagu.edges) expect(words(hit).map((w) => w.toLowerCase())).toContain('lagu');
  });

  it('edges come in score order, best first', async () => {
    const res = await searchAll('Kim Jong-un Rusia', { first: 50 });
    const scores = res.edges.map((e) => e.score);
    expect(scores.length).toBeGreaterThan(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('case and accents do not matter, and the last word may be partial', async () => {
    const plain = await searchAll('pertunjukan walrus');
    const shouted = await searchAll('PERTUNJÜKAN WÁLRUS');
    expect(shouted.edges.map((e) => e.node.id)).toEqual(plain.edges.map((e) => e.node.id));
    const partial = await searchAll('pertunjukan walr');
    expect(partial.edges.map((e) => e.node.id)).toEqual(
      expect.arrayContaining(plain.edges.map((e) => e.node.id)),
    );
  });

  it('names and aliases are searched too: an entity hit says which name matched', async () => {
    const res = await searchAll('Korea Utara', { in: ['ENTITY'] });
    expect(res.edges[0]?.node.key).toBe('country:north-korea');
    expect(res.edges[0]?.matched).toMatchObject({ field: 'name', lang: 'id', text: 'Korea Utara' });
  });
});

describe('query syntax is searched for as text', () => {
  // Each of these is a Lucene syntax error, or a different query, unless every word is escaped.
  for (const q of [
    'walrus)',
    '"walrus',
    'walrus AND',
    'walrus -show',
    'walrus [',
    'walrus ~',
    'walrus || (',
  ]) {
    it(`${JSON.stringify(q)} answers without an error, with the hits of its words`, async () => {
      const res = await searchAll(q);
      expect(res.totalCount).toBeGreaterThan(0);
      expect(res.edges.some((e) => e.node.key === 'c27a19544a1cdf98/event:walrus-show')).toBe(true);
    });
  }

  it('"Jong-un" is the two words, not "Jong NOT un": it finds what says Jong-un', async () => {
    const res = await searchAll('Jong-un', { in: ['ENTITY'] });
    const kim = res.edges.find((e) => e.node.key === 'person:kim-jong-un');
    expect(kim).toBeDefined();
    expect(words(kim as Hit).map((w) => w.toLowerCase())).toEqual(expect.arrayContaining(['jong', 'un']));
  });

  it('input without a letter or digit is refused', async () => {
    const res = await graph.gql(QUERY, { q: ') ( "' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('event labels and summaries, read as text', () => {
  it('are found by their words in either language, and the keys of their maps ("en", "id") are not words of them', async () => {
    const all = await graph.gql('{ events(first: 1) { totalCount } }');
    const events = all.data.events.totalCount as number;
    expect(events).toBeGreaterThan(5);
    // Read as JSON, every event would match both; read as text, only those with such words do,
    // and each hit shows the word that matched.
    for (const key of ['en', 'id']) {
      const hits = await searchAll(key, { in: ['EVENT'], first: 50 });
      expect(hits.totalCount, key).toBeLessThan(events);
      for (const h of hits.edges) expect(words(h).length, `${key}: ${h.matched.text}`).toBeGreaterThan(0);
    }
    const [event] = await graph.cypher('MATCH (s:Event) RETURN s.labelJson AS label ORDER BY s.id LIMIT 1');
    const label = JSON.parse(String(event?.label)) as Record<string, string>;
    for (const [lang, text] of Object.entries(label)) {
      const word = text.split(/\s+/).find((w) => w.length > 4) as string;
      const hits = await searchAll(word, { in: ['EVENT'] });
      expect(hits.totalCount, `${lang}: ${word}`).toBeGreaterThan(0);
    }
  });

  it('are brought to the index at start-up for events written before they were', async () => {
    const before = await graph.cypher('MATCH (s:Event) RETURN s.id AS id, s.searchText AS text ORDER BY id');
    await graph.cypher('MATCH (s:Event) REMOVE s.searchText');
    await migrate(graph.db);
    const after = await graph.cypher(
      'MATCH (s:Event) RETURN s.id AS id, s.searchText AS text, s.labelJson AS l, s.summaryJson AS m ORDER BY id',
    );
    expect(after.map(({ id, text }) => ({ id, text }))).toEqual(before);
    for (const row of after) expect(row.text).toBe(eventSearchText(row.l as string, row.m as string));
  });
});
