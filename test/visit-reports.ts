// The seed and the five made-up reports of the visit (test/fixtures/fixture-visit-*.json) in a test
// graph: ingesting them in a given order, and reading back what a comparison needs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { type IngestReport, ingestDocument } from '../src/ingest/ingest.js';
import { ARTICLE_KEY, readSeed, type TestGraph, useGraph } from './helpers.js';

export const NAMES = ['harian', 'kanal', 'pagi', 'portal', 'digest'] as const;
export type Name = (typeof NAMES)[number];
export const fileOf = (n: Name) => path.join(PROJECT_ROOT, 'test', 'fixtures', `fixture-visit-${n}.json`);
export const keyOf = (n: Name, local: string) => `fixture-visit-${n}/${local}`;
export const seedKey = (local: string) => `${ARTICLE_KEY}/${local}`;
export const readFixture = async (n: Name): Promise<Record<string, any>> =>
  JSON.parse(await readFile(fileOf(n), 'utf8'));

export const NO_ORPHANS = {
  reportsWithoutStatement: 0,
  statementsWithoutReport: 0,
  loneReferences: 0,
  entitiesWithoutSource: 0,
};

/** A graph for one test file, and the documents, read once. */
export function useVisitReports() {
  const graph: TestGraph = useGraph({ seed: false });
  const seed: Record<string, any> = {};
  const docs = {} as Record<Name, Record<string, any>>;
  beforeAll(async () => {
    Object.assign(seed, await readSeed());
    for (const n of NAMES) docs[n] = await readFixture(n);
  });
  const ingest = (raw: unknown): Promise<IngestReport> => ingestDocument(graph.db, raw);

  /** An empty graph with the seed, then the fixtures in this order; what each ingestion said. */
  async function startWith(order: readonly Name[]): Promise<Partial<Record<Name, IngestReport>>> {
    await graph.reset();
    await ingest(seed);
    const out: Partial<Record<Name, IngestReport>> = {};
    for (const n of order) out[n] = await ingest(docs[n]);
    return out;
  }

  /** Nodes by label, relationships by type. */
  async function census(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const r of await graph.cypher('MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS c'))
      out[`:${r.k}`] = Number(r.c);
    for (const r of await graph.cypher('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c'))
      out[`-${r.k}-`] = Number(r.c);
    return out;
  }

  /** Every statement with its reports and what is derived from them: the answers a reader gets. */
  async function statements() {
    return graph.cypher(
      `MATCH (s) WHERE s:Event OR s:Claim
       RETURN s.id AS key, s.sourceCount AS sources, s.outletCount AS outlets, s.contested AS contested,
         s.denied AS denied, COLLECT { MATCH (s)<-[:REPORTS]-(r:Report) RETURN r.id ORDER BY r.id } AS reports,
         COLLECT { MATCH (s)-[p:PARTICIPANT]->(e) RETURN e.id + ':' + p.role + ':' + size(p.articles) ORDER BY e.id, p.role } AS participants
       ORDER BY key`,
    );
  }

  /** Every relation between entities with what each source gives it: the relations' answers. */
  async function relations() {
    return graph.cypher(
      `MATCH (a:Entity)-[r:HOLDS_ROLE|MEMBER_OF|LOCATED_IN|DISTANCE_FROM]->(b:Entity)
       RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + r.key AS relation, r.article AS article,
         r.articles AS articles, r.evidenceIds AS evidence, r.distanceValue AS distance,
         r.distanceBound AS bound, r.sourcesJson AS sources
       ORDER BY relation`,
    );
  }

  /** The statement a report belongs to. */
  async function statementOf(report: string) {
    const [row] = await graph.cypher(
      `MATCH (:Report {id: $report})-[:REPORTS]->(s)
       RETURN s.id AS key, s.sourceCount AS sources, s.outletCount AS outlets, s.reportCount AS reports,
         s.contested AS contested, s.denied AS denied`,
      { report },
    );
    return row;
  }

  /** What no write may leave behind. */
  async function orphans() {
    const [row] = await graph.cypher(
      `RETURN COUNT { MATCH (r:Report) WHERE NOT (r)-[:REPORTS]->() } AS reportsWithoutStatement,
         COUNT { MATCH (s) WHERE (s:Event OR s:Claim) AND NOT (s)<-[:REPORTS]-(:Report) } AS statementsWithoutReport,
         COUNT { MATCH (r:Reference) WHERE NOT (r)<-[:REFERS]-() } AS loneReferences,
         COUNT { MATCH (e:Entity) WHERE NOT EXISTS { (e)<-[:NAMES]-(:Article) } } AS entitiesWithoutSource`,
    );
    return row;
  }

  return { graph, seed, docs, ingest, startWith, census, statements, relations, statementOf, orphans };
}
