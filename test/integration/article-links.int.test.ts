// What the seed article shows beside its story, linked to the graph: the photo credit names the
// regional government and the agency, and the "Baca juga" link's title stands in the text.
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest.js';
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
