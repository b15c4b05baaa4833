// Checks an article document completely before anything is written: the format, every evidence
// span against the text, and every reference between entities, events and claims. All problems
// are reported at once, each with the JSON path where it lies.

import { PLACE_TYPES, SPEAKER_TYPES } from '../vocabulary.js';
import { type ArticleDocument, articleDocument, type EvidenceSpan } from './document.js';
import { codePoints, sliceCodePoints } from './text.js';

export interface Problem {
  path: string;
  message: string;
}

export type Validation = { ok: true; doc: ArticleDocument } | { ok: false; problems: Problem[] };

export function jsonPath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>(
    (acc, p) =>
      typeof p === 'number'
        ? `${acc}[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(p))
          ? `${acc}.${String(p)}`
          : `${acc}[${JSON.stringify(String(p))}]`,
    '$',
  );
}

const preview = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);

// Walks the raw input, so spans are checked even when other parts of the document are malformed.
function checkSpans(raw: unknown): Problem[] {
  if (!isObject(raw) || !isObject(raw.article) || typeof raw.article.text !== 'string') return [];
  const points = codePoints(raw.article.text);
  const problems: Problem[] = [];
  const visit = (node: unknown, path: PropertyKey[]) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, [...path, i]);
      });
      return;
    }
    if (!isObject(node)) return;
    const { quote, start, end } = node;
    if (typeof quote === 'string' && Number.isInteger(start) && Number.isInteger(end)) {
      const s = start as number;
      const e = end as number;
      if (s < 0 || e > points.length || e <= s) {
        problems.push({
          path: jsonPath(path),
          message: `span [${s}, ${e}) is outside the article text (0 to ${points.length} code points)`,
        });
      } else {
        const found = sliceCodePoints(points, s, e);
        if (found !== quote) {
          const at = findQuote(points, quote);
          problems.push({
            path: jsonPath(path),
            message:
              `evidence span [${s}, ${e}) does not match its quote: expected ${preview(quote)}, found ${preview(found)}` +
              (at.length > 0
                ? `; the quote stands at ${at.map((a) => `[${a}, ${a + codePoints(quote).length})`).join(', ')}`
                : ''),
          });
        }
      }
      return;
    }
    for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
  };
  visit(raw, []);
  return problems;
}

function findQuote(points: string[], quote: string): number[] {
  const text = points.join('');
  const hits: number[] = [];
  for (let i = text.indexOf(quote); i >= 0 && hits.length < 3; i = text.indexOf(quote, i + 1)) {
    hits.push(codePoints(text.slice(0, i)).length);
  }
  return hits;
}

const SPEAKERS = new Set<string>(SPEAKER_TYPES);
const PLACES = new Set<string>(PLACE_TYPES);

function checkReferences(doc: ArticleDocument): Problem[] {
  const problems: Problem[] = [];
  const entityType = new Map<string, string>();
  const seen = new Set<string>();
  const unique = (kind: string, list: { id: string }[]) =>
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        problems.push({ path: `$.${kind}[${i}].id`, message: `duplicate id "${item.id}"` });
      }
      seen.add(item.id);
    });
  unique('entities', doc.entities);
  unique('events', doc.events);
  unique('claims', doc.claims);
  for (const e of doc.entities) entityType.set(e.id, e.type);
  const events = new Set(doc.events.map((e) => e.id));
  const claims = new Set(doc.claims.map((c) => c.id));

  const entity = (path: string, id: string, allowed?: Set<string>, what = 'entity') => {
    const type = entityType.get(id);
    if (type === undefined)
      problems.push({ path, message: `unknown ${what} "${id}": no entity with this id` });
    else if (allowed && !allowed.has(type)) {
      problems.push({ path, message: `"${id}" is a ${type}; expected one of ${[...allowed].join(', ')}` });
    }
  };

  doc.relations.forEach((r, i) => {
    entity(`$.relations[${i}].from`, r.from);
    entity(`$.relations[${i}].to`, r.to);
    if (r.type === 'DISTANCE_FROM') {
      entity(`$.relations[${i}].from`, r.from, PLACES);
      entity(`$.relations[${i}].to`, r.to, PLACES);
    }
    if (r.type === 'LOCATED_IN') {
      entity(`$.relations[${i}].from`, r.from, new Set(['Location', 'Organization']));
      entity(`$.relations[${i}].to`, r.to, PLACES);
    }
    if (r.curated && r.evidence.length > 0) {
      problems.push({
        path: `$.relations[${i}].evidence`,
        message:
          'a curated fact comes from outside the text and carries no evidence from it: remove the evidence, or drop curated',
      });
    }
    if (!r.curated && r.evidence.length === 0) {
      problems.push({
        path: `$.relations[${i}].evidence`,
        message:
          'needs at least one span of the article that states it; a fact from outside the text is marked "curated": true',
      });
    }
    if (r.note && !r.curated) {
      problems.push({
        path: `$.relations[${i}].note`,
        message: 'a note explains a curated fact: set "curated": true',
      });
    }
    if (r.type === 'HOLDS_ROLE' && !r.title) {
      problems.push({ path: `$.relations[${i}].title`, message: 'HOLDS_ROLE needs the title held' });
    }
    problems.push(...checkDistance(r, `$.relations[${i}]`));
  });
  doc.events.forEach((ev, i) => {
    if (ev.location) entity(`$.events[${i}].location`, ev.location, PLACES);
    if (ev.partOf && !events.has(ev.partOf)) {
      problems.push({ path: `$.events[${i}].partOf`, message: `unknown event "${ev.partOf}"` });
    }
    if (ev.partOf === ev.id)
      problems.push({ path: `$.events[${i}].partOf`, message: 'an event cannot be part of itself' });
    ev.participants.forEach((p, j) => {
      entity(`$.events[${i}].participants[${j}].entity`, p.entity);
    });
    ev.reportedBy.forEach((a, j) => {
      entity(`$.events[${i}].reportedBy[${j}].entity`, a.entity, SPEAKERS);
    });
  });
  doc.claims.forEach((c, i) => {
    c.participants.forEach((p, j) => {
      entity(`$.claims[${i}].participants[${j}].entity`, p.entity);
    });
    c.attributedTo.forEach((a, j) => {
      entity(`$.claims[${i}].attributedTo[${j}].entity`, a.entity, SPEAKERS);
    });
    c.about.forEach((id, j) => {
      if (!events.has(id))
        problems.push({ path: `$.claims[${i}].about[${j}]`, message: `unknown event "${id}"` });
    });
    c.links.forEach((l, j) => {
      // A key of another article may name a claim not ingested yet: the link waits for it.
      const local = l.claim.startsWith(`${doc.article.id}/`)
        ? l.claim.slice(doc.article.id.length + 1)
        : l.claim;
      if (local.includes('/')) return;
      if (!claims.has(local))
        problems.push({ path: `$.claims[${i}].links[${j}].claim`, message: `unknown claim "${l.claim}"` });
      if (l.claim === c.id)
        problems.push({ path: `$.claims[${i}].links[${j}].claim`, message: 'a claim cannot link to itself' });
    });
  });
  problems.push(...checkSameness(doc), ...checkManners(doc));
  return problems;
}

/**
 * DISTANCE_FROM says how far, and only it does; the figure stands in one of its quotes, and is
 * either hedged or a bound, not both.
 */
function checkDistance(r: ArticleDocument['relations'][number], path: string): Problem[] {
  if (r.type !== 'DISTANCE_FROM')
    return r.distance
      ? [{ path: `${path}.distance`, message: `only DISTANCE_FROM has a distance, not ${r.type}` }]
      : [];
  if (!r.distance)
    return [{ path: `${path}.distance`, message: 'DISTANCE_FROM needs the distance: how far, from what' }];
  const { wording, bound, approximate } = r.distance;
  const problems: Problem[] = [];
  // "More than about 200 km" is not a range the API could compare: one qualifier per figure.
  if (bound && approximate)
    problems.push({
      path: `${path}.distance.bound`,
      message: `a bound (${bound}) and "approximate": true together: give the bound when the text sets a limit ("lebih dari"), approximate when it hedges the figure ("sekitar")`,
    });
  // Without evidence the relation is reported already (curated, or no span states it).
  if (r.evidence.length > 0 && !r.evidence.some((s) => s.quote.includes(wording)))
    problems.push({
      path: `${path}.distance.wording`,
      message: `the distance ${JSON.stringify(wording)} stands in none of the relation's evidence quotes: quote the words that state it`,
    });
  return problems;
}

/**
 * A manner is stated by the text: an attribution's wording stands in one of its own quotes, a
 * participant's (who has no quotes of its own) in one of its event's or claim's.
 */
function checkManners(doc: ArticleDocument): Problem[] {
  const problems: Problem[] = [];
  const check = (
    path: string,
    manner: { wording: string } | undefined,
    quotes: readonly EvidenceSpan[] | undefined,
    whose: string,
  ) => {
    if (!manner) return;
    const wording = manner.wording;
    if (!(quotes ?? []).some((s) => s.quote.includes(wording)))
      problems.push({
        path: `${path}.manner.wording`,
        message: `the manner ${JSON.stringify(wording)} stands in none of ${whose} evidence quotes: quote the words that state it`,
      });
  };
  const statements = [
    ...doc.events.map((x, i) => ({
      x,
      kind: 'event',
      path: `$.events[${i}]`,
      sources: x.reportedBy,
      list: 'reportedBy',
    })),
    ...doc.claims.map((x, i) => ({
      x,
      kind: 'claim',
      path: `$.claims[${i}]`,
      sources: x.attributedTo,
      list: 'attributedTo',
    })),
  ];
  for (const { x, kind, path, sources, list } of statements) {
    sources.forEach((a, j) => {
      check(`${path}.${list}[${j}]`, a.manner, a.evidence, "the attribution's");
    });
    x.participants.forEach((p, j) => {
      check(`${path}.participants[${j}]`, p.manner, x.evidence, `the ${kind}'s`);
    });
  }
  return problems;
}

/** An explicit sameAs names another article's statement, and excludes `distinct`. */
function checkSameness(doc: ArticleDocument): Problem[] {
  const problems: Problem[] = [];
  const check = (list: 'events' | 'claims') =>
    doc[list].forEach((x, i) => {
      if (x.sameAs !== undefined && x.distinct === true)
        problems.push({
          path: `$.${list}[${i}].distinct`,
          message: 'sameAs and distinct: true contradict each other; give one',
        });
      if (x.sameAs?.startsWith(`${doc.article.id}/`))
        problems.push({
          path: `$.${list}[${i}].sameAs`,
          message: `"${x.sameAs}" is a key of this article: an article reports one event or claim once`,
        });
    });
  check('events');
  check('claims');
  return problems;
}

export function validateDocument(raw: unknown): Validation {
  const parsed = articleDocument.safeParse(raw);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
  problems.push(...checkSpans(raw));
  if (parsed.success) problems.push(...checkReferences(parsed.data));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, doc: parsed.data };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
