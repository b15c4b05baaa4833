// The article write as a plan: every statement, with its parameters, that writes a valid document
// whose entities are resolved and whose relations' earlier sources are known. Pure: no database,
// so tests read the plan the way a reviewer would; ingest.ts runs it in one transaction. The plan
// always has the same statements in the same order (empty row lists do nothing), so that run as one
// combined statement it is planned by Neo4j once and cached.
import * as q from '../db/queries/ingest.js';
import { absorbStatements, joinStatements } from '../db/queries/sameness.js';
import type { CypherQuery } from '../db/run.js';
import type { ArticleDocument } from './document.js';
import { type ReportLinks, reportRows } from './reports.js';
import type { Resolution } from './resolve.js';
import { collectEvidence, evidenceId } from './rows.js';
import {
  type EntitySource,
  entityFromFold,
  entitySource,
  foldEntitySource,
  joinEntitySources,
  type RelationSources,
  relationFromSources,
  relationKey,
  sourceRank,
} from './sources.js';
import { splitParagraphs } from './text.js';

/** Where each report of the document goes: a statement of its own, or one already in the graph. */
export interface Grouping {
  /** Reports that start a statement of their own (its key is theirs). */
  created: string[];
  /** Reports that join an existing statement, by its key. */
  joined: { report: string; statement: string }[];
  /** Statements whose reports move to another: a report of the document is the same as both. */
  absorbed: { statement: string; into: string; of: 'Event' | 'Claim' }[];
}

export interface PlanInput {
  doc: ArticleDocument;
  resolution: Resolution;
  /** The stored sources of the relations the document states, by relationKeyOf. */
  relations: ReadonlyMap<string, RelationSources>;
  grouping: Grouping;
  contentHash: string;
}

export interface RelationLookup {
  type: string;
  from: string;
  to: string;
  key: string;
}

export const relationKeyOf = (r: RelationLookup) => `${r.from}|${r.type}|${r.to}|${r.key}`;

/** The relations a document states, with graph ids and keys, for looking up their stored sources. */
export function relationLookups(
  doc: ArticleDocument,
  graphId: ReadonlyMap<string, string>,
): RelationLookup[] {
  return doc.relations.map((r) => ({
    type: r.type,
    from: graphId.get(r.from) ?? r.from,
    to: graphId.get(r.to) ?? r.to,
    key: relationKey(r),
  }));
}

export function planArticleWrite(input: PlanInput): CypherQuery[] {
  const { doc, resolution: res, contentHash } = input;
  const a = doc.article;
  const gid = (localId: string) => res.graphId.get(localId) ?? localId;
  const entities = entityRows(doc, res);
  const reports = reportRows(doc, res.graphId);
  return [
    q.upsertArticle({
      id: a.id,
      language: a.language,
      title: a.title ?? null,
      outlet: a.outlet ?? null,
      publishedOn: a.publishedOn,
      dateline: a.dateline ?? null,
      text: a.text,
      photoCaption: a.photo?.caption?.quote ?? null,
      photoCaptionEvidence: a.photo?.caption ? evidenceId(a.id, a.photo.caption) : null,
      photoCredit: a.photo?.credit ?? null,
      relatedJson: JSON.stringify(a.related),
      contentHash,
      model: q.MODEL_VERSION,
      // Every entity the article names, so that removing it later finds what it contributed to.
      entityIds: [...new Set(res.graphId.values())].sort(),
    }),
    q.createParagraphs(
      a.id,
      splitParagraphs(a.text).map((p) => ({ ...p, id: `${a.id}#p${p.index}` })),
    ),
    q.createEvidence(a.id, collectEvidence(doc)),
    ...q.ENTITY_TYPES.values.map((type) =>
      q.createEntities(
        type,
        entities.created.filter((e) => e.type === type),
      ),
    ),
    q.updateEntities(entities.updated),
    q.writeNames(entities.names),
    q.createMentions(
      doc.entities.flatMap((e) =>
        e.mentions.map((m) => ({ evidenceId: evidenceId(a.id, m), entityId: gid(e.id), surface: m.quote })),
      ),
    ),
    ...relationSteps(input),
    q.createReports(a.id, reports),
    ...statementSteps(reports, input.grouping),
  ];
}

/** Entities new to the graph, the new names of those the document joins, and its own sources. */
function entityRows(doc: ArticleDocument, res: Resolution) {
  const rank = sourceRank(doc.article.publishedOn, doc.article.id);
  // Two entities of the document can be one entity of the graph (say "DPRK" and "Korea Utara"):
  // their names add up in one source.
  const own = new Map<string, EntitySource>();
  for (const e of doc.entities) {
    const id = res.graphId.get(e.id) ?? e.id;
    const source = entitySource(e, rank);
    const earlier = own.get(id);
    own.set(id, earlier ? joinEntitySources(earlier, source) : source);
  }
  // Every graph id of the resolution has a source of its own from the loop above.
  const withOwn = (id: string, fold: Parameters<typeof foldEntitySource>[0]) =>
    entityFromFold(foldEntitySource(fold, doc.article.id, own.get(id) as EntitySource));
  const created = res.created.map((e) => ({ id: e.id, type: e.type, ...withOwn(e.id, null) }));
  const updated = [...res.existing].map(([id, fold]) => ({ id, ...withOwn(id, fold) }));
  const names = [...own].map(([entity, source]) => ({
    article: doc.article.id,
    entity,
    sourceJson: JSON.stringify(source),
  }));
  return { created, updated, names };
}

/** One relationship per fact: this article's evidence and wording added to what others said. */
function relationSteps({ doc, resolution, relations }: PlanInput): CypherQuery[] {
  const rank = sourceRank(doc.article.publishedOn, doc.article.id);
  const facts = new Map<
    string,
    { type: string; from: string; to: string; key: string; sources: RelationSources }
  >();
  doc.relations.forEach((r) => {
    const [l] = relationLookups({ ...doc, relations: [r] }, resolution.graphId) as [RelationLookup];
    const k = relationKeyOf(l);
    const fact = facts.get(k) ?? { ...l, sources: { ...(relations.get(k) ?? {}) } };
    const evidenceIds = r.evidence.map((s) => evidenceId(doc.article.id, s));
    const mine = fact.sources[doc.article.id];
    fact.sources[doc.article.id] = mine
      ? { ...mine, evidenceIds: [...new Set([...mine.evidenceIds, ...evidenceIds])] }
      : {
          rank,
          ...(r.title ? { title: r.title } : {}),
          ...(r.role ? { role: r.role } : {}),
          ...(r.since
            ? { since: { start: r.since.start, precision: r.since.precision, original: r.since.original } }
            : {}),
          ...(r.distance ? { distance: r.distance } : {}),
          ...(r.curated ? { curated: true as const } : {}),
          ...(r.note ? { note: r.note } : {}),
          evidenceIds,
        };
    facts.set(k, fact);
  });
  const rows = [...facts.values()].map((f) => ({
    type: f.type,
    from: f.from,
    to: f.to,
    props: relationFromSources(f.key, f.sources),
  }));
  return q.RELATION_TYPES.values.map((type) =>
    q.writeRelations(
      type,
      rows.filter((r) => r.type === type),
    ),
  );
}

/** New statements for the reports that start one; the others join theirs (see grouping). */
function statementSteps(reports: ReportLinks, grouping: Grouping): CypherQuery[] {
  const created = new Set(grouping.created);
  const fresh = reports.reports
    .filter((r) => created.has(r.id))
    .map((r) => ({ id: r.id, of: r.of, kind: r.kind }));
  const of = new Map(reports.reports.map((r) => [r.id, r.of]));
  const joins = (label: 'Event' | 'Claim') =>
    joinStatements(
      label,
      grouping.joined.filter((j) => of.get(j.report) === label),
    );
  const absorb = (label: 'Event' | 'Claim') =>
    absorbStatements(
      label,
      grouping.absorbed.filter((a) => a.of === label).map(({ statement, into }) => ({ statement, into })),
    );
  return [
    joins('Event'),
    joins('Claim'),
    absorb('Event'),
    absorb('Claim'),
    q.createEvents(fresh.filter((r) => r.of === 'Event').map(({ id, kind }) => ({ id, kind }))),
    ...q.CLAIM_KINDS.values.map((kind) =>
      q.createClaims(
        kind,
        fresh.filter((r) => r.of === 'Claim' && r.kind === kind).map(({ id }) => ({ id, kind })),
      ),
    ),
  ];
}
