// Keys and vocabulary values as clients write them: a key that names nothing is an error that
// suggests the closest entities, event and claim keys are taken with or without their article,
// and event kinds in any case. Checked where an answer would otherwise be silently empty.
import type { Context } from '../context.js';
import { escapeLucene, startNode } from '../db/queries/graph.js';
import type { EntityRow } from '../db/queries/rows.js';
import { closestEntities, statementsForKey, vocabularyCounts } from '../db/queries/vocabulary.js';
import { badUserInput } from '../errors.js';
import { nameKey } from '../ingest/text.js';

const SUGGESTIONS = 3;

/** The entities whose names come closest to what the client wrote (a name, a misspelt key). */
export async function closestTo(ctx: Context, given: string): Promise<EntityRow[]> {
  // "person:vladimir-poutine" is searched as "vladimir poutine"; words may be misspelt or partial.
  const words = nameKey(given.replace(/^[a-z]+:/i, ''))
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return [];
  const lucene = words
    .map(escapeLucene)
    .map((w) => (w.length > 3 ? `${w} OR ${w}* OR ${w}~1` : `${w} OR ${w}*`))
    .join(' OR ');
  return (await ctx.db.read(closestEntities(lucene, SUGGESTIONS))).map((r) => r.node);
}

const describe = (e: EntityRow) => `"${e.id}" (${e.label})`;

/** An error for a key that names no entity, with the closest entities as suggestions. */
export async function unknownEntity(ctx: Context, key: string, arg: string) {
  const close = await closestTo(ctx, key);
  const hint = close.length > 0 ? `; the closest entities: ${close.map(describe).join(', ')}` : '';
  return badUserInput(
    `"${arg}": no entity has the key ${JSON.stringify(key)} (keys look like "person:vladimir-putin")${hint}`,
    arg,
    { suggestions: close.map((e) => ({ key: e.id, label: e.label, type: e.type })) },
  );
}

/** An error for a key that names no event or claim, saying what such keys look like. */
export const unknownStatement = (label: 'Event' | 'Claim', key: string, arg = 'key') =>
  badUserInput(
    `"${arg}": no ${label.toLowerCase()} has the key ${JSON.stringify(key)} (keys look like ${
      label === 'Event'
        ? '"c27a19544a1cdf98/event:farewell-ceremony"'
        : '"c27a19544a1cdf98/claim:unsc-arms-ban"'
    }, or without the article when only one article has that key)`,
    arg,
  );

/** The entity with this key, or a BAD_USER_INPUT naming the argument and suggesting keys. */
export async function entityOrThrow(ctx: Context, key: string, arg: string): Promise<EntityRow> {
  const [row] = await ctx.db.read(startNode(key));
  if (!row) throw await unknownEntity(ctx, key, arg);
  return row.node;
}

/**
 * Entity keys given as filters, checked once the answer came back empty (the usual answer costs
 * nothing more): a key that names nothing is the client's mistake, not an empty result.
 */
export async function checkEntityKeys(
  ctx: Context,
  empty: boolean,
  keys: Record<string, string | null | undefined>,
): Promise<void> {
  if (!empty) return;
  for (const [arg, key] of Object.entries(keys)) if (key) await entityOrThrow(ctx, key, arg);
}

/**
 * The key of the event or claim a client means: its own key, the key of one article's report of
 * it, or the key without its article ("event:farewell-ceremony") when only one statement has it.
 * Null when it names none (the caller says so to the client); an error when it names several.
 */
export async function statementKey(
  ctx: Context,
  label: 'Event' | 'Claim',
  key: string,
  arg = 'key',
): Promise<string | null> {
  const ids = (await ctx.db.read(statementsForKey(label, key))).map((r) => r.id);
  if (ids.length <= 1) return ids[0] ?? null;
  const what = label === 'Event' ? 'events' : 'claims';
  throw badUserInput(
    `"${arg}": ${JSON.stringify(key)} names ${ids.length > 5 ? 'more than 5' : ids.length} ${what} of different articles; ` +
      `give the whole key, one of ${ids
        .slice(0, 5)
        .map((id) => JSON.stringify(id))
        .join(', ')}`,
    arg,
    { candidates: ids.slice(0, 5) },
  );
}

/**
 * Event kinds are matched whatever their case. When a filtered list came back empty, a kind no
 * event has is refused, with the kinds that exist.
 */
export async function checkEventKinds(
  ctx: Context,
  empty: boolean,
  given: readonly string[] | null | undefined,
  arg: string,
): Promise<void> {
  if (!empty || !given?.length) return;
  const known = (await ctx.db.read(vocabularyCounts('eventKinds'))).map((r) => r.value);
  const folded = new Set(known.map((k) => k.toLowerCase()));
  const unknown = given.filter((kind) => !folded.has(kind.toLowerCase()));
  if (unknown.length === 0) return;
  throw badUserInput(
    `"${arg}": no event has the kind ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the kinds are ${known.join(', ')} (in any case)`,
    arg,
    { validValues: known },
  );
}
