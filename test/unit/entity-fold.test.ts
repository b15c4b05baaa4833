// An entity's names folded from its sources one article at a time must show what the rule says
// for all its sources at once, whatever order the articles came in, and taking away an article
// that decides nothing must leave the entity as it is.
import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../../src/ingest/document.js';
import { entityNameKeys } from '../../src/ingest/rows.js';
import {
  decidesFold,
  type EntityFold,
  type EntitySource,
  type EntitySources,
  entityFromFold,
  entityFromSources,
  foldEntitySource,
} from '../../src/ingest/sources.js';

/** The rule, written as plainly as it is stated: sources in order, first labels, then every other name. */
function byTheRule(sources: EntitySources) {
  const ordered = Object.entries(sources)
    .sort(([ia, a], [ib, b]) => (a.rank === b.rank ? (ia < ib ? -1 : 1) : a.rank < b.rank ? -1 : 1))
    .map(([, s]) => s);
  const labels = (ordered[0] as EntitySource).labels;
  const aliases: Record<string, string[]> = {};
  const add = (lang: string, name: string) => {
    if (labels[lang] === name || aliases[lang]?.includes(name)) return;
    aliases[lang] = [...(aliases[lang] ?? []), name];
  };
  for (const s of ordered) {
    for (const [lang, name] of Object.entries(s.labels)) add(lang, name);
    for (const [lang, names] of Object.entries(s.aliases)) for (const n of names) add(lang, n);
  }
  return {
    labelsJson: JSON.stringify(labels),
    aliasesJson: JSON.stringify(aliases),
    descriptionJson: ordered.find((s) => s.description)?.description
      ? JSON.stringify(ordered.find((s) => s.description)?.description)
      : null,
    wikidata: ordered.find((s) => s.wikidata)?.wikidata ?? null,
    nameKeys: entityNameKeys({ labels: labels as EntityDoc['labels'], aliases }),
  };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

const NAMES = ['Rusia', 'Russia', 'Federasi Rusia', 'Russian Federation', 'RF', 'Moskow'];

function sourcesOf(seed: number): EntitySources {
  const r = random(seed);
  const pick = () => NAMES[Math.floor(r() * NAMES.length)] as string;
  const sources: EntitySources = {};
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const article = `a${Math.floor(r() * 100)}`;
    sources[article] = {
      rank: `2023-09-${10 + Math.floor(r() * 5)}|${article}`,
      labels: r() < 0.5 ? { en: pick(), id: pick() } : { id: pick(), en: pick() },
      aliases:
        r() < 0.5 ? { id: [pick(), pick()].filter((v, j, a) => a.indexOf(v) === j) } : { en: [pick()] },
      ...(r() < 0.4 ? { description: { en: `described by ${article}` } } : {}),
      ...(r() < 0.3 ? { wikidata: `Q${Math.floor(r() * 10)}` } : {}),
    };
  }
  return sources;
}

const shuffled = <T>(items: T[], seed: number) => {
  const r = random(seed);
  return items
    .map((x) => ({ x, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map(({ x }) => x);
};

const foldAll = (entries: [string, EntitySource][]) =>
  entries.reduce<EntityFold | null>((f, [article, s]) => foldEntitySource(f, article, s), null) as EntityFold;

describe('an entity folded from its sources one article at a time', () => {
  it('shows what the rule gives for all its sources, in any order of arrival', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const sources = sourcesOf(seed);
      const expected = byTheRule(sources);
      const first = entityFromFold(foldAll(Object.entries(sources)));
      expect(first).toMatchObject(expected);
      for (const order of [2, 3]) {
        expect(entityFromFold(foldAll(shuffled(Object.entries(sources), seed * order)))).toEqual(first);
      }
    }
  });

  it('stays as it is when an article that decides nothing goes, and is folded again when one does', () => {
    let undecided = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const sources = sourcesOf(seed);
      const fold = foldAll(Object.entries(sources));
      for (const article of Object.keys(sources)) {
        const { [article]: _, ...rest } = sources;
        const after = entityFromSources(rest);
        if (decidesFold(fold, article)) continue;
        undecided += 1;
        expect(after).toEqual(entityFromFold(fold));
      }
    }
    // The generator gives both kinds, so both branches were tried.
    expect(undecided).toBeGreaterThan(50);
  });

  it('keeps the size of its fold to the distinct names, however many articles name it', () => {
    const source: EntitySource = { rank: '', labels: { en: 'Russia', id: 'Rusia' }, aliases: { id: ['RF'] } };
    let fold: EntityFold | null = null;
    for (let i = 0; i < 1000; i++)
      fold = foldEntitySource(fold, `a${i}`, {
        ...source,
        rank: `2023-09-17|a${String(i).padStart(4, '0')}`,
      });
    expect((fold as EntityFold).names).toHaveLength(3);
    expect(JSON.stringify(fold).length).toBeLessThan(400);
  });
});
