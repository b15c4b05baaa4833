// Writes one article document into the graph in a single transaction: all of it or none of it.
// The same document twice changes nothing; a changed version replaces the article's facts.
import * as q from '../db/queries/ingest.js';
import type { Database, Tx, Updates } from '../db/run.js';
import type { ArticleDocument, EntityDoc } from './document.js';
import {
  collectEvidence,
  contentHash,
  dateProps,
  entityNameKeys,
  eventSortDates,
  evidenceId,
  nameProps,
  scopedId,
} from './plan.js';
import { splitParagraphs } from './text.js';
import { type Problem, validateDocument } from './validate.js';

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(readonly problems: Problem[]) {
    super(
      `the article document has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  }
}

export interface LinkedEntity {
  /** The id the document gave. */
  documentId: string;
  /** The entity in the graph it was linked to. */
  entityId: string;
  matchedBy: 'id' | 'name';
}

export interface IngestReport {
  articleId: string;
  status: 'CREATED' | 'REPLACED' | 'UNCHANGED';
  updates: Updates;
  entitiesCreated: number;
  linked: LinkedEntity[];
}

const NO_UPDATES: Updates = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
};

/** Validates, then writes. Throws IngestError (with every problem) and writes nothing if invalid. */
export async function ingestDocument(db: Database, raw: unknown): Promise<IngestReport> {
  const validation = validateDocument(raw);
  if (!validation.ok) throw new IngestError(validation.problems);
  return writeDocument(db, validation.doc);
}

interface Resolution {
  graphId: Map<string, string>;
  linked: LinkedEntity[];
  created: EntityDoc[];
  updated: { doc: EntityDoc; labels: Record<string, string>; aliases: Record<string, string[]> }[];
}

const aType = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

const parseJson = <T>(s: unknown, fallback: T): T =>
  typeof s === 'string' ? (JSON.parse(s) as T) : fallback;

async function resolveEntities(tx: Tx, doc: ArticleDocument): Promise<Resolution> {
  const problems: Problem[] = [];
  const res: Resolution = { graphId: new Map(), linked: [], created: [], updated: [] };
  const byId = new Map((await tx.run(q.entitiesById(doc.entities.map((e) => e.id)))).map((r) => [r.id, r]));
  for (const [i, e] of doc.entities.entries()) {
    const existing = byId.get(e.id);
    if (existing) {
      if (existing.type !== e.type) {
        problems.push({
          path: `$.entities[${i}].type`,
          message: `entity "${e.id}" already exists as ${aType(String(existing.type))}, not ${aType(e.type)}`,
        });
        continue;
      }
      res.graphId.set(e.id, e.id);
      res.linked.push({ documentId: e.id, entityId: e.id, matchedBy: 'id' });
      res.updated.push({
        doc: e,
        labels: parseJson(existing.labelsJson, {}),
        aliases: parseJson(existing.aliasesJson, {}),
      });
      continue;
    }
    const matches = await tx.run(q.entitiesByNameKeys(e.type, entityNameKeys(e)));
    if (matches.length > 1) {
      problems.push({
        path: `$.entities[${i}]`,
        // Sorted, so the same graph always gives the same message (the index returns them by score).
        message: `"${e.labels.en}" matches ${matches.length} existing ${e.type} entities by name (${matches
          .map((m) => String(m.id))
          .sort()
          .join(', ')}); give the id of the one meant`,
      });
    } else if (matches.length === 1 && matches[0]) {
      const m = matches[0];
      res.graphId.set(e.id, String(m.id));
      res.linked.push({ documentId: e.id, entityId: String(m.id), matchedBy: 'name' });
      res.updated.push({
        doc: e,
        labels: parseJson(m.labelsJson, {}),
        aliases: parseJson(m.aliasesJson, {}),
      });
    } else {
      res.graphId.set(e.id, e.id);
      res.created.push(e);
    }
  }
  if (problems.length > 0) throw new IngestError(problems);
  return res;
}

/** The entity's names after this document: its labels stay, new names become aliases. */
function mergeNames(labels: Record<string, string>, aliases: Record<string, string[]>, doc: EntityDoc) {
  const merged: Record<string, string[]> = Object.fromEntries(
    Object.entries(aliases).map(([k, v]) => [k, [...v]]),
  );
  const add = (lang: string, name: string) => {
    if (labels[lang] === name || merged[lang]?.includes(name)) return;
    merged[lang] = [...(merged[lang] ?? []), name];
  };
  for (const [lang, name] of Object.entries(doc.labels)) add(lang, name);
  for (const [lang, names] of Object.entries(doc.aliases ?? {})) for (const n of names) add(lang, n);
  return merged;
}

function entityProps(e: EntityDoc) {
  const aliases = e.aliases ?? {};
  return {
    id: e.id,
    type: e.type,
    label: e.labels.en,
    labelsJson: JSON.stringify(e.labels),
    aliasesJson: JSON.stringify(aliases),
    descriptionJson: e.description ? JSON.stringify(e.description) : null,
    wikidata: e.wikidata ?? null,
    ...nameProps(e),
  };
}

async function writeDocument(db: Database, doc: ArticleDocument): Promise<IngestReport> {
  const hash = contentHash(doc);
  const articleId = doc.article.id;
  return db.writeTx(async (tx) => {
    const [previous] = await tx.run(q.articleHash(articleId));
    if (previous?.hash === hash) {
      return { articleId, status: 'UNCHANGED', updates: NO_UPDATES, entitiesCreated: 0, linked: [] };
    }
    const touched = new Set<string>();
    if (previous) {
      for (const query of q.deleteArticleFacts(articleId)) {
        for (const row of await tx.run(query))
          for (const id of (row.touched as string[]) ?? []) touched.add(id);
      }
    }
    const res = await resolveEntities(tx, doc);
    const gid = (localId: string) => res.graphId.get(localId) ?? localId;
    const ev = (spans: { start: number; end: number }[] | undefined) =>
      (spans ?? []).map((s) => evidenceId(articleId, s as never));

    const a = doc.article;
    await tx.run(
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
        contentHash: hash,
      }),
    );
    await tx.run(
      q.createParagraphs(
        articleId,
        splitParagraphs(a.text).map((p) => ({ ...p, id: `${articleId}#p${p.index}` })),
      ),
    );
    await tx.run(q.createEvidence(articleId, collectEvidence(doc)));

    for (const type of q.ENTITY_TYPES.values) {
      const rows = res.created.filter((e) => e.type === type).map(entityProps);
      if (rows.length > 0) await tx.run(q.createEntities(type, rows));
    }
    // Two entities of the document can be one entity of the graph (say "DPRK" and "Korea Utara"):
    // their new names add up in one row, where two rows would let the later overwrite the earlier.
    const names = new Map<
      string,
      {
        labels: Record<string, string>;
        aliases: Record<string, string[]>;
        descriptionJson: string | null;
        wikidata: string | null;
      }
    >();
    for (const { doc: e, labels, aliases } of res.updated) {
      const id = gid(e.id);
      const earlier = names.get(id);
      names.set(id, {
        labels,
        aliases: mergeNames(labels, earlier?.aliases ?? aliases, e),
        descriptionJson: earlier?.descriptionJson ?? (e.description ? JSON.stringify(e.description) : null),
        wikidata: earlier?.wikidata ?? e.wikidata ?? null,
      });
    }
    if (names.size > 0) {
      await tx.run(
        q.updateEntities(
          [...names].map(([id, { labels, aliases, descriptionJson, wikidata }]) => ({
            id,
            aliasesJson: JSON.stringify(aliases),
            ...nameProps({ labels: labels as EntityDoc['labels'], aliases }),
            descriptionJson,
            wikidata,
          })),
        ),
      );
    }
    await tx.run(
      q.createMentions(
        doc.entities.flatMap((e) =>
          e.mentions.map((m) => ({
            evidenceId: evidenceId(articleId, m),
            entityId: gid(e.id),
            surface: m.quote,
          })),
        ),
      ),
    );

    for (const type of q.RELATION_TYPES.values) {
      const rows = doc.relations
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
        }));
      if (rows.length > 0) await tx.run(q.createRelations(type, articleId, rows));
    }

    if (doc.events.length > 0) {
      const sortDates = eventSortDates(doc);
      await tx.run(
        q.createEvents(
          articleId,
          doc.events.map((e) => ({
            props: {
              id: scopedId(articleId, e.id),
              kind: e.kind,
              label: e.label.en,
              labelJson: JSON.stringify(e.label),
              summaryJson: e.summary ? JSON.stringify(e.summary) : null,
              status: e.status,
              ...dateProps(e.time),
              // Undated events sort at their larger event's or the article's date, so every event
              // has a place in time.
              sortDate: sortDates.get(e.id) ?? a.publishedOn,
            },
          })),
        ),
      );
    }
    for (const kind of q.CLAIM_KINDS.values) {
      const rows = doc.claims
        .filter((c) => c.kind === kind)
        .map((c) => ({
          props: {
            id: scopedId(articleId, c.id),
            kind: c.kind,
            summary: c.summary,
            wording: c.wording,
            status: c.status,
            hedge: c.hedge ?? null,
            ...dateProps(c.time),
            // Undated claims sort at the article's date: that is when the article reports them.
            sortDate: dateProps(c.time).sortDate ?? a.publishedOn,
          },
        }));
      if (rows.length > 0) await tx.run(q.createClaims(kind, articleId, rows));
    }

    const scoped = (id: string) => scopedId(articleId, id);
    const links = {
      eventParticipants: doc.events.flatMap((e) =>
        e.participants.map((p) => ({ from: scoped(e.id), to: gid(p.entity), props: { role: p.role } })),
      ),
      eventAt: doc.events.flatMap((e) =>
        e.location ? [{ from: scoped(e.id), to: gid(e.location), props: {} }] : [],
      ),
      eventPartOf: doc.events.flatMap((e) =>
        e.partOf ? [{ from: scoped(e.id), to: scoped(e.partOf), props: {} }] : [],
      ),
      eventReportedBy: doc.events.flatMap((e) =>
        e.reportedBy.map((r) => ({
          from: scoped(e.id),
          to: gid(r.entity),
          props: { cue: r.cue, evidenceIds: ev(r.evidence) },
        })),
      ),
      eventEvidence: doc.events.flatMap((e) =>
        ev(e.evidence).map((id) => ({ from: scoped(e.id), to: id, props: {} })),
      ),
      claimParticipants: doc.claims.flatMap((c) =>
        c.participants.map((p) => ({ from: scoped(c.id), to: gid(p.entity), props: { role: p.role } })),
      ),
      claimAttributed: doc.claims.flatMap((c) =>
        c.attributedTo.map((r) => ({
          from: scoped(c.id),
          to: gid(r.entity),
          props: { cue: r.cue, evidenceIds: ev(r.evidence) },
        })),
      ),
      claimAbout: doc.claims.flatMap((c) =>
        c.about.map((e) => ({ from: scoped(c.id), to: scoped(e), props: {} })),
      ),
      claimEvidence: doc.claims.flatMap((c) =>
        ev(c.evidence).map((id) => ({ from: scoped(c.id), to: id, props: {} })),
      ),
    };
    const steps = [
      q.linkNodes('Event', 'PARTICIPANT', 'Entity', links.eventParticipants),
      q.linkNodes('Event', 'AT', 'Entity', links.eventAt),
      q.linkNodes('Event', 'PART_OF', 'Event', links.eventPartOf),
      q.linkNodes('Event', 'REPORTED_BY', 'Entity', links.eventReportedBy),
      q.linkNodes('Event', 'EVIDENCED_BY', 'Evidence', links.eventEvidence),
      q.linkNodes('Claim', 'PARTICIPANT', 'Entity', links.claimParticipants),
      q.linkNodes('Claim', 'ATTRIBUTED_TO', 'Entity', links.claimAttributed),
      q.linkNodes('Claim', 'ABOUT', 'Event', links.claimAbout),
      q.linkNodes('Claim', 'EVIDENCED_BY', 'Evidence', links.claimEvidence),
      ...q.CLAIM_LINK_TYPES.values.map((type) =>
        q.linkNodes(
          'Claim',
          type,
          'Claim',
          doc.claims.flatMap((c) =>
            c.links
              .filter((l) => l.type === type)
              .map((l) => ({ from: scoped(c.id), to: scoped(l.claim), props: {} })),
          ),
        ),
      ),
    ];
    for (const step of steps) if ((step.params?.rows as unknown[] | undefined)?.length) await tx.run(step);

    // Entities of the earlier version that this one no longer has go when nothing else refers to
    // them; those still in the document stay, as a first ingestion of it would create them.
    const kept = new Set(res.graphId.values());
    const gone = [...touched].filter((id) => !kept.has(id));
    if (gone.length > 0) await tx.run(q.deleteOrphanEntities(gone));
    return {
      articleId,
      status: previous ? 'REPLACED' : 'CREATED',
      updates: { ...tx.updates },
      entitiesCreated: res.created.length,
      linked: res.linked,
    };
  });
}
