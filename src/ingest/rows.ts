// The rows an article write is made of: graph ids, evidence nodes with their context and
// paragraph, entity names and name keys, sortable dates. Pure: no database.
import { createHash } from 'node:crypto';
import { firstDay, lastDay } from '../dates.js';
import type { EvidenceRow } from '../db/queries/rows.js';
import type { ArticleDocument, EntityDoc, EvidenceSpan, PartialDate } from './document.js';
import { codePoints, nameKey, spanContext, splitParagraphs } from './text.js';

/** An evidence node as written: the row the API reads, less its type and its article (read from its id). */
export type EvidenceWrite = Omit<EvidenceRow, '__type' | 'articleId'>;

export interface DateProps {
  startDate: string | null;
  endDate: string | null;
  precision: string | null;
  approximate: boolean;
  partOfDay: string | null;
  dateText: string | null;
  /** The first day of the period, as YYYY-MM-DD, for ordering and range filters. */
  sortDate: string | null;
}

export const contentHash = (doc: ArticleDocument): string =>
  createHash('sha256').update(JSON.stringify(doc)).digest('hex');

export const evidenceId = (articleId: string, span: EvidenceSpan) => `${articleId}@${span.start}-${span.end}`;
export const scopedId = (articleId: string, localId: string) => `${articleId}/${localId}`;

export function dateProps(d: PartialDate | undefined): DateProps {
  if (!d) {
    return {
      startDate: null,
      endDate: null,
      precision: null,
      approximate: false,
      partOfDay: null,
      dateText: null,
      sortDate: null,
    };
  }
  return {
    startDate: d.start,
    endDate: d.end ?? null,
    precision: d.precision,
    approximate: d.approximate ?? false,
    partOfDay: d.partOfDay ?? null,
    dateText: d.original,
    sortDate: firstDay(d.start),
  };
}

/**
 * The day each event sorts by. An event dated only to its month or year that belongs to a larger
 * event dated within that period sorts from the larger event's start, not from the first of the
 * month: the Kim–Putin meeting ("2023-09", part of the visit from 2023-09-12) sorts on the 12th.
 */
export function eventSortDates(doc: ArticleDocument): Map<string, string> {
  const byId = new Map(doc.events.map((e) => [e.id, e]));
  const sortDate = (id: string, seen: Set<string>): string => {
    const e = byId.get(id);
    const own = e?.time ? firstDay(e.time.start) : doc.article.publishedOn;
    if (!e?.partOf || seen.has(id) || (e.time && e.time.precision === 'DAY')) return own;
    const parent = sortDate(e.partOf, new Set([...seen, id]));
    if (!e.time) return parent;
    return parent > own && parent <= lastDay(e.time.start) ? parent : own;
  };
  return new Map(doc.events.map((e) => [e.id, sortDate(e.id, new Set())]));
}

/** Every name of an entity, in every language, as resolution keys. */
export function entityNameKeys(e: Pick<EntityDoc, 'labels' | 'aliases'>): string[] {
  const names = [...Object.values(e.labels), ...Object.values(e.aliases ?? {}).flat()];
  return [...new Set(names.map(nameKey).filter(Boolean))];
}

/** The name properties an entity stores: its keys, and the same keys as the text the full-text index holds. */
export function nameProps(e: Pick<EntityDoc, 'labels' | 'aliases'>) {
  const nameKeys = entityNameKeys(e);
  return { nameKeys, searchText: nameKeys.join(' | ') };
}

/** All distinct evidence spans of the document, each placed in its paragraph. */
export function collectEvidence(doc: ArticleDocument): EvidenceWrite[] {
  const points = codePoints(doc.article.text);
  const paragraphs = splitParagraphs(doc.article.text);
  const rows = new Map<string, EvidenceWrite>();
  const add = (span: EvidenceSpan | undefined) => {
    if (!span) return;
    const id = evidenceId(doc.article.id, span);
    if (rows.has(id)) return;
    const paragraph = paragraphs.find((p) => span.start >= p.start && span.start < p.end) ?? paragraphs[0];
    rows.set(id, {
      id,
      quote: span.quote,
      ...spanContext(points, span.start, span.end),
      start: span.start,
      end: span.end,
      paragraphId: `${doc.article.id}#p${paragraph?.index ?? 0}`,
    });
  };
  add(doc.article.photo?.caption);
  for (const e of doc.entities) e.mentions.forEach(add);
  for (const r of doc.relations) r.evidence.forEach(add);
  for (const ev of doc.events) {
    ev.evidence.forEach(add);
    for (const a of ev.reportedBy) a.evidence?.forEach(add);
  }
  for (const c of doc.claims) {
    c.evidence.forEach(add);
    for (const a of c.attributedTo) a.evidence?.forEach(add);
  }
  return [...rows.values()];
}

/** The entity's names after this document: its labels stay, new names become aliases. */
export function mergeNames(
  labels: Record<string, string>,
  aliases: Record<string, string[]>,
  doc: Pick<EntityDoc, 'labels' | 'aliases'>,
): Record<string, string[]> {
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

/** The properties of an entity the document introduces to the graph. */
export function entityProps(e: EntityDoc) {
  return {
    id: e.id,
    type: e.type,
    label: e.labels.en,
    labelsJson: JSON.stringify(e.labels),
    aliasesJson: JSON.stringify(e.aliases ?? {}),
    descriptionJson: e.description ? JSON.stringify(e.description) : null,
    wikidata: e.wikidata ?? null,
    ...nameProps(e),
  };
}
