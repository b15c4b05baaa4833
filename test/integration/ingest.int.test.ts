// Ingestion against a real Neo4j: what a user of `npm run ingest` or of the ingestArticle mutation
// sees. Idempotence, the quote/offset invariant, all-or-nothing writes, linking a second article to
// the entities already in the graph, ambiguity, replacing a changed article without orphans, and the
// command line.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { IngestError, type IngestReport, ingestDocument } from '../../src/ingest/ingest.js';
import { ARTICLE_KEY, INGEST_TOKEN, readSeed, SEED_FILE, useGraph } from '../helpers.js';
import { spans } from '../spans.js';

const graph = useGraph({ seed: false });

const SECOND_FILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'second-article.json');
const SECOND_KEY = 'fixture-second-article';
const readSecond = async (): Promise<Record<string, any>> => JSON.parse(await readFile(SECOND_FILE, 'utf8'));

const ingest = (raw: unknown): Promise<IngestReport> => ingestDocument(graph.db, raw);

/** An empty graph holding exactly these documents, ingested in order. */
async function startWith(...docs: unknown[]): Promise<void> {
  await graph.reset();
  for (const doc of docs) await ingest(doc);
}

/** The IngestError that ingesting `raw` throws; fails the test when it throws anything else. */
async function ingestError(raw: unknown): Promise<IngestError> {
  const error = await ingest(raw).then(
    () => new Error('ingestion succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

/** Nodes by label and relationships by type, with totals: finer than graph.counts(). */
async function census(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await graph.cypher('MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS c')) {
    out[`:${r.k}`] = Number(r.c);
  }
  for (const r of await graph.cypher('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c')) {
    out[`-${r.k}-`] = Number(r.c);
  }
  const { nodes, relationships } = await graph.counts();
  return { ...out, nodes, relationships };
}

/**
 * What one document must add to an empty graph, counted from the document itself: each event and
 * claim is a statement with one report (this article's), and the report's references (part of,
 * about, claim links) are nodes of their own.
 */
function expectedCounts(doc: Record<string, any>) {
  const lines: string[] = doc.article.text.split('\n');
  const paragraphs = lines.filter((l) => l.trim().length > 0).length;
  const evidence = new Set(spans(doc).map((s) => `${s.start}-${s.end}`)).size;
  const facts: any[] = [...(doc.events ?? []), ...(doc.claims ?? [])];
  const sum = (xs: any[], f: (x: any) => number) => xs.reduce((n, x) => n + f(x), 0);
  const references = (x: any) => (x.partOf ? 1 : 0) + (x.about ?? []).length + (x.links ?? []).length;
  const sources = (x: any) => (x.reportedBy ?? x.attributedTo ?? []).length;
  const participants = (x: any) => (x.participants ?? []).length;
  const nodes = 1 + paragraphs + evidence + doc.entities.length + 2 * facts.length + sum(facts, references);
  const relationships =
    paragraphs + // Paragraph IN_ARTICLE
    (paragraphs - 1) + // NEXT
    2 * evidence + // Evidence IN_ARTICLE and IN_PARAGRAPH
    sum(doc.entities, (e) => e.mentions.length) + // MENTIONS
    doc.entities.length + // NAMES: what the article says of each entity it names
    (doc.relations ?? []).length +
    // The statement: REPORTED_IN, PARTICIPANT, AT, REPORTED_BY or ATTRIBUTED_TO, EVIDENCED_BY, and
    // PART_OF, ABOUT or a claim link for each reference.
    sum(
      facts,
      (x) => 1 + participants(x) + (x.location ? 1 : 0) + sources(x) + x.evidence.length + references(x),
    ) +
    // The report: IN_ARTICLE, REPORTS, INVOLVES, ACCORDING_TO, QUOTES (its evidence), REFERS.
    sum(facts, (x) => 2 + participants(x) + sources(x) + x.evidence.length + references(x));
  return { nodes, relationships };
}

/** Removes a claim and every link to it. */
function withoutClaim(doc: Record<string, any>, id: string) {
  doc.claims = doc.claims.filter((c: any) => c.id !== id);
  for (const c of doc.claims) c.links = (c.links ?? []).filter((l: any) => l.claim !== id);
  return doc;
}

/** Removes an entity and every reference to it. */
function withoutEntity(doc: Record<string, any>, id: string) {
  doc.entities = doc.entities.filter((e: any) => e.id !== id);
  doc.relations = (doc.relations ?? []).filter((r: any) => r.from !== id && r.to !== id);
  for (const x of [...(doc.events ?? []), ...(doc.claims ?? [])]) {
    x.participants = (x.participants ?? []).filter((p: any) => p.entity !== id);
    if (x.attributedTo) x.attributedTo = x.attributedTo.filter((a: any) => a.entity !== id);
    if (x.reportedBy) x.reportedBy = x.reportedBy.filter((a: any) => a.entity !== id);
    if (x.location === id) delete x.location;
  }
  return doc;
}

/** The span of the n-th occurrence of `quote` in `text`, in code points. */
function spanOf(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { quote, start, end: start + Array.from(quote).length };
}

/** A small valid document: one paragraph, entities each mentioned by the quotes given. */
function smallDoc(
  articleId: string,
  text: string,
  entities: { id: string; type: string; labels: Record<string, string>; aliases?: any; quotes: string[] }[],
) {
  return {
    formatVersion: 1,
    article: { id: articleId, language: 'id', publishedOn: '2023-09-20', text },
    entities: entities.map(({ quotes, ...e }) => ({ ...e, mentions: quotes.map((q) => spanOf(text, q)) })),
  };
}

const entityIds = async (where: string, params: Record<string, unknown> = {}) =>
  (await graph.cypher(`MATCH (e:Entity) WHERE ${where} RETURN e.id AS id ORDER BY id`, params)).map(
    (r) => r.id,
  );

const aliasesOf = async (id: string): Promise<Record<string, string[]>> => {
  const [row] = await graph.cypher('MATCH (e:Entity {id: $id}) RETURN e.aliasesJson AS a', { id });
  return JSON.parse(String(row?.a));
};

const INGEST_MUTATION = /* GraphQL */ `
  mutation Ingest($document: JSON!) {
    ingestArticle(document: $document) {
      status
      problems { path message }
      nodesCreated
      entitiesCreated
      linkedEntities { documentId entityKey matchedBy }
      article { key }
    }
  }
`;
const AUTH = { authorization: `Bearer ${INGEST_TOKEN}` };

describe('ingesting the same article again', () => {
  it('writes exactly what the document holds, then nothing the second time (UNCHANGED)', async () => {
    await graph.reset();
    const seed = await readSeed();
    const first = await ingest(seed);
    expect(first.status).toBe('CREATED');
    const after = await graph.counts();
    expect(after).toEqual(expectedCounts(seed));
    expect(first.updates.nodesCreated).toBe(after.nodes);
    expect(first.updates.relationshipsCreated).toBe(after.relationships);
    const before = await census();

    const second = await ingest(await readSeed());
    expect(second.status).toBe('UNCHANGED');
    expect(second.updates).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
    });
    expect(await census()).toEqual(before);
  });

  it('rewrites the same content to the same graph when forced (stale content hash)', async () => {
    await startWith(await readSeed());
    const before = await census();
    const aliasesBefore = await aliasesOf('country:north-korea');
    await graph.cypher('MATCH (a:Article {id: $id}) SET a.contentHash = "stale"', { id: ARTICLE_KEY });

    const report = await ingest(await readSeed());
    expect(report.status).toBe('REPLACED');
    // It did delete and write again: the counts only agree because the rewrite is exact.
    expect(report.updates.nodesDeleted).toBeGreaterThan(100);
    expect(report.updates.nodesCreated).toBe(report.updates.nodesDeleted);
    expect(report.updates.relationshipsCreated).toBe(report.updates.relationshipsDeleted);
    expect(await census()).toEqual(before);
    expect(await aliasesOf('country:north-korea')).toEqual(aliasesBefore);
    // The hash is current again.
    expect((await ingest(await readSeed())).status).toBe('UNCHANGED');
  });

  it('rewrites an article linked to existing entities by name to the same graph', async () => {
    await startWith(await readSeed(), await readSecond());
    const before = await census();
    const aliasesBefore = await aliasesOf('country:north-korea');
    await graph.cypher('MATCH (a:Article {id: $id}) SET a.contentHash = "stale"', { id: SECOND_KEY });

    const report = await ingest(await readSecond());
    expect(report.status).toBe('REPLACED');
    expect(report.entitiesCreated).toBe(0);
    expect(await census()).toEqual(before);
    expect(await aliasesOf('country:north-korea')).toEqual(aliasesBefore);
  });
});

describe('evidence in the graph', () => {
  it('has every quote equal to its article text at [start, end) in code points, in one paragraph', async () => {
    await startWith(await readSeed(), await readSecond());
    const rows = await graph.cypher(
      `MATCH (e:Evidence)-[:IN_ARTICLE]->(a:Article)
       RETURN e.id AS id, e.quote AS quote, e.start AS start, e.end AS end, e.prefix AS prefix,
              e.suffix AS suffix, a.id AS article, a.text AS text,
              [(e)-[:IN_PARAGRAPH]->(p:Paragraph) | p {.start, .end, .text, article: [(p)-[:IN_ARTICLE]->(pa) | pa.id]}] AS paragraphs`,
    );
    const [{ total }] = (await graph.cypher('MATCH (e:Evidence) RETURN count(e) AS total')) as any;
    expect(rows).toHaveLength(Number(total));
    expect(rows.length).toBe(
      new Set(spans(await readSeed()).map((s) => `${s.start}-${s.end}`)).size +
        new Set(spans(await readSecond()).map((s) => `${s.start}-${s.end}`)).size,
    );

    let utf16Differs = 0;
    for (const r of rows as any[]) {
      const points = Array.from(r.text as string);
      expect(points.slice(r.start, r.end).join(''), r.id).toBe(r.quote);
      expect(r.prefix, r.id).toBe(points.slice(Math.max(0, r.start - 32), r.start).join(''));
      expect(r.suffix, r.id).toBe(points.slice(r.end, r.end + 32).join(''));
      if ((r.text as string).slice(r.start, r.end) !== r.quote) utf16Differs++;

      expect(r.paragraphs, r.id).toHaveLength(1);
      const p = r.paragraphs[0];
      expect(p.article, r.id).toEqual([r.article]);
      expect(p.start <= r.start && r.start < p.end, `${r.id} in [${p.start}, ${p.end})`).toBe(true);
      expect(points.slice(p.start, p.end).join('')).toBe(p.text);
    }
    // The second article's flags make UTF-16 offsets differ: the check above is about code points.
    expect(utf16Differs).toBeGreaterThan(0);
  });
});

describe('a document with problems', () => {
  /** The second article with a broken offset, a missing summary and an unknown claim kind. */
  const broken = async () => {
    const doc = await readSecond();
    doc.entities[1].mentions[0].start += 1;
    delete doc.claims[0].summary;
    doc.claims[1].kind = 'Rumour';
    return doc;
  };
  const PATHS = ['$.claims[0].summary', '$.claims[1].kind', '$.entities[1].mentions[0]'];

  it('is rejected with every problem and its path, and nothing is written', async () => {
    await startWith(await readSeed());
    const before = await census();
    const doc = await broken();
    const error = await ingestError(doc);
    expect(error.problems.map((p) => p.path).sort()).toEqual(PATHS);
    const { start, end } = (await readSecond()).entities[1].mentions[0];
    expect(error.problems.find((p) => p.path === '$.entities[1].mentions[0]')?.message).toBe(
      `evidence span [${start + 1}, ${end}) does not match its quote: expected "Korea Utara", found "orea Utara"; ` +
        `the quote stands at [${start}, ${end})`,
    );
    expect(error.problems.find((p) => p.path === '$.claims[1].kind')?.message).toMatch(
      /^Invalid option: expected one of "ArmsDeal"\|"UNResolution"\|"Statement"\|"Assessment"/,
    );
    expect(error.message).toContain('$.claims[0].summary: ');
    expect(await census()).toEqual(before);
  });

  it('comes back from ingestArticle as REJECTED with every problem, and nothing is written', async () => {
    await startWith(await readSeed());
    const before = await census();
    const res = await graph.gql(INGEST_MUTATION, { document: await broken() }, AUTH);
    expect(res.errors).toBeUndefined();
    const payload = res.data.ingestArticle;
    expect(payload.status).toBe('REJECTED');
    expect(payload.article).toBeNull();
    expect(payload.nodesCreated).toBe(0);
    expect(payload.problems.map((p: any) => p.path).sort()).toEqual(PATHS);
    for (const p of payload.problems) expect(p.message).not.toBe('');
    expect(await census()).toEqual(before);
  });

  it('is not even looked at without the ingest token: UNAUTHENTICATED, nothing written', async () => {
    await startWith(await readSeed());
    const before = await census();
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }] as Record<
      string,
      string
    >[]) {
      const res = await graph.gql(INGEST_MUTATION, { document: await readSecond() }, headers);
      expect(res.data?.ingestArticle ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await census()).toEqual(before);
  });

  it('with an impossible calendar date is rejected with its path before anything is written', async () => {
    await startWith(await readSeed());
    const before = await census();
    const doc = await readSecond();
    doc.events[0].time = { start: '2023-02-30', precision: 'DAY', original: 'pekan lalu' };
    doc.claims[0].time.start = '2023-13';
    doc.claims[0].time.precision = 'MONTH';
    const error = await ingestError(doc);
    expect(error.problems).toEqual([
      { path: '$.events[0].time.start', message: 'not a date in the calendar: "2023-02-30"' },
      { path: '$.claims[0].time.start', message: 'not a date in the calendar: "2023-13"' },
    ]);
    expect(await census()).toEqual(before);
  });
});

describe('a failure inside the write transaction', () => {
  it('leaves the earlier version whole: the deletions of a replacement are rolled back too', async () => {
    await startWith(await readSeed(), await readSecond());
    const before = await census();
    const [hashBefore] = await graph.cypher('MATCH (a:Article {id: $id}) RETURN a.contentHash AS h', {
      id: ARTICLE_KEY,
    });
    // A changed version (a claim fewer) passes validation; its old facts are deleted inside the
    // transaction, then resolution finds that "org:ria" exists as an Organization, not a Group.
    const doc = withoutClaim(await readSeed(), 'claim:unsc-arms-ban');
    const ria = doc.entities.findIndex((e: any) => e.id === 'org:ria');
    doc.entities[ria].type = 'Group';
    const error = await ingestError(doc);
    expect(error.problems).toEqual([
      {
        path: `$.entities[${ria}].type`,
        message: 'entity "org:ria" already exists as an Organization, not a Group',
      },
    ]);
    expect(await census()).toEqual(before);
    const [hashAfter] = await graph.cypher('MATCH (a:Article {id: $id}) RETURN a.contentHash AS h', {
      id: ARTICLE_KEY,
    });
    expect(hashAfter?.h).toBe(hashBefore?.h);
    const claim = await graph.gql(`{ claim(key: "${ARTICLE_KEY}/claim:unsc-arms-ban") { summary } }`);
    expect(claim.data.claim?.summary).toBeTruthy();
    // And the article is still UNCHANGED for its stored version.
    expect((await ingest(await readSeed())).status).toBe('UNCHANGED');
  });
});

describe('a second article', () => {
  it('links to the existing entities by name in either language instead of making twins', async () => {
    await startWith(await readSeed());
    const entitiesBefore = (await entityIds('true')).length;
    const searchRRDK = await graph.gql('{ search(query: "RRDK") { totalCount } }');
    expect(searchRRDK.data.search.totalCount).toBe(0);

    const report = await ingest(await readSecond());
    expect(report.status).toBe('CREATED');
    expect(report.entitiesCreated).toBe(2);
    expect(report.linked).toEqual([
      { documentId: 'person:putin', entityKey: 'person:vladimir-putin', matchedBy: 'name' },
      { documentId: 'country:korut', entityKey: 'country:north-korea', matchedBy: 'name' },
      { documentId: 'country:rusia', entityKey: 'country:russia', matchedBy: 'name' },
      { documentId: 'place:moskow', entityKey: 'place:moscow', matchedBy: 'name' },
    ]);
    expect((await entityIds('true')).length).toBe(entitiesBefore + 2);
    expect(
      await entityIds('e.id IN $ids', {
        ids: ['person:putin', 'country:korut', 'country:rusia', 'place:moskow'],
      }),
    ).toEqual([]);
    for (const [name, id] of [
      ['korea utara', 'country:north-korea'],
      ['north korea', 'country:north-korea'],
      ['dprk', 'country:north-korea'],
      ['russia', 'country:russia'],
      ['rusia', 'country:russia'],
      ['vladimir putin', 'person:vladimir-putin'],
      ['moscow', 'place:moscow'],
    ]) {
      expect(await entityIds('$name IN e.nameKeys', { name }), name).toEqual([id]);
    }
    expect(await entityIds('e.id IN ["person:dmitry-peskov", "org:kremlin"]')).toEqual([
      'org:kremlin',
      'person:dmitry-peskov',
    ]);

    // Labels stay; names the graph did not know become aliases, once each.
    expect(await aliasesOf('country:north-korea')).toEqual({
      en: ['DPRK', "Democratic People's Republic of Korea"],
      id: ['Korut', 'RRDK'],
    });
    expect(await aliasesOf('country:russia')).toEqual({
      en: ['Russian Federation'],
      id: ['Federasi Rusia', 'Negeri Beruang Merah'],
    });
    expect(await aliasesOf('place:moscow')).toEqual({ id: ['Moskwa', 'Kota Moskow'] });
    expect(await aliasesOf('person:vladimir-putin')).toEqual({ en: ['Putin'], id: ['Putin'] });

    const res = await graph.gql(/* GraphQL */ `
      {
        dprk: search(query: "DPRK") { edges { node { key } matchedName } }
        rrdk: search(query: "RRDK") { edges { node { key label(lang: "en") } matchedName } }
        bear: search(query: "negeri beruang merah") { edges { node { key } } }
        nk: entity(key: "country:north-korea") { label(lang: "id") articles { totalCount } }
        peskov: entity(key: "person:dmitry-peskov") { articles { totalCount } }
      }
    `);
    expect(res.errors).toBeUndefined();
    expect(res.data.dprk.edges[0]).toEqual({ node: { key: 'country:north-korea' }, matchedName: 'DPRK' });
    expect(res.data.rrdk.edges).toEqual([
      { node: { key: 'country:north-korea', label: 'North Korea' }, matchedName: 'RRDK' },
    ]);
    expect(res.data.bear.edges.map((e: any) => e.node.key)).toEqual(['country:russia']);
    expect(res.data.nk).toEqual({ label: 'Korea Utara', articles: { totalCount: 2 } });
    expect(res.data.peskov.articles.totalCount).toBe(1);

    // The second article's mentions and claims point at the seed's entities.
    const [m] = await graph.cypher(
      `MATCH (:Article {id: $id})<-[:IN_ARTICLE]-(:Evidence)-[:MENTIONS]->(e:Entity {id: 'country:north-korea'})
       RETURN count(*) AS c`,
      { id: SECOND_KEY },
    );
    expect(Number(m?.c)).toBe(3);
    const [p] = await graph.cypher(
      `MATCH (c:Claim {id: $id})-[r:PARTICIPANT]->(e:Entity) RETURN collect(e.id + ' ' + r.role) AS roles`,
      { id: `${SECOND_KEY}/claim:putin-accepts-invitation` },
    );
    expect([...((p?.roles ?? []) as string[])].sort()).toEqual([
      'country:north-korea DESTINATION',
      'person:vladimir-putin SUBJECT',
    ]);
  });

  it('keeps the new names of two of its entities that are one entity of the graph', async () => {
    await startWith(await readSeed());
    const doc = await readSecond();
    const korut = doc.entities.find((e: any) => e.id === 'country:korut');
    const dprk = korut.mentions.find((m: any) => m.quote === 'DPRK');
    korut.mentions = korut.mentions.filter((m: any) => m !== dprk);
    doc.entities.push({
      id: 'country:dprk',
      type: 'Country',
      labels: { en: 'DPRK', id: 'Republik Rakyat Demokratik Korea' },
      mentions: [dprk],
    });
    const report = await ingest(doc);
    expect(report.linked.filter((l) => l.entityKey === 'country:north-korea')).toEqual([
      { documentId: 'country:korut', entityKey: 'country:north-korea', matchedBy: 'name' },
      { documentId: 'country:dprk', entityKey: 'country:north-korea', matchedBy: 'name' },
    ]);
    expect(await aliasesOf('country:north-korea')).toEqual({
      en: ['DPRK', "Democratic People's Republic of Korea"],
      id: ['Korut', 'RRDK', 'Republik Rakyat Demokratik Korea'],
    });
    const res = await graph.gql('{ search(query: "RRDK") { edges { node { key } } } }');
    expect(res.data.search.edges).toEqual([{ node: { key: 'country:north-korea' } }]);
  });

  it('is ingested through ingestArticle with the links in the payload', async () => {
    await startWith(await readSeed());
    const before = await graph.counts();
    const res = await graph.gql(INGEST_MUTATION, { document: await readSecond() }, AUTH);
    expect(res.errors).toBeUndefined();
    const payload = res.data.ingestArticle;
    expect(payload.status).toBe('CREATED');
    expect(payload.problems).toEqual([]);
    expect(payload.article).toEqual({ key: SECOND_KEY });
    expect(payload.entitiesCreated).toBe(2);
    expect(payload.linkedEntities.map((l: any) => `${l.documentId}>${l.entityKey}:${l.matchedBy}`)).toEqual([
      'person:putin>person:vladimir-putin:name',
      'country:korut>country:north-korea:name',
      'country:rusia>country:russia:name',
      'place:moskow>place:moscow:name',
    ]);
    const after = await graph.counts();
    expect(payload.nodesCreated).toBe(after.nodes - before.nodes);
  });
});

describe('an ambiguous name', () => {
  const A = 'Pyongyang: Kim Yong-chol, mantan kepala intelijen Korea Utara, memimpin delegasi ke Seoul.';
  const B = 'Pesepak bola Kim Yong-chol mencetak dua gol untuk tim nasional Korea Utara.';
  const C = 'Kim Yong-chol menghadiri upacara di Pyongyang pada Rabu.';
  const docA = () =>
    smallDoc('fixture-kim-yong-chol-official', A, [
      {
        id: 'person:kim-yong-chol',
        type: 'Person',
        labels: { en: 'Kim Yong-chol', id: 'Kim Yong-chol' },
        quotes: ['Kim Yong-chol'],
      },
    ]);
  // A different man of the same name: first stored under a disambiguated label, then a corrected
  // version of the same article adds the plain name as an alias.
  const docB = (withAlias: boolean) =>
    smallDoc('fixture-kim-yong-chol-footballer', B, [
      {
        id: 'person:kim-yong-chol-footballer',
        type: 'Person',
        labels: { en: 'Kim Yong-chol (footballer)', id: 'Kim Yong-chol (pesepak bola)' },
        ...(withAlias ? { aliases: { en: ['Kim Yong-chol'], id: ['Kim Yong-chol'] } } : {}),
        quotes: ['Kim Yong-chol'],
      },
    ]);
  const docC = (id: string) =>
    smallDoc('fixture-kim-yong-chol-ceremony', C, [
      {
        id: 'place:pyongyang',
        type: 'Location',
        labels: { en: 'Pyongyang', id: 'Pyongyang' },
        quotes: ['Pyongyang'],
      },
      { id, type: 'Person', labels: { en: 'Kim Yong-chol', id: 'Kim Yong-chol' }, quotes: ['Kim Yong-chol'] },
    ]);

  it('is reported with both candidates, not guessed, and nothing is written', async () => {
    await startWith(docA(), docB(false));
    expect((await ingest(docB(true))).status).toBe('REPLACED');
    expect(await entityIds('"kim yong chol" IN e.nameKeys')).toEqual([
      'person:kim-yong-chol',
      'person:kim-yong-chol-footballer',
    ]);
    const before = await census();

    const error = await ingestError(docC('person:kim'));
    expect(error.problems).toEqual([
      {
        path: '$.entities[1]',
        message:
          '"Kim Yong-chol" matches 2 existing Person entities by name ' +
          '(person:kim-yong-chol, person:kim-yong-chol-footballer); give the id of the one meant',
      },
    ]);
    expect(await census()).toEqual(before);
    expect(await entityIds('e.id IN ["person:kim", "place:pyongyang"]')).toEqual([]);
  });

  it('is settled by giving the id of the one meant', async () => {
    await startWith(docA(), docB(false), docB(true));
    const report = await ingest(docC('person:kim-yong-chol'));
    expect(report.status).toBe('CREATED');
    expect(report.linked).toEqual([
      { documentId: 'person:kim-yong-chol', entityKey: 'person:kim-yong-chol', matchedBy: 'id' },
    ]);
    expect(await entityIds('"kim yong chol" IN e.nameKeys')).toHaveLength(2);
  });
});

describe('a changed version of an article', () => {
  const changedSeed = async () =>
    withoutEntity(withoutClaim(await readSeed(), 'claim:unsc-arms-ban'), 'item:weapons');

  it('replaces its facts without orphans: the same graph as ingesting the new version alone', async () => {
    const changed = await changedSeed();
    await startWith(changed);
    const fresh = await census();

    await startWith(await readSeed());
    expect(await entityIds('e.id = "item:weapons"')).toEqual(['item:weapons']);
    const report = await ingest(await changedSeed());
    expect(report.status).toBe('REPLACED');
    expect(report.updates.nodesDeleted).toBeGreaterThan(0);

    expect(await census()).toEqual(fresh);
    expect(await graph.counts()).toEqual(expectedCounts(changed));
    expect(await entityIds('e.id = "item:weapons"')).toEqual([]);
    expect(await entityIds('NOT (e)<-[:MENTIONS]-()')).toEqual([]);
    const [c] = await graph.cypher('MATCH (c:Claim {id: $id}) RETURN count(c) AS c', {
      id: `${ARTICLE_KEY}/claim:unsc-arms-ban`,
    });
    expect(Number(c?.c)).toBe(0);
    const res = await graph.gql(`{
      claim(key: "${ARTICLE_KEY}/claim:unsc-arms-ban") { summary }
      entity(key: "item:weapons") { key }
      claims { totalCount }
    }`);
    expect(res.data).toEqual({ claim: null, entity: null, claims: { totalCount: 12 } });
  });

  it('keeps an entity that another article still mentions', async () => {
    await startWith(await readSeed(), await readSecond());
    const report = await ingest(withoutEntity(await readSeed(), 'place:moscow'));
    expect(report.status).toBe('REPLACED');
    const rows = await graph.cypher(
      `MATCH (e:Entity {id: 'place:moscow'})<-[:MENTIONS]-(:Evidence)-[:IN_ARTICLE]->(a:Article)
       RETURN a.id AS article, count(*) AS mentions, e.label AS label`,
    );
    expect(rows).toEqual([{ article: SECOND_KEY, mentions: 1, label: 'Moscow' }]);
    expect(await entityIds('NOT (e)<-[:MENTIONS]-()')).toEqual([]);
  });

  it('removes entities it no longer has even when they had no mention, only a role or a relation', async () => {
    // Kim Jong-un is the host the text implies ("pemimpin DPRK") without naming him; the Kremlin
    // building is where the office sits, which the text does not name either.
    const v1 = await readSecond();
    v1.entities.push(
      {
        id: 'person:kim-jong-un',
        type: 'Person',
        labels: { en: 'Kim Jong-un', id: 'Kim Jong-un' },
        mentions: [],
      },
      {
        id: 'place:moscow-kremlin',
        type: 'Location',
        labels: { en: 'Moscow Kremlin', id: 'Kremlin Moskow' },
        mentions: [],
      },
    );
    v1.events[0].participants.push({ entity: 'person:kim-jong-un', role: 'HOST' });
    v1.relations.push({
      type: 'LOCATED_IN',
      from: 'org:kremlin',
      to: 'place:moscow-kremlin',
      evidence: [spanOf(v1.article.text, 'Kremlin')],
    });
    const gone = 'e.id IN ["person:kim-jong-un", "place:moscow-kremlin"]';
    await startWith(v1);
    expect(await entityIds(gone)).toEqual(['person:kim-jong-un', 'place:moscow-kremlin']);
    const v2 = await readSecond();
    await startWith(v2);
    const fresh = await census();

    await startWith(v1);
    expect((await ingest(v2)).status).toBe('REPLACED');
    expect(await entityIds(gone)).toEqual([]);
    expect(await census()).toEqual(fresh);
  });

  it('keeps an entity the new version still lists, though nothing in it refers to it any more', async () => {
    const withKim = async (host: boolean) => {
      const doc = await readSecond();
      doc.entities.push({
        id: 'person:kim-jong-un',
        type: 'Person',
        labels: { en: 'Kim Jong-un', id: 'Kim Jong-un' },
        mentions: [],
      });
      if (host) doc.events[0].participants.push({ entity: 'person:kim-jong-un', role: 'HOST' });
      return doc;
    };
    await startWith(await withKim(false));
    const fresh = await census();
    await startWith(await withKim(true));
    expect((await ingest(await withKim(false))).status).toBe('REPLACED');
    expect(await entityIds('e.id = "person:kim-jong-un"')).toEqual(['person:kim-jong-un']);
    expect(await census()).toEqual(fresh);
  });

  it('does not delete an entity that another article still gives a role', async () => {
    // The second article, in a version that lists Russia without marking its mentions.
    const second = await readSecond();
    second.entities.find((e: any) => e.id === 'country:rusia').mentions = [];
    await startWith(await readSeed(), second);
    const report = await ingest(withoutEntity(await readSeed(), 'country:russia'));
    expect(report.status).toBe('REPLACED');
    const [row] = await graph.cypher(
      `MATCH (c:Claim {id: $claim})-[r:PARTICIPANT]->(e:Entity {id: 'country:russia'}) RETURN r.role AS role`,
      { claim: `${SECOND_KEY}/claim:telegram-post` },
    );
    expect(row).toEqual({ role: 'SPEAKER' });
  });
});

describe('npm run ingest', () => {
  /** Runs `tsx src/main.ts ingest ...files` against the test Neo4j. */
  function cli(...files: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
    const c = inject('neo4j');
    return new Promise((resolve) => {
      execFile(
        'npx',
        ['tsx', 'src/main.ts', 'ingest', ...files],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            NEO4J_URI: c.uri,
            NEO4J_USERNAME: c.username,
            NEO4J_PASSWORD: c.password,
            NEO4J_DATABASE: c.database,
          },
          timeout: 60_000,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  it('says what it did: unchanged, then created with counts and linked entities', async () => {
    await startWith(await readSeed());
    const before = await graph.counts();

    const again = await cli(SEED_FILE);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(
      `${SEED_FILE}: article ${ARTICLE_KEY} unchanged (same content hash); nothing written`,
    );
    expect(await graph.counts()).toEqual(before);

    const second = await cli(SECOND_FILE);
    expect(second.code, second.stderr).toBe(0);
    const after = await graph.counts();
    expect(second.stderr).toContain(
      [
        `${SECOND_FILE}: article ${SECOND_KEY} created`,
        `  nodes: ${after.nodes - before.nodes} created, 0 deleted; relationships: ${after.relationships - before.relationships} created, 0 deleted`,
        '  entities: 2 new, 4 linked to existing ones',
        '    person:putin -> person:vladimir-putin (by name)',
        '    country:korut -> country:north-korea (by name)',
        '    country:rusia -> country:russia (by name)',
        '    place:moskow -> place:moscow (by name)',
      ].join('\n'),
    );
  });

  it('with a broken file exits 1, prints every problem with its path, and writes nothing', async () => {
    await startWith(await readSeed());
    const before = await census();
    const doc = await readSecond();
    doc.entities[1].mentions[0].start += 1;
    delete doc.claims[0].summary;
    doc.claims[1].kind = 'Rumour';
    const dir = await mkdtemp(path.join(tmpdir(), 'ingest-cli-'));
    const file = path.join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(doc));

    const run = await cli(file).finally(() => rm(dir, { recursive: true, force: true }));
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${file}: 3 problem(s); nothing written`);
    expect(lines.slice(1).map((l) => l.split(': ')[0]?.trim())).toEqual([
      '$.claims[0].summary',
      '$.claims[1].kind',
      '$.entities[1].mentions[0]',
    ]);
    expect(await census()).toEqual(before);
  });

  it('with a missing file exits 1 with one clear line naming it', async () => {
    await startWith(await readSeed());
    const before = await graph.counts();
    const file = path.join(tmpdir(), 'no-such-article-document.json');
    const run = await cli(file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`error: ${file}: cannot read it: no such file`);
    expect(await graph.counts()).toEqual(before);
  });

  it('takes a folder: its .json files in name order', async () => {
    await graph.reset();
    const dir = await mkdtemp(path.join(tmpdir(), 'ingest-dir-'));
    await writeFile(path.join(dir, 'b.json'), await readFile(SECOND_FILE, 'utf8'));
    await writeFile(path.join(dir, 'a.json'), await readFile(SEED_FILE, 'utf8'));
    await writeFile(path.join(dir, 'notes.txt'), 'not an article');
    const run = await cli(dir).finally(() => rm(dir, { recursive: true, force: true }));
    expect(run.code, run.stderr).toBe(0);
    const said = run.stderr.split('\n').filter((l) => l.startsWith(dir));
    expect(said).toEqual([
      `${path.join(dir, 'a.json')}: article ${ARTICLE_KEY} created`,
      `${path.join(dir, 'b.json')}: article ${SECOND_KEY} created`,
    ]);
  });

  it('with a folder holding no .json file exits 1 naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ingest-empty-'));
    const run = await cli(dir).finally(() => rm(dir, { recursive: true, force: true }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`error: ${dir}: the folder holds no .json file`);
  });
});
