// Facets of the lists of claims, events and entities, root or nested: how many of the listed items
// have each kind, status, type or role, counted in the database over the whole filtered list, each
// only when selected. A connection carries what it lists (its source) for them.
import type { Context } from '../context.js';
import type { EdgeName } from '../db/queries/edges.js';
import { type FacetKey, facetCounts } from '../db/queries/lists.js';
import type { EdgeFilter, RootSource } from '../db/queries/pages.js';
import { builder } from './builder.js';

/** A root list, or one parent's list of a relationship (batched with its siblings' by a loader). */
export type FacetSource =
  | {
      source: RootSource;
      /** The participant the list is filtered by: the roles counted are that entity's. */
      participant: string | null;
    }
  | { edge: EdgeName; parent: string; filter: EdgeFilter };

async function counts(f: FacetSource, key: FacetKey, ctx: Context) {
  if ('edge' in f) return ctx.loaders.facets(f.edge, f.filter, key).load(f.parent);
  return (await ctx.db.read(facetCounts(f.source, key, f.participant))).map((r) => ({
    value: r.value,
    count: Number(r.count),
  }));
}

interface FacetValueShape {
  value: string;
  count: number;
}

const FacetValue = builder.objectRef<FacetValueShape>('FacetValue').implement({
  description: 'One value of a facet and how many items of the list have it.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The value (a kind, a status, a type, a role).' }),
    count: t.exposeInt('count', { description: 'How many items of the whole list have it.' }),
  }),
});

const DESCRIPTIONS: Record<FacetKey, string> = {
  kind: 'Counts by kind, most frequent first.',
  status: 'Counts by status, most frequent first.',
  type: 'Counts by entity type, most frequent first.',
  role: 'Counts by role: the roles of the entity whose list it is, or of the `participant` filtered by, else of every participant; an item counts once per role.',
};

/** A facets object type with one list per key. */
export function facetsType(name: string, description: string, keys: readonly FacetKey[]) {
  const field = { kind: 'kinds', status: 'statuses', type: 'types', role: 'roles' } as const;
  return builder.objectRef<FacetSource>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        keys.map((key) => [
          field[key],
          t.field({
            type: [FacetValue],
            description: DESCRIPTIONS[key],
            resolve: (f, _a, ctx: Context) => counts(f, key, ctx),
          }),
        ]),
      ),
  });
}

export const ClaimFacets = facetsType(
  'ClaimFacets',
  'How many of the listed claims have each kind, status and role.',
  ['kind', 'status', 'role'],
);
export const EventFacets = facetsType(
  'EventFacets',
  'How many of the listed events have each kind, status and role.',
  ['kind', 'status', 'role'],
);
export const EntityFacets = facetsType('EntityFacets', 'How many of the listed entities have each type.', [
  'type',
]);

/** A connection with what its facets count. */
export const withFacets = <C extends object>(connection: C, facets: FacetSource) =>
  Object.assign(connection, { facets });

/** The `facets` field of a connection returned through withFacets. */
export const facetsField = <T>(type: T) => ({
  type,
  description: 'Counts over the whole filtered list, grouped by kind, status, type or role.',
  // Pothos types a connection's parent as its generic shape; withFacets added `facets` to it.
  resolve: (connection: object) => (connection as { facets: FacetSource }).facets,
});
