// What each article contributes to a shared entity or relation, and what the graph shows as a
// result. An entity's names and a relation's title come from every article that gives them, so
// removing an article takes away exactly what it added, and the result does not depend on the order
// the articles came in: the earliest-published article (then the lowest id) speaks first. Pure.
import type { Distance, EntityDoc, RelationDoc } from './document.js';
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

/** Where a source stands among an entity's sources: its rank, then its article. */
type At = [rank: string, article: string];
const before = (a: At, b: At) => (a[0] === b[0] ? a[1] < b[1] : a[0] < b[0]);

/**
 * What an entity shows, folded from its sources: each name with the first source that gives it
 * (and where in that source), the first source's labels, the first description and Wikidata id.
 * Its size grows with the entity's distinct names, not with the articles that name it, so adding
 * an article's source costs the same for an entity named once and for one named by every article.
 */
export interface EntityFold {
  first: { at: At; labels: Record<string, string> };
  names: { lang: string; name: string; at: At; pos: number }[];
  description?: { at: At; value: Record<string, string> };
  wikidata?: { at: At; value: string };
}

/** The fold with one more article's source; folding the same sources in any order gives one fold. */
export function foldEntitySource(fold: EntityFold | null, article: string, s: EntitySource): EntityFold {
  const at: At = [s.rank, article];
  const names = new Map((fold?.names ?? []).map((n) => [`${n.lang}\u0000${n.name}`, n]));
  const own = [
    ...Object.entries(s.labels),
    ...Object.entries(s.aliases).flatMap(([lang, list]) => list.map((name) => [lang, name] as const)),
  ];
  own.forEach(([lang, name], pos) => {
    const key = `${lang}\u0000${name}`;
    const had = names.get(key);
    if (!had || before(at, had.at)) names.set(key, { lang, name, at, pos });
  });
  const earlier = <T>(kept: { at: At; value: T } | undefined, value: T | undefined) =>
    value !== undefined && (!kept || before(at, kept.at)) ? { at, value } : kept;
  const description = earlier(fold?.description, s.description);
  const wikidata = earlier(fold?.wikidata, s.wikidata);
  return {
    first: !fold || before(at, fold.first.at) ? { at, labels: s.labels } : fold.first,
    // In one order, so the same sources give the same stored fold whatever order they came in.
    names: [...names.values()].sort((a, b) =>
      a.lang === b.lang ? (a.name < b.name ? -1 : 1) : a.lang < b.lang ? -1 : 1,
    ),
    ...(description ? { description } : {}),
    ...(wikidata ? { wikidata } : {}),
  };
}

/**
 * Whether an article's source decides something the fold shows (the labels, a name's first
 * source, the description or the Wikidata id): only then does taking it away need the others.
 */
export const decidesFold = (fold: EntityFold, article: string) =>
  fold.first.at[1] === article ||
  fold.names.some((n) => n.at[1] === article) ||
  fold.description?.at[1] === article ||
  fold.wikidata?.at[1] === article;

/**
 * The entity as the graph shows it: the labels of its first source; every other name of every
 * source as an alias, in source order; the first description and Wikidata id given.
 */
export function entityFromFold(fold: EntityFold) {
  const labels = fold.first.labels;
  const aliases: Record<string, string[]> = {};
  const ordered = [...fold.names].sort((a, b) =>
    before(a.at, b.at) ? -1 : before(b.at, a.at) ? 1 : a.pos - b.pos,
  );
  for (const { lang, name } of ordered) {
    if (labels[lang] === name) continue;
    aliases[lang] = [...(aliases[lang] ?? []), name];
  }
  const nameKeys = entityNameKeys({ labels: labels as EntityDoc['labels'], aliases });
  return {
    label: labels.en ?? Object.values(labels)[0] ?? '',
    labelsJson: JSON.stringify(labels),
    aliasesJson: JSON.stringify(aliases),
    descriptionJson: fold.description ? JSON.stringify(fold.description.value) : null,
    wikidata: fold.wikidata?.value ?? null,
    nameKeys,
    searchText: nameKeys.join(' | '),
    foldJson: JSON.stringify(fold),
  };
}

/** The entity from all its sources at once (after a removal); null when none is left. */
export function entityFromSources(sources: EntitySources) {
  let fold: EntityFold | null = null;
  for (const [article, s] of Object.entries(sources)) fold = foldEntitySource(fold, article, s);
  return fold ? entityFromFold(fold) : null;
}

export const parseFold = (json: unknown): EntityFold | null =>
  // Written by entityFromFold only.
  typeof json === 'string' ? (JSON.parse(json) as EntityFold) : null;

export interface RelationSource {
  rank: string;
  title?: Record<string, string>;
  role?: Record<string, string>;
  since?: { start: string; precision: string; original: string };
  distance?: Distance;
  /** The article adds the fact from outside its text. */
  curated?: true;
  note?: string;
  evidenceIds: string[];
}

export type RelationSources = Record<string, RelationSource>;

/**
 * What makes two statements of a relation the same fact: the same type between the same
 * entities, with the same title or kind of membership (in English, ignoring case and punctuation).
 * Putin as President of Russia and Putin as head of its Security Council are two facts.
 */
export const relationKey = (r: Pick<RelationDoc, 'title' | 'role' | 'distance'>) =>
  nameKey(r.title?.en ?? r.role?.en ?? r.distance?.measuredFrom.en ?? '');

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
    distanceValue: s.distance?.value ?? null,
    distanceUnit: s.distance?.unit ?? null,
    distanceApproximate: s.distance?.approximate ?? null,
    distanceBound: s.distance?.bound ?? null,
    distanceFromJson: s.distance ? JSON.stringify(s.distance.measuredFrom) : null,
    distanceText: s.distance?.wording ?? null,
    // Curated while no article states it in its text; one that does makes it a fact with evidence.
    curated: ordered.every(([, x]) => x.curated === true),
    note: ordered.find(([, x]) => x.note)?.[1].note ?? null,
    sourcesJson: JSON.stringify(Object.fromEntries(ordered)),
  };
}

export const parseSources = <T>(json: unknown): Record<string, T> =>
  typeof json === 'string' ? (JSON.parse(json) as Record<string, T>) : {};

/**
 * A relation's stored sources, each with its article, earliest-published first (then by article
 * id): relationFromSources stores them in that order, and article ids are not array indexes, so
 * JSON.parse keeps it.
 */
export const relationSourceList = (json: unknown) =>
  Object.entries(parseSources<RelationSource>(json)).map(([article, s]) => ({ article, ...s }));
