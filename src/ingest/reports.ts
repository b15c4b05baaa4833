// Each event and claim of a document is that article's report of a statement: its own wording,
// status, date, place, participants, sources and evidence, kept as the article gives them. The
// statement (the Event or Claim node the API reads) is derived from all its reports. Pure.
import type { Manner } from '../vocabulary.js';
import type { ArticleDocument, EvidenceSpan } from './document.js';
import { type DateProps, dateProps, eventSortDates, evidenceId, scopedId } from './rows.js';
import { sourceRank } from './sources.js';

/** How a report says a participant or a source spoke, as the two columns INVOLVES and ACCORDING_TO keep. */
const mannerColumns = (m: { kind: Manner; wording: string } | undefined) => ({
  manner: m?.kind ?? null,
  mannerWording: m?.wording ?? null,
});

export type StatementOf = 'Event' | 'Claim';

export interface ReportRow extends DateProps {
  /** The article-scoped key: `<article>/<local id>`. */
  id: string;
  article: string;
  localId: string;
  of: StatementOf;
  kind: string;
  /** Orders the reports of a statement: the first one gives the statement its key and wording. */
  rank: string;
  publishedOn: string;
  outlet: string | null;
  label: string | null;
  labelJson: string | null;
  summaryJson: string | null;
  summary: string | null;
  wording: string | null;
  status: string;
  hedge: string | null;
  locationId: string | null;
  sortDate: string;
}

export interface ReportLinks {
  reports: ReportRow[];
  /** Who or what takes part, in which role, and how it spoke where the article says so. */
  involves: {
    report: string;
    entity: string;
    role: string;
    manner: Manner | null;
    mannerWording: string | null;
  }[];
  /** Whom the article attributes it to (a claim's source, an event's reporter), with the cue. */
  accordingTo: {
    report: string;
    entity: string;
    cue: string;
    manner: Manner | null;
    mannerWording: string | null;
    evidenceIds: string[];
  }[];
  evidence: { report: string; evidence: string }[];
  /** References to other reports by key: part of, about, claim links. The target may not exist yet. */
  references: { report: string; type: string; to: string }[];
}

/** A reference to another event or claim: a local id of this document, or a key of another article. */
export const referenceKey = (articleId: string, ref: string) =>
  ref.includes('/') ? ref : scopedId(articleId, ref);

export function reportRows(doc: ArticleDocument, graphId: ReadonlyMap<string, string>): ReportLinks {
  const a = doc.article;
  const gid = (localId: string) => graphId.get(localId) ?? localId;
  const key = (localId: string) => scopedId(a.id, localId);
  const ev = (spans: EvidenceSpan[] | undefined) => (spans ?? []).map((s) => evidenceId(a.id, s));
  const base = (localId: string, of: StatementOf) => ({
    id: key(localId),
    article: a.id,
    localId,
    of,
    rank: `${sourceRank(a.publishedOn, a.id)}|${localId}`,
    publishedOn: a.publishedOn,
    outlet: a.outlet ?? null,
  });
  const out: ReportLinks = { reports: [], involves: [], accordingTo: [], evidence: [], references: [] };
  const sortDates = eventSortDates(doc);
  for (const e of doc.events) {
    out.reports.push({
      ...base(e.id, 'Event'),
      kind: e.kind,
      label: e.label.en,
      labelJson: JSON.stringify(e.label),
      summaryJson: e.summary ? JSON.stringify(e.summary) : null,
      summary: null,
      wording: null,
      status: e.status,
      hedge: null,
      ...dateProps(e.time),
      // Undated events sort at their larger event's or the article's date, so every event has a
      // place in time.
      sortDate: sortDates.get(e.id) ?? a.publishedOn,
      locationId: e.location ? gid(e.location) : null,
    });
    if (e.partOf)
      out.references.push({ report: key(e.id), type: 'PART_OF', to: referenceKey(a.id, e.partOf) });
  }
  for (const c of doc.claims) {
    const date = dateProps(c.time);
    out.reports.push({
      ...base(c.id, 'Claim'),
      kind: c.kind,
      label: null,
      labelJson: null,
      summaryJson: null,
      summary: c.summary,
      wording: c.wording,
      status: c.status,
      hedge: c.hedge ?? null,
      ...date,
      // Undated claims sort at the article's date: that is when the article reports them.
      sortDate: date.sortDate ?? a.publishedOn,
      locationId: null,
    });
    for (const about of c.about)
      out.references.push({ report: key(c.id), type: 'ABOUT', to: referenceKey(a.id, about) });
    for (const l of c.links)
      out.references.push({ report: key(c.id), type: l.type, to: referenceKey(a.id, l.claim) });
  }
  const facts = [
    ...doc.events.map((e) => ({
      id: e.id,
      participants: e.participants,
      sources: e.reportedBy,
      evidence: e.evidence,
    })),
    ...doc.claims.map((c) => ({
      id: c.id,
      participants: c.participants,
      sources: c.attributedTo,
      evidence: c.evidence,
    })),
  ];
  for (const f of facts) {
    const report = key(f.id);
    for (const p of f.participants)
      out.involves.push({
        report,
        entity: gid(p.entity),
        role: p.role,
        ...mannerColumns(p.manner),
      });
    for (const s of f.sources)
      out.accordingTo.push({
        report,
        entity: gid(s.entity),
        cue: s.cue,
        ...mannerColumns(s.manner),
        evidenceIds: ev(s.evidence),
      });
    for (const id of ev(f.evidence)) out.evidence.push({ report, evidence: id });
  }
  return out;
}
