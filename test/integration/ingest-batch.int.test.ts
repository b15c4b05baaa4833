// Writing many documents to one transaction (ingestDocuments) gives the graph and the reports that
// writing them one at a time gives: each sees the ones before it, merges included.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../../bench/generate.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { IngestError, type IngestReport, ingestDocuments } from '../../src/ingest/ingest.js';
import { NAMES, NO_ORPHANS, useVisitReports } from '../visit-reports.js';

const { graph, seed, docs, ingest, census, statements, orphans } = useVisitReports();

const generated = () => [...new CorpusGenerator({ seed: 5, poolSize: 300 }).articles(6)];

describe('ingestDocuments', () => {
  it('writes a batch as one-at-a-time ingestion does: same graph, same reports', async () => {
    const all = () => [seed, ...NAMES.map((n) => docs[n]), ...generated()];
    await graph.reset();
    const single: IngestReport[] = [];
    for (const doc of all()) single.push(await ingest(doc));
    const expected = { census: await census(), statements: await statements() };

    await graph.reset();
    const written: number[] = [];
    const batched = await ingestDocuments(graph.db, all(), {
      batch: 4,
      onWritten: async (_, i) => {
        written.push(i);
      },
    });
    expect({ census: await census(), statements: await statements() }).toEqual(expected);
    // Updates are counted per document, not per transaction. Neo4j counts more properties set on
    // nodes an earlier document of the same transaction wrote; the other counts are the same.
    const withoutPropertiesSet = (reports: IngestReport[]) =>
      reports.map((r) => ({ ...r, updates: { ...r.updates, propertiesSet: 0 } }));
    expect(withoutPropertiesSet(batched)).toEqual(withoutPropertiesSet(single));
    expect(written).toEqual(single.map((_, i) => i));
    expect(batched.some((r) => r.merged.length > 0)).toBe(true);
    expect(await orphans()).toEqual(NO_ORPHANS);
  });

  it('links by name to the entities an earlier document of the same transaction wrote', async () => {
    // The second article names four of the seed's entities under ids of its own.
    const second = JSON.parse(
      await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'second-article.json'), 'utf8'),
    );
    await graph.reset();
    const [, report] = await ingestDocuments(graph.db, [seed, second], { batch: 2 });
    expect(report?.linked).toEqual([
      { documentId: 'person:putin', entityKey: 'person:vladimir-putin', matchedBy: 'name' },
      { documentId: 'country:korut', entityKey: 'country:north-korea', matchedBy: 'name' },
      { documentId: 'country:rusia', entityKey: 'country:russia', matchedBy: 'name' },
      { documentId: 'place:moskow', entityKey: 'place:moscow', matchedBy: 'name' },
    ]);
    const twins = await graph.cypher(
      `MATCH (e:Entity) WHERE e.id IN ['person:putin', 'country:korut', 'country:rusia', 'place:moskow']
       RETURN e.id AS id`,
    );
    expect(twins).toEqual([]);
  });

  it('looks up by name an entity whose id an earlier document of the transaction took out of the graph', async () => {
    // Before the batch: an Organization "org:xylo" (named by one article only) and a Group "Xylo".
    const organization = named('fixture-org', 'org:xylo', 'Organization', 'Xylo');
    await graph.reset();
    await ingestDocuments(graph.db, [organization, named('fixture-group', 'group:xylo', 'Group', 'Xylo')]);
    // In one transaction: the first article's new version no longer names the Organization, which
    // goes; then an article names a Group "Xylo" under the id the Organization had.
    const [, report] = await ingestDocuments(
      graph.db,
      [
        { ...organization, article: { ...organization.article, text: 'Nobody spoke.' }, entities: [] },
        named('fixture-again', 'org:xylo', 'Group', 'Xylo'),
      ],
      { batch: 2 },
    );
    expect(report?.linked).toEqual([{ documentId: 'org:xylo', entityKey: 'group:xylo', matchedBy: 'name' }]);
    expect(await graph.cypher('MATCH (e:Entity) RETURN e.id AS id ORDER BY id')).toEqual([
      { id: 'group:xylo' },
    ]);
  });

  it('writes the documents before one refused mid-batch, then throws its problems', async () => {
    await graph.reset();
    const bad = structuredClone(docs.kanal);
    bad.events[0].sameAs = 'fixture-visit-harian/event:no-such-event';
    const reports: IngestReport[] = [];
    const error = await ingestDocuments(graph.db, [seed, docs.harian, bad, docs.pagi], {
      batch: 4,
      onWritten: async (r) => {
        reports.push(r);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).problems[0]?.path).toBe('$.events[0].sameAs');
    expect(reports.map((r) => r.articleId)).toEqual([seed.article.id, 'fixture-visit-harian']);
    const rows = await graph.cypher('MATCH (a:Article) RETURN a.id AS id ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([seed.article.id, 'fixture-visit-harian'].sort());
  });

  it('refuses a batch size that is not a whole number of at least one', async () => {
    await expect(ingestDocuments(graph.db, [seed], { batch: 0 })).rejects.toThrow(
      'batch must be a whole number ≥ 1 (got 0)',
    );
  });
});

/** An article that names one entity, once. */
function named(id: string, entity: string, type: string, name: string) {
  const text = `${name} spoke.`;
  return {
    formatVersion: 1,
    article: { id, language: 'en', publishedOn: '2023-09-18', related: [], text },
    entities: [
      {
        id: entity,
        type,
        labels: { en: name, id: name },
        mentions: [{ quote: name, start: 0, end: name.length }],
      },
    ],
    relations: [],
    events: [],
    claims: [],
  };
}
