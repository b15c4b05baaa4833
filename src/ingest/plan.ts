// The article write as a plan: every statement, with its parameters, that writes a valid document
// whose entities are resolved. Pure: no database, so tests read the plan the way a reviewer would;
// ingest.ts runs it in one transaction.
import * as q from '../db/queries/ingest.js';
import type { CypherQuery } from '../db/run.js';
import type { ArticleDocument, EntityDoc, EvidenceSpan } from './document.js';
import type { Resolution } from './resolve.js';
import {
  collectEvidence,
  dateProps,
  entityProps,
  eventSortDates,
  evidenceId,
  mergeNames,
  nameProps,
  scopedId,
} from './rows.js';
import { splitParagraphs } from './text.js';

type Link = q.LinkRow;

/** A statement over rows, or none when there are no rows: UNWIND of nothing would still cost a round trip. */
const batch = <T>(rows: T[], build: (rows: T[]) => CypherQuery): CypherQuery | null =>
  rows.length > 0 ? build(rows) : null;

/** The statements that write `doc`, in order; a statement with no rows is left out. */
export function planArticleWrite(doc: ArticleDocument, res: Resolution, contentHash: string): CypherQuery[] {
  const a = doc.article;
  const articleId = a.id;
  const gid = (localId: string) => res.graphId.get(localId) ?? localId;
  const scoped = (localId: string) => scopedId(articleId, localId);
  const ev = (spans: EvidenceSpan[] | undefined) => (spans ?? []).map((s) => evidenceId(articleId, s));
  const steps: (CypherQuery | null)[] = [
    q.upsertArticle({
      id: articleId,
      language: a.language,
      title: a.title ?? null,
      publishedOn: a.publishedOn,
      dateline: a.dateline ?? null,
      text: a.text,
      photoCaption: a.photo?.caption?.quote ?? null,
      photoCaptionEvidence: a.photo?.caption ? evidenceId(articleId, a.photo.caption) : null,
      photoCredit: a.photo?.credit ?? null,
      relatedJson: JSON.stringify(a.related),
      contentHash,
    }),
    batch(
      splitParagraphs(a.text).map((p) => ({ ...p, id: `${articleId}#p${p.index}` })),
      (rows) => q.createParagraphs(articleId, rows),
    ),
    batch(collectEvidence(doc), (rows) => q.createEvidence(articleId, rows)),
    ...q.ENTITY_TYPES.values.map((type) =>
      batch(res.created.filter((e) => e.type === type).map(entityProps), (rows) =>
        q.createEntities(type, rows),
      ),
    ),
    batch(entityUpdates(res), q.updateEntities),
    batch(
      doc.entities.flatMap((e) =>
        e.mentions.map((m) => ({
          evidenceId: evidenceId(articleId, m),
          entityId: gid(e.id),
          surface: m.quote,
        })),
      ),
      q.createMentions,
    ),
    ...q.RELATION_TYPES.values.map((type) =>
      batch(
        doc.relations
          .filter((r) => r.type === type)
          .map((r) => ({
            from: gid(r.from),
            to: gid(r.to),
            props: {
              titleJson: r.title ? JSON.stringify(r.title) : null,
              roleJson: r.role ? JSON.stringify(r.role) : null,
              ...(r.since
                ? { since: r.since.start, sincePrecision: r.since.precision, sinceText: r.since.original }
                : {}),
              evidenceIds: ev(r.evidence),
            },
          })),
        (rows) => q.createRelations(type, articleId, rows),
      ),
    ),
    batch(eventRows(doc), (rows) => q.createEvents(articleId, rows)),
    ...q.CLAIM_KINDS.values.map((kind) =>
      batch(
        doc.claims
          .filter((c) => c.kind === kind)
          .map((c) => ({
            props: {
              id: scoped(c.id),
              kind: c.kind,
              summary: c.summary,
              wording: c.wording,
              status: c.status,
              hedge: c.hedge ?? null,
              ...dateProps(c.time),
              // Undated claims sort at the article's date: that is when the article reports them.
              sortDate: dateProps(c.time).sortDate ?? a.publishedOn,
            },
          })),
        (rows) => q.createClaims(kind, articleId, rows),
      ),
    ),
  ];

  // Links from events and claims; attributions (an event's reporters, a claim's sources) share a shape.
  const attribution = (from: string, list: { entity: string; cue: string; evidence?: EvidenceSpan[] }[]) =>
    list.map((r): Link => ({ from, to: gid(r.entity), props: { cue: r.cue, evidenceIds: ev(r.evidence) } }));
  const evidenceLinks = (from: string, spans: EvidenceSpan[]) =>
    ev(spans).map((id): Link => ({ from, to: id, props: {} }));
  const participantLinks = (from: string, list: { entity: string; role: string }[]) =>
    list.map((p): Link => ({ from, to: gid(p.entity), props: { role: p.role } }));
  const link = (...[from, rel, to, rows]: Parameters<typeof q.linkNodes>) =>
    batch(rows, (r) => q.linkNodes(from, rel, to, r));
  const events = doc.events;
  const claims = doc.claims;
  steps.push(
    link(
      'Event',
      'PARTICIPANT',
      'Entity',
      events.flatMap((e) => participantLinks(scoped(e.id), e.participants)),
    ),
    link(
      'Event',
      'AT',
      'Entity',
      events.flatMap((e) => (e.location ? [{ from: scoped(e.id), to: gid(e.location), props: {} }] : [])),
    ),
    link(
      'Event',
      'PART_OF',
      'Event',
      events.flatMap((e) => (e.partOf ? [{ from: scoped(e.id), to: scoped(e.partOf), props: {} }] : [])),
    ),
    link(
      'Event',
      'REPORTED_BY',
      'Entity',
      events.flatMap((e) => attribution(scoped(e.id), e.reportedBy)),
    ),
    link(
      'Event',
      'EVIDENCED_BY',
      'Evidence',
      events.flatMap((e) => evidenceLinks(scoped(e.id), e.evidence)),
    ),
    link(
      'Claim',
      'PARTICIPANT',
      'Entity',
      claims.flatMap((c) => participantLinks(scoped(c.id), c.participants)),
    ),
    link(
      'Claim',
      'ATTRIBUTED_TO',
      'Entity',
      claims.flatMap((c) => attribution(scoped(c.id), c.attributedTo)),
    ),
    link(
      'Claim',
      'ABOUT',
      'Event',
      claims.flatMap((c) => c.about.map((e) => ({ from: scoped(c.id), to: scoped(e), props: {} }))),
    ),
    link(
      'Claim',
      'EVIDENCED_BY',
      'Evidence',
      claims.flatMap((c) => evidenceLinks(scoped(c.id), c.evidence)),
    ),
    ...q.CLAIM_LINK_TYPES.values.map((type) =>
      link(
        'Claim',
        type,
        'Claim',
        claims.flatMap((c) =>
          c.links
            .filter((l) => l.type === type)
            .map((l) => ({ from: scoped(c.id), to: scoped(l.claim), props: {} })),
        ),
      ),
    ),
  );
  return steps.filter((s): s is CypherQuery => s !== null);
}

function eventRows(doc: ArticleDocument) {
  const sortDates = eventSortDates(doc);
  return doc.events.map((e) => ({
    props: {
      id: scopedId(doc.article.id, e.id),
      kind: e.kind,
      label: e.label.en,
      labelJson: JSON.stringify(e.label),
      summaryJson: e.summary ? JSON.stringify(e.summary) : null,
      status: e.status,
      ...dateProps(e.time),
      // Undated events sort at their larger event's or the article's date, so every event has a
      // place in time.
      sortDate: sortDates.get(e.id) ?? doc.article.publishedOn,
    },
  }));
}

/**
 * The new names of entities that join existing ones. Two entities of the document can be one
 * entity of the graph (say "DPRK" and "Korea Utara"): their new names add up in one row, where two
 * rows would let the later overwrite the earlier.
 */
function entityUpdates(res: Resolution) {
  const rows = new Map<
    string,
    {
      labels: EntityDoc['labels'];
      aliases: Record<string, string[]>;
      descriptionJson: string | null;
      wikidata: string | null;
    }
  >();
  for (const { doc: e, names } of res.updated) {
    const id = res.graphId.get(e.id) ?? e.id;
    const earlier = rows.get(id);
    // The graph's labels are those of the entity as first written, which always has en and id.
    const labels = names.labels as EntityDoc['labels'];
    rows.set(id, {
      labels,
      aliases: mergeNames(labels, earlier?.aliases ?? names.aliases, e),
      descriptionJson: earlier?.descriptionJson ?? (e.description ? JSON.stringify(e.description) : null),
      wikidata: earlier?.wikidata ?? e.wikidata ?? null,
    });
  }
  return [...rows].map(([id, { labels, aliases, descriptionJson, wikidata }]) => ({
    id,
    aliasesJson: JSON.stringify(aliases),
    ...nameProps({ labels, aliases }),
    descriptionJson,
    wikidata,
  }));
}
