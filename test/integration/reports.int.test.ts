// Many reports, one statement, through GraphQL: an event's reports (paged), its sources and
// outlets, the values its sources disagree on; the claims someone denies, with who and the quote;
// the filters on corroboration; and the mutations that merge (ingestArticle) and split.
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_KEY, INGEST_TOKEN } from '../helpers.js';
import { keyOf, NAMES, seedKey, useVisitReports } from '../visit-reports.js';

const { graph, docs, startWith } = useVisitReports();

beforeAll(async () => {
  await startWith(NAMES);
});

const data = async (query: string, variables?: Record<string, unknown>) => {
  const r = await graph.gql(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data;
};

describe('an event several articles report', () => {
  it('has its reports, earliest article first, paged, each as its article gives it', async () => {
    const d = await data(`{
      event(key: "${seedKey('event:kim-visit-russia')}") {
        sourceCount outletCount reportCount contested denied
        reports(first: 2) {
          pageInfo { hasNextPage }
          edges { node { key outlet publishedOn status article { key } time { start end original } evidence { quote } } }
        }
      }
    }`);
    expect(d.event).toMatchObject({
      sourceCount: 3,
      outletCount: 3,
      reportCount: 3,
      contested: true,
      denied: false,
    });
    expect(d.event.reports.pageInfo.hasNextPage).toBe(true);
    expect(d.event.reports.edges.map((e: any) => e.node)).toEqual([
      {
        key: seedKey('event:kim-visit-russia'),
        outlet: null,
        publishedOn: '2023-09-17',
        status: 'OCCURRED',
        article: { key: ARTICLE_KEY },
        time: { start: '2023-09-12', end: '2023-09-17', original: 'Selasa lalu' },
        evidence: expect.any(Array),
      },
      {
        key: keyOf('harian', 'event:visit'),
        outlet: 'Harian Rekaan Nusantara (fiktif)',
        publishedOn: '2023-09-17',
        status: 'OCCURRED',
        article: { key: 'fixture-visit-harian' },
        time: { start: '2023-09-12', end: '2023-09-17', original: 'dimulai Selasa (12/9)' },
        evidence: [
          { quote: 'kunjungan enam hari ke Rusia' },
          { quote: 'Kunjungan yang dimulai Selasa (12/9)' },
        ],
      },
    ]);
  });

  it('lists each value the sources give where they differ, with the articles that give it', async () => {
    const d = await data(`{
      event(key: "${seedKey('event:kim-visit-russia')}") {
        values { property disagree values { value reportKeys articles { key } } }
      }
    }`);
    expect(d.event.values).toEqual([
      {
        property: 'date',
        disagree: true,
        values: [
          {
            value: '2023-09-12/2023-09-17',
            reportKeys: [seedKey('event:kim-visit-russia'), keyOf('harian', 'event:visit')],
            articles: [{ key: ARTICLE_KEY }, { key: 'fixture-visit-harian' }],
          },
          {
            value: '2023-09-11/2023-09-17',
            reportKeys: [keyOf('kanal', 'event:visit')],
            articles: [{ key: 'fixture-visit-kanal' }],
          },
        ],
      },
    ]);
  });

  it('shows places that differ only as one within the other as not disagreeing', async () => {
    const d = await data(`{
      event(key: "${seedKey('event:train-departure')}") {
        contested values { property disagree values { value place { key } } }
      }
    }`);
    expect(d.event.contested).toBe(false);
    expect(d.event.values).toEqual([
      {
        property: 'place',
        disagree: false,
        values: [
          { value: 'place:artyom-station', place: { key: 'place:artyom-station' } },
          { value: 'place:artyom', place: { key: 'place:artyom' } },
        ],
      },
    ]);
  });
});

describe('claims someone denies', () => {
  it('are listed with who denies them, the quote and the article', async () => {
    const d = await data(`{
      claims(filter: { denied: true }, first: 5) {
        edges { node { key sourceCount denials {
          via article { key } by { entity { key } cue } evidence { quote } report { key status }
        } } }
      }
    }`);
    const deal = d.claims.edges.map((e: any) => e.node);
    expect(deal.map((c: any) => c.key)).toEqual([seedKey('claim:ammunition-for-technology')]);
    expect(deal[0].denials).toContainEqual({
      via: 'DENIAL',
      article: { key: 'fixture-visit-portal' },
      by: [{ entity: { key: 'org:kremlin' }, cue: 'menyatakan' }],
      evidence: [{ quote: 'Kremlin menyatakan tidak ada perjanjian yang ditandatangani.' }],
      report: { key: keyOf('portal', 'claim:no-agreement'), status: 'DENIED' },
    });
  });
});

describe('filters on corroboration', () => {
  const keys = (connection: any) => connection.edges.map((e: any) => e.node.key).sort();

  it('on the root lists: at least N sources, contested', async () => {
    const d = await data(`{
      many: events(filter: { minSources: 3 }, first: 50) { edges { node { key } } }
      contested: events(filter: { contested: true }, first: 50) { edges { node { key } } }
      agreed: claims(filter: { minSources: 2, contested: false }, first: 50) { edges { node { key } } }
    }`);
    expect(keys(d.many)).toEqual(
      [
        'event:farewell-ceremony',
        'event:kim-putin-meeting',
        'event:kim-visit-russia',
        'event:train-departure',
      ].map(seedKey),
    );
    expect(keys(d.contested)).toEqual([seedKey('event:kim-visit-russia')]);
    expect(keys(d.agreed)).toEqual(
      ['claim:alleged-russian-ammunition-effort', 'claim:expected-arrival'].map(seedKey),
    );
  });

  it('on an entity’s events and claims, through the involvement index', async () => {
    const d = await data(`{
      entity(key: "person:alexander-kozlov") { events(minSources: 4) { edges { node { key } } } }
      russia: entity(key: "country:russia") { claims(denied: true) { edges { node { key } } } }
    }`);
    expect(keys(d.entity.events)).toEqual([seedKey('event:farewell-ceremony')]);
    expect(keys(d.russia.claims)).toEqual([seedKey('claim:ammunition-for-technology')]);
  });

  it('refuse a minimum below one', async () => {
    const r = await graph.gql('{ events(filter: { minSources: 0 }) { edges { node { key } } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the mutations', () => {
  const auth = { authorization: `Bearer ${INGEST_TOKEN}` };

  it('ingestArticle says what merged and which candidates did not, with their scores', async () => {
    await startWith(NAMES.filter((n) => n !== 'pagi'));
    const r = await graph.gql(
      `mutation($d: JSON!) { ingestArticle(document: $d) {
        status merged { reportKey statementKey how score }
        notMerged { reportKey statementKey score participants time place reason }
      } }`,
      { d: docs.pagi },
      auth,
    );
    expect(r.errors).toBeUndefined();
    const out = r.data.ingestArticle;
    expect(out.status).toBe('CREATED');
    expect(out.merged).toEqual([
      {
        reportKey: keyOf('pagi', 'event:meeting'),
        statementKey: seedKey('event:kim-putin-meeting'),
        how: 'PROPOSED',
        score: 0.925,
      },
    ]);
    expect(out.notMerged).toContainEqual({
      reportKey: keyOf('pagi', 'claim:western-worry'),
      statementKey: seedKey('claim:deepening-defence-cooperation'),
      score: 0.333,
      participants: 0.333,
      time: null,
      place: null,
      reason: 'score below 0.75',
    });
  });

  it('ingestArticle rejects an unknown sameAs key with its path; splitReport undoes a merge', async () => {
    const bad = structuredClone(docs.portal);
    bad.claims[0].sameAs = seedKey('claim:no-such-deal');
    const r = await graph.gql(
      'mutation($d: JSON!) { ingestArticle(document: $d) { status problems { path message } } }',
      { d: bad },
      auth,
    );
    expect(r.data.ingestArticle).toEqual({
      status: 'REJECTED',
      problems: [
        {
          path: '$.claims[0].sameAs',
          message: `no event or claim with key "${seedKey('claim:no-such-deal')}" is in the graph`,
        },
      ],
    });
    const split = await graph.gql(
      `mutation { splitReport(key: "${keyOf('pagi', 'event:meeting')}") { reportKey split fromKey statementKey } }`,
      undefined,
      auth,
    );
    expect(split.data.splitReport).toEqual({
      reportKey: keyOf('pagi', 'event:meeting'),
      split: true,
      fromKey: seedKey('event:kim-putin-meeting'),
      statementKey: keyOf('pagi', 'event:meeting'),
    });
    const none = await graph.gql(
      'mutation { splitReport(key: "nobody/event:x") { split } }',
      undefined,
      auth,
    );
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await graph.gql('mutation { splitReport(key: "nobody/event:x") { split } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
