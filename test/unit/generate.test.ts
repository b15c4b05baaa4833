// The benchmark's corpus generator: valid documents in the project's format, the same for the same
// seed, built one at a time, with hubs shared across articles and every claim kind and status.
import { describe, expect, it } from 'vitest';
import { CorpusGenerator, generatedEntity } from '../../bench/generate.js';
import { Random, wordFor, ZipfSampler } from '../../bench/random.js';
import type { EntityDoc } from '../../src/ingest/document.js';
import { validateDocument } from '../../src/ingest/validate.js';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../../src/vocabulary.js';
import { readSeed } from '../helpers.js';
import { spans } from '../spans.js';

const generator = new CorpusGenerator({ seed: 7, poolSize: 2_000 });

describe('corpus generator', () => {
  it('writes documents that validateDocument accepts, offsets and references included', () => {
    for (const doc of generator.articles(300)) {
      const v = validateDocument(doc);
      expect(v.ok ? [] : v.problems, doc.article.id).toEqual([]);
      expect(doc.entities.length).toBeGreaterThanOrEqual(5);
      expect(doc.entities.length).toBeLessThanOrEqual(15);
      expect(doc.relations.length + doc.events.length).toBeGreaterThan(0);
      for (const e of doc.entities) expect(e.mentions.length, e.id).toBeGreaterThan(0);
    }
  });

  it('counts offsets in code points: texts with astral characters still slice to their quotes', () => {
    const astral = [...generator.articles(100)].filter((d) => /\p{Regional_Indicator}/u.test(d.article.text));
    expect(astral.length).toBeGreaterThan(0);
    for (const doc of astral) {
      const points = Array.from(doc.article.text);
      for (const s of spans(doc)) expect(points.slice(s.start, s.end).join('')).toBe(s.quote);
    }
  });

  it('gives the same document for the same seed and index, built on its own', () => {
    const again = new CorpusGenerator({ seed: 7, poolSize: 2_000 });
    const streamed = [...generator.articles(5, 40)];
    expect(streamed.map((d) => d.article.id)).toEqual([40, 41, 42, 43, 44].map((i) => `bench-7-${i}`));
    expect(again.article(42)).toEqual(streamed[2]);
    expect(new CorpusGenerator({ seed: 8, poolSize: 2_000 }).article(42)).not.toEqual(streamed[2]);
  });

  it('shares entities across articles, with the seed’s hubs far ahead of the tail', () => {
    const degree = new Map<string, number>();
    for (const doc of generator.articles(1_000))
      for (const e of doc.entities) degree.set(e.id, (degree.get(e.id) ?? 0) + 1);
    const ranked = [...degree].sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 2).map(([id]) => id)).toEqual(['country:russia', 'person:kim-jong-un']);
    for (const hub of ['person:vladimir-putin', 'person:yoon-suk-yeol'])
      expect(degree.get(hub), hub).toBeGreaterThan(100);
    // A long tail: most entities appear in only a few articles.
    expect(degree.size).toBeGreaterThan(1_000);
    const median = ranked[Math.floor(ranked.length / 2)]?.[1] ?? 0;
    expect(median).toBeLessThan(5);
  });

  it('reuses the seed’s entities with the seed’s own ids, types and labels', async () => {
    const seed = await readSeed();
    const byId = new Map<string, EntityDoc>(seed.entities.map((e: EntityDoc) => [e.id, e]));
    for (const doc of generator.articles(50))
      for (const e of doc.entities.filter((x) => byId.has(x.id))) {
        const s = byId.get(e.id);
        expect({ type: e.type, en: e.labels.en, id: e.labels.id }).toEqual({
          type: s?.type,
          en: s?.labels.en,
          id: s?.labels.id,
        });
      }
  });

  it('writes claims of every kind and status, with attributions, links and events', () => {
    const docs = [...generator.articles(20)];
    const claims = docs.flatMap((d) => d.claims);
    expect(new Set(claims.map((c) => c.kind))).toEqual(new Set(CLAIM_KINDS.values));
    expect(new Set(claims.map((c) => c.status))).toEqual(new Set(CLAIM_STATUSES.values));
    expect(new Set(generator.article(0).claims.map((c) => c.status))).toEqual(new Set(CLAIM_STATUSES.values));
    expect(claims.some((c) => c.attributedTo.length > 0)).toBe(true);
    expect(claims.some((c) => c.links.length > 0)).toBe(true);
    expect(claims.some((c) => c.about.length > 0)).toBe(true);
    expect(new Set(docs.flatMap((d) => d.relations.map((r) => r.type)))).toEqual(
      new Set(['HOLDS_ROLE', 'MEMBER_OF', 'LOCATED_IN']),
    );
    expect(docs.some((d) => d.article.photo?.caption)).toBe(true);
  });

  it('says a place lies in one place only, the same in every article: places form a forest', () => {
    const within = new Map<string, Set<string>>();
    for (const doc of generator.articles(2_000))
      for (const r of doc.relations.filter((x) => x.type === 'LOCATED_IN'))
        within.set(r.from, (within.get(r.from) ?? new Set()).add(r.to));
    expect(within.size).toBeGreaterThan(50);
    for (const [place, parents] of within) expect([...parents], place).toHaveLength(1);
    // Walked up, no place comes back to itself.
    for (const start of within.keys()) {
      const seen = new Set([start]);
      for (let at = [...(within.get(start) ?? [])][0]; at; at = [...(within.get(at) ?? [])][0]) {
        expect(seen.has(at), `${start} lies in itself through ${at}`).toBe(false);
        seen.add(at);
      }
    }
  });

  it('names generated entities uniquely, and never like the seed’s people', () => {
    const names = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const e = generatedEntity(i);
      expect(names.has(e.labels.en), e.labels.en).toBe(false);
      names.add(e.labels.en);
    }
    expect([...names].some((n) => /\b(kim|jong)/i.test(n))).toBe(false);
    expect(wordFor(0)).not.toBe(wordFor(65));
  });

  it('draws ranks with Zipf weights: rank 1 about twice as often as rank 2', () => {
    const sampler = new ZipfSampler(1_000, 1);
    const rng = new Random(3);
    const counts = new Array<number>(1_000).fill(0);
    for (let i = 0; i < 50_000; i++) counts[sampler.sample(rng)]! += 1;
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.7);
    expect(counts[0]! / counts[1]!).toBeLessThan(2.3);
    expect(counts[999]).toBeLessThan(20);
  });
});
