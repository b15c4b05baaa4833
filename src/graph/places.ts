// The places a place lies in, nearest first: LOCATED_IN walked up a level at a time, every place
// of a level in one batch, then ranked by the longest chain from the start.
import type { EntityRow } from '../db/queries/rows.js';
import { PLACE_TYPES } from '../vocabulary.js';

/** Five levels is beyond any real nesting (station, town, region, country). */
const MAX_LEVELS = 5;

/**
 * `up` gives the places each place lies directly in (one batched call per level). Nearest first
 * means a place comes after every place found that lies in it: Artyom lies both in Russia and in
 * Primorye, which lies in Russia, so Russia comes after Primorye.
 */
export async function containingPlaces(
  start: EntityRow,
  up: (place: EntityRow) => Promise<EntityRow[]>,
): Promise<EntityRow[]> {
  const found = new Map<string, EntityRow>();
  const within: [string, string][] = [];
  let frontier = [start];
  for (let level = 0; level < MAX_LEVELS && frontier.length > 0; level++) {
    const levels = await Promise.all(frontier.map(async (p) => ({ from: p, to: await up(p) })));
    const next: EntityRow[] = [];
    for (const { from, to } of levels) {
      for (const place of to) {
        if (!PLACE_TYPES.includes(place.type)) continue;
        within.push([from.id, place.id]);
        if (place.id === start.id || found.has(place.id)) continue;
        found.set(place.id, place);
        next.push(place);
      }
    }
    frontier = next;
  }
  // The rank is the longest chain of LOCATED_IN from the start (bounded passes, so cycles end).
  const rank = new Map<string, number>([[start.id, 0]]);
  for (let pass = 0; pass <= found.size; pass++) {
    for (const [from, to] of within) {
      const r = rank.get(from);
      if (r !== undefined && r + 1 > (rank.get(to) ?? 0) && r < found.size) rank.set(to, r + 1);
    }
  }
  return [...found.values()].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}
