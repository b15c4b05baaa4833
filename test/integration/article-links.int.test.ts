// What the seed article shows beside its story, linked to the graph: the photo credit names the
// regional government and the agency, and the "Baca juga" link's title stands in the text.
import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { ingestDocument } from '../../src/ingest/ingest.js';
import { createYogaServer } from '../../src/yoga.js';
import { ARTICLE_KEY, readSeed, useGraph } from '../helpers.js';

const graph = useGraph();

const QUERY = `query($key: String!) {
  article(key: $key) {
    text
    photo { credit creditSpan { start end } creditedTo { key } }
    related { title titleSpan { start end } names { key } }
  }
}`;

async function article(key = ARTICLE_KEY) {
  const res = await graph.gql<any>(QUERY, { key });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.article;
}

const slice = (text: string, span: { start: number; end: number }) =>
  Array.from(text).slice(span.start, span.end).join('');

describe('the photo credit and the related links', () => {
  it('credit the photo to the entities the credit names, where it stands in the text', async () => {
    const a = await article();
    expect(a.photo.credit).toBe('Government of Primorsky Krai Region via AP');
    expect(slice(a.text, a.photo.creditSpan)).toBe(a.photo.credit);
    expect(a.photo.creditedTo.map((e: { key: string }) => e.key)).toEqual([
      'org:government-of-primorsky-krai',
      'org:ap',
    ]);
  });

  it('place a related link’s title in the text, with what it names', async () => {
    const a = await article();
    const [related] = a.related;
    expect(related.title).toBe('Kim Jong-un Bahas Isu Praktis Kerja Sama Militer dengan Rusia');
    expect(slice(a.text, related.titleSpan)).toBe(related.title);
    expect(related.names.map((e: { key: string }) => e.key)).toEqual([
      'person:kim-jong-un',
      'country:russia',
    ]);
  });

  it('say null and name nobody when the text does not show the credit', async () => {
    const seed = await readSeed();
    const doc = {
      formatVersion: seed.formatVersion,
      article: {
        id: 'fixture-credit-elsewhere',
        language: 'en',
        publishedOn: '2023-09-18',
        photo: { credit: 'A photographer the text never names' },
        text: 'Kim Jong-un went home by train. (Photo: an agency)',
      },
      entities: [],
      relations: [],
      events: [],
      claims: [],
    };
    const report = await ingestDocument(graph.db, doc);
    expect(report.status).toBe('CREATED');
    const a = await article('fixture-credit-elsewhere');
    expect(a.photo).toMatchObject({ creditSpan: null, creditedTo: [] });
  });
});

/** An article whose photo is credited, in its text, to an agency it names there. */
function creditedArticle(id: string, agency: string, agencyKey: string) {
  const text = `Kim Jong-un went home by train. (Photo: ${agency})`;
  const start = Array.from(text).length - agency.length - 1;
  return {
    formatVersion: 1,
    article: { id, language: 'en', publishedOn: '2023-09-18', photo: { credit: agency }, text },
    entities: [
      {
        id: agencyKey,
        type: 'Organization',
        labels: { en: agency, id: agency },
        mentions: [{ quote: agency, start, end: start + agency.length }],
      },
    ],
    relations: [],
    events: [],
    claims: [],
  };
}

describe('credits of a list of articles', () => {
  const LIST = `{ articles(first: 20) { edges { node { key photo { creditedTo { key } } related { names { key } } } } } }`;

  /** Runs the list query and returns each article's credited keys and the statements it cost. */
  async function list() {
    let statements = -1;
    const count: Plugin = {
      onExecute: () => ({
        onExecuteDone: ({ args }) => {
          statements = (args.contextValue as unknown as Context).stats.statements;
        },
      }),
    };
    const yoga = createYogaServer(graph.db, { plugins: [count] });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LIST }),
    });
    const body = (await response.json()) as any;
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const credited = new Map<string, string[]>(
      body.data.articles.edges.map((e: any) => [
        e.node.key,
        (e.node.photo?.creditedTo ?? []).map((c: { key: string }) => c.key),
      ]),
    );
    return { credited, statements };
  }

  it('cost the same statements for three articles as for one, each article with its own credit', async () => {
    const before = await list();
    const seed = await readSeed();
    for (const { id, agency, key } of [
      { id: 'fixture-credit-a', agency: 'Korean Central News Agency', key: 'org:kcna-fixture' },
      { id: 'fixture-credit-b', agency: 'Sputnik Photo Desk', key: 'org:sputnik-fixture' },
    ]) {
      const doc = { ...creditedArticle(id, agency, key), formatVersion: seed.formatVersion };
      expect((await ingestDocument(graph.db, doc)).status).not.toBe('UNCHANGED');
    }
    const after = await list();
    expect(after.credited.get('fixture-credit-a')).toEqual(['org:kcna-fixture']);
    expect(after.credited.get('fixture-credit-b')).toEqual(['org:sputnik-fixture']);
    expect(after.credited.get(ARTICLE_KEY)).toEqual(['org:government-of-primorsky-krai', 'org:ap']);
    expect(after.statements).toBe(before.statements);
  });
});
