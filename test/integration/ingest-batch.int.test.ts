// Writing many documents to one transaction (ingestDocuments) gives the graph and the reports that
// writing them one at a time gives: each sees the ones before it, merges included.
import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../../bench/generate.js';
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
