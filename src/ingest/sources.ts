// What each article contributes to a shared entity or relation, and what the graph shows as a
// result. An entity's names and a relation's title come from every article that gives them, so
// removing an article takes away exactly what it added, and the result does not depend on the order
// the articles came in: the earliest-published article (then the lowest id) speaks first. Pure.
import type { EntityDoc, RelationDoc } from './document.js';
import { entityNameKeys } from './rows.js';
import { nameKey } from './text.js';

/** Orders sources: earliest publication first, then article id. */
export const sourceRank = (publishedOn: string, articleId: string) => `${publishedOn}|${articleId}`;

export interface EntitySource {
  rank: string;
  labels: Record<string, string>;
  aliases: Record<string, string[]>;
  description?: Record<string, string>;
  wikidata?: string;
}

export type EntitySources = Record<string, EntitySource>;

export const entitySource = (e: EntityDoc, rank: string): EntitySource => ({
  rank,
  labels: e.labels,
  aliases: e.aliases ?? {},
  ...(e.description ? { description: e.description } : {}),
  ...(e.wikidata ? { wikidata: e.wikidata } : {}),
});

/** Two entities of one document can be one entity of the graph: their names add up. */
export function joinEntitySources(a: EntitySource, b: EntitySource): EntitySource {
  const aliases: Record<string, string[]> = structuredClone(a.aliases);
  const add = (lang: string, name: string) => {
    if (a.labels[lang] === name || aliases[lang]?.includes(name)) return;
    aliases[lang] = [...(aliases[lang] ?? []), name];
  };
  for (const [lang, name] of Object.entries(b.labels)) add(lang, name);
  for (const [lang, names] of Object.entries(b.aliases)) for (const n of names) add(lang, n);
  return {
    rank: a.rank,
    labels: a.labels,
    aliases,
    ...((a.description ?? b.description) ? { description: a.description ?? b.description } : {}),
    ...((a.wikidata ?? b.wikidata) ? { wikidata: a.wikidata ?? b.wikidata } : {}),
  };
}

const byRank = <T extends { rank: string }>(sources: Record<string, T>) =>
  Object.entries(sources).sort(([ia, a], [ib, b]) =>
    a.rank === b.rank ? (ia < ib ? -1 : 1) : a.rank < b.rank ? -1 : 1,
  );

/**
 * The entity as the graph shows it: the labels of its first source; every other name of every
 * source as an alias, in source order; the first description and Wikidata id given.
 */
export function entityFromSources(sources: EntitySources) {
  const ordered = byRank(sources).map(([, s]) => s);
  const first = ordered[0];
  if (!first) return null;
  const labels = first.labels;
  const aliases: Record<string, string[]> = {};
  for (const s of ordered) {
    const add = (lang: string, name: string) => {
      if (labels[lang] === name || aliases[lang]?.includes(name)) return;
      aliases[lang] = [...(aliases[lang] ?? []), name];
    };
    for (const [lang, name] of Object.entries(s.labels)) add(lang, name);
    for (const [lang, names] of Object.entries(s.aliases)) for (const n of names) add(lang, n);
  }
  const description = ordered.find((s) => s.description)?.description;
  const wikidata = ordered.find((s) => s.wikidata)?.wikidata ?? null;
  const nameKeys = entityNameKeys({ labels: labels as EntityDoc['labels'], aliases });
  return {
    label: labels.en ?? Object.values(labels)[0] ?? '',
    labelsJson: JSON.stringify(labels),
    aliasesJson: JSON.stringify(aliases),
    descriptionJson: description ? JSON.stringify(description) : null,
    wikidata,
    nameKeys,
    searchText: nameKeys.join(' | '),
    sourcesJson: JSON.stringify(Object.fromEntries(byRank(sources))),
  };
}

export interface RelationSource {
  rank: string;
  title?: Record<string, string>;
  role?: Record<string, string>;
  since?: { start: string; precision: string; original: string };
  evidenceIds: string[];
}

export type RelationSources = Record<string, RelationSource>;

/**
 * What makes two statements of a relation the same fact: the same type between the same
 * entities, with the same title or kind of membership (in English, ignoring case and punctuation).
 * Putin as President of Russia and Putin as head of its Security Council are two facts.
 */
export const relationKey = (r: Pick<RelationDoc, 'title' | 'role'>) =>
  nameKey(r.title?.en ?? r.role?.en ?? '');

/** The relation as the graph stores it: its first source's wording and date, every source's evidence. */
export function relationFromSources(key: string, sources: RelationSources) {
  const ordered = byRank(sources);
  const first = ordered[0];
  if (!first) return null;
  const [article, s] = first;
  return {
    key,
    article,
    articles: ordered.map(([id]) => id).sort(),
    evidenceIds: [...new Set(ordered.flatMap(([, x]) => x.evidenceIds))],
    titleJson: s.title ? JSON.stringify(s.title) : null,
    roleJson: s.role ? JSON.stringify(s.role) : null,
    since: s.since?.start ?? null,
    sincePrecision: s.since?.precision ?? null,
    sinceText: s.since?.original ?? null,
    sourcesJson: JSON.stringify(Object.fromEntries(ordered)),
  };
}

export const parseSources = <T>(json: unknown): Record<string, T> =>
  typeof json === 'string' ? (JSON.parse(json) as Record<string, T>) : {};
