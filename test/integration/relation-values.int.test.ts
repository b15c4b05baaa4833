// A relation several articles state, through GraphQL on a real Neo4j: one relation with a source
// from each article, the distances they give (a hedged figure, a bound) with who gives which and
// whether they can both hold, the same answers whatever order the articles came in, what removing
// an article leaves, and the document problems of a malformed bound.
import { describe, expect, it } from 'vitest';
import { removeArticle } from '../../src/ingest/ingest.js';
import { INGEST_TOKEN } from '../helpers.js';
import { NAMES, useVisitReports } from '../visit-reports.js';

const { graph, docs, startWith, relations, orphans } = useVisitReports();

const data = async (query: string, variables?: Record<string, unknown>) => {
  const r = await graph.gql(query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

const SOURCE = 'article { key } outlet distance { value unit approximate bound wording } evidence { quote }';

/**
 * The station's distances, as a client asks for them. Three at most: the test graph prices its
 * lists without statistics (every list at a full default page), and the station has two.
 */
const stationDistances = async () =>
  (
    await data(`{
      entity(key: "place:artyom-station") {
        relations(first: 3, types: [DISTANCE_FROM]) {
          edges { node {
            to { key } sourceCount contested
            distance { value unit approximate bound measuredFrom wording }
            sources { ${SOURCE} }
            values { property disagree values { value text distance { value bound } sources { article { key } outlet } } }
          } }
        }
      }
    }`)
  ).entity.relations.edges.map((e: any) => e.node);

const DIGEST = {
  article: { key: 'fixture-visit-digest' },
  outlet: 'The Placeholder Digest (fictional)',
  distance: {
    value: 200,
    unit: 'KM',
    approximate: true,
    bound: null,
    wording: 'about 200 km from the North Korean border',
  },
  evidence: [{ quote: 'the railway station in Artyom, about 200 km from the North Korean border' }],
};
const HARIAN = {
  article: { key: 'fixture-visit-harian' },
  outlet: 'Harian Rekaan Nusantara (fiktif)',
  distance: {
    value: 250,
    unit: 'KM',
    approximate: true,
    bound: null,
    wording: 'perbatasan yang jaraknya sekitar 250 km',
  },
  evidence: [
    { quote: 'Pemimpin Korea Utara Kim Jong-un pulang dengan kereta lapis baja' },
    { quote: 'Upacara pelepasan digelar di stasiun Artyom-Primorsky-1' },
    { quote: 'saat kereta berangkat' },
    { quote: 'kereta itu menuju perbatasan yang jaraknya sekitar 250 km' },
  ],
};
const KHASAN = {
  to: { key: 'place:khasan' },
  sourceCount: 1,
  contested: false,
  distance: {
    value: 200,
    unit: 'KM',
    approximate: false,
    bound: 'MORE_THAN',
    measuredFrom: 'its border station',
    wording: 'lebih dari 200 km jauhnya',
  },
  sources: [
    {
      article: { key: 'fixture-visit-kanal' },
      outlet: 'Kanal Berita Rekaan (fiktif)',
      distance: {
        value: 200,
        unit: 'KM',
        approximate: false,
        bound: 'MORE_THAN',
        wording: 'lebih dari 200 km jauhnya',
      },
      evidence: [
        {
          quote:
            'bertolak dari stasiun di Artyom menuju stasiun perbatasan Khasan, lebih dari 200 km jauhnya',
        },
      ],
    },
  ],
  values: [],
};

describe('a distance two articles give differently', () => {
  it('is one relation with both sources, each distance with the outlet that gives it, in conflict', async () => {
    await startWith(NAMES);
    const byTarget = Object.fromEntries((await stationDistances()).map((r: any) => [r.to.key, r]));
    expect(byTarget['country:north-korea']).toEqual({
      to: { key: 'country:north-korea' },
      sourceCount: 2,
      contested: true,
      // The first source's (earliest published, then by article key): the aggregator.
      distance: {
        value: 200,
        unit: 'KM',
        approximate: true,
        bound: null,
        measuredFrom: 'the border',
        wording: 'about 200 km from the North Korean border',
      },
      sources: [DIGEST, HARIAN],
      values: [
        {
          property: 'distance',
          // About 200 km is 180 to 220 km, about 250 km 225 to 275 km: no distance is both.
          disagree: true,
          values: [
            {
              value: 'ABOUT 200 KM',
              text: 'about 200 km',
              distance: { value: 200, bound: null },
              sources: [{ article: DIGEST.article, outlet: DIGEST.outlet }],
            },
            {
              value: 'ABOUT 250 KM',
              text: 'about 250 km',
              distance: { value: 250, bound: null },
              sources: [{ article: HARIAN.article, outlet: HARIAN.outlet }],
            },
          ],
        },
      ],
    });
    // A bound, stated once: nothing to disagree with.
    expect(byTarget['place:khasan']).toEqual(KHASAN);
    expect(Object.keys(byTarget).sort()).toEqual(['country:north-korea', 'place:khasan']);
  });

  it('leaves the town’s distance, which only the seed gives, alone', async () => {
    const d = await data(`{
      entity(key: "place:artyom") {
        relations(first: 10, types: [DISTANCE_FROM]) {
          edges { node { to { key } sourceCount contested values { property } sources { article { key } outlet } } }
        }
      }
    }`);
    expect(d.entity.relations.edges.map((e: any) => e.node)).toEqual([
      {
        to: { key: 'country:north-korea' },
        sourceCount: 1,
        contested: false,
        values: [],
        sources: [{ article: { key: 'c27a19544a1cdf98' }, outlet: null }],
      },
    ]);
  });

  it('gives the same answers whatever order the articles came in', async () => {
    await startWith(NAMES);
    const forward = { api: await stationDistances(), stored: await relations() };
    await startWith([...NAMES].reverse());
    expect({ api: await stationDistances(), stored: await relations() }).toEqual(forward);
    await startWith(['kanal', 'harian', 'pagi', 'digest', 'portal']);
    expect({ api: await stationDistances(), stored: await relations() }).toEqual(forward);
  });
});

describe('removing an article that gives a distance', () => {
  it('takes away its value and source; the relation goes with its last source', async () => {
    await startWith(NAMES.filter((n) => n !== 'harian'));
    const withoutHarian = { api: await stationDistances(), stored: await relations() };
    await startWith(NAMES);
    expect((await removeArticle(graph.db, 'fixture-visit-harian')).removed).toBe(true);
    const left = await stationDistances();
    expect(left.find((r: any) => r.to.key === 'country:north-korea')).toMatchObject({
      sourceCount: 1,
      contested: false,
      values: [],
      sources: [DIGEST],
    });
    expect({ api: left, stored: await relations() }).toEqual(withoutHarian);

    expect((await removeArticle(graph.db, 'fixture-visit-digest')).removed).toBe(true);
    expect((await stationDistances()).map((r: any) => r.to.key)).toEqual(['place:khasan']);
    const [count] = await graph.cypher(
      `RETURN COUNT { MATCH (:Entity {id: 'place:artyom-station'})-[:DISTANCE_FROM]->(:Entity {id: 'country:north-korea'}) } AS c`,
    );
    expect(count?.c).toBe(0);
    expect(await orphans()).toMatchObject({ reportsWithoutStatement: 0, statementsWithoutReport: 0 });
  });
});

const INGEST = /* GraphQL */ `
  mutation Ingest($document: JSON!) {
    ingestArticle(document: $document) { status problems { path message } }
  }
`;

describe('a malformed bound', () => {
  it('is rejected with the path and what is wrong, and nothing is written', async () => {
    await startWith([]);
    const doc = structuredClone(docs.kanal);
    const at = doc.relations.findIndex((r: any) => r.type === 'DISTANCE_FROM');
    const withBound = (bound: unknown, approximate?: boolean) => {
      const d = structuredClone(doc);
      Object.assign(d.relations[at].distance, { bound, ...(approximate ? { approximate } : {}) });
      return d;
    };
    const ask = async (document: unknown) => {
      const r = await graph.gql(INGEST, { document }, { authorization: `Bearer ${INGEST_TOKEN}` });
      expect(r.errors).toBeUndefined();
      return r.data.ingestArticle;
    };
    const path = `$.relations[${at}].distance.bound`;
    expect(await ask(withBound('ABOUT'))).toEqual({
      status: 'REJECTED',
      problems: [
        {
          path,
          message:
            '"ABOUT" is not a bound: a hedged figure ("sekitar", "about") is said with "approximate": true',
        },
      ],
    });
    expect(await ask(withBound('OVER'))).toEqual({
      status: 'REJECTED',
      problems: [
        { path, message: '"OVER" is not a bound: expected one of AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN' },
      ],
    });
    expect(await ask(withBound('MORE_THAN', true))).toEqual({
      status: 'REJECTED',
      problems: [
        {
          path,
          message:
            'a bound (MORE_THAN) and "approximate": true together: give the bound when the text sets a limit ("lebih dari"), approximate when it hedges the figure ("sekitar")',
        },
      ],
    });
    const [articles] = await graph.cypher('MATCH (a:Article) RETURN count(a) AS c');
    expect(articles?.c).toBe(1);
    // The same document with its bound as written is accepted.
    expect((await ask(doc)).status).toBe('CREATED');
  });
});
