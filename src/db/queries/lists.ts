// Root lists (articles, entities, claims, events): each starts from an index, never a label scan,
// and is paged in the database by the keyset window of order.ts.
import type { CypherQuery } from '../run.js';
import { type Order, Params } from './order.js';
import { corroborationConditions, type RootSource } from './pages.js';
import { project } from './rows.js';
import { involvementSeek } from './seek.js';

export const ARTICLES_ORDER: Order = {
  name: 'NEWEST',
  keys: [
    { expr: 'y.publishedOn', type: 'date', descending: true },
    { expr: 'y.id', type: 'string' },
  ],
};

export const articles: RootSource = {
  match: () => 'MATCH (y:Article) WHERE y.publishedOn IS NOT NULL',
  label: 'Article',
  project: (extra, fields) => project('Article', 'y', extra, fields),
};

export const ENTITIES_ORDER: Order = {
  name: 'TYPE_NAME',
  keys: [
    { expr: 'y.type', type: 'string' },
    { expr: 'y.label', type: 'string' },
    { expr: 'y.id', type: 'string' },
  ],
};

export const entities = (types: readonly string[]): RootSource => ({
  match: (params: Params) => `MATCH (y:Entity) WHERE y.type IN ${params.add(types)}`,
  label: 'Entity',
  project: (extra, fields) => project('Entity', 'y', extra, fields),
});

export const TIME_ORDER: Order = {
  name: 'TIME',
  keys: [
    { expr: 'y.sortDate', type: 'date' },
    { expr: 'y.id', type: 'string' },
  ],
};

/** How many sources a statement must have, and whether they may disagree or deny it (null: any). */
export interface CorroborationFilter {
  minSources?: number | null;
  contested?: boolean | null;
  denied?: boolean | null;
}

export interface ClaimFilter extends CorroborationFilter {
  kinds: string[];
  statuses: string[];
  participant: string | null;
  role: string | null;
  attributedTo: string | null;
  from: string | null;
  to: string | null;
}

// The date range is always present (open ends become the widest dates), so every claim query
// starts from the sortDate index; participant and speaker narrow it by pattern.
export const claims = (f: ClaimFilter): RootSource => ({
  match: (p: Params, page) => {
    const role = f.role ? p.add(f.role) : null;
    // Claims of one entity: from the involvement index in date order, the page and no more.
    const by = f.participant
      ? { rel: 'PARTICIPANT' as const, entity: f.participant }
      : f.attributedTo
        ? { rel: 'ATTRIBUTED_TO' as const, entity: f.attributedTo }
        : null;
    const seek =
      by && page
        ? involvementSeek(
            {
              involvement: { rel: by.rel, label: 'Claim' },
              entity: p.add(by.entity),
              from: `date(${p.add(f.from ?? '0001-01-01')})`,
              to: `date(${p.add(f.to ?? '9999-12-31')})`,
              ...page,
              conditions: [
                ...(f.kinds.length ? [`y.kind IN ${p.add(f.kinds)}`] : []),
                ...(f.statuses.length ? [`y.status IN ${p.add(f.statuses)}`] : []),
                ...(by.rel === 'PARTICIPANT' && role ? [`r.role = ${role}`] : []),
                ...(f.attributedTo && by.rel === 'PARTICIPANT'
                  ? [`EXISTS { MATCH (y)-[:ATTRIBUTED_TO]->(:Entity {id: ${p.add(f.attributedTo)}}) }`]
                  : []),
                ...(by.rel === 'ATTRIBUTED_TO' && role
                  ? [`EXISTS { MATCH (y)-[q:PARTICIPANT]->(:Entity) WHERE q.role = ${role} }`]
                  : []),
                ...corroborationConditions(f, p),
              ],
            },
            p,
          )
        : null;
    if (seek) return seek;
    return `MATCH (y:Claim) WHERE y.sortDate >= date(${p.add(f.from ?? '0001-01-01')}) AND y.sortDate <= date(${p.add(f.to ?? '9999-12-31')})
      ${f.kinds.length ? `AND y.kind IN ${p.add(f.kinds)}` : ''}
      ${f.statuses.length ? `AND y.status IN ${p.add(f.statuses)}` : ''}
      ${f.participant ? `AND EXISTS { MATCH (y)-[r:PARTICIPANT]->(:Entity {id: ${p.add(f.participant)}}) ${role ? `WHERE r.role = ${role}` : ''} }` : ''}
      ${!f.participant && role ? `AND EXISTS { MATCH (y)-[r:PARTICIPANT]->(:Entity) WHERE r.role = ${role} }` : ''}
      ${f.attributedTo ? `AND EXISTS { MATCH (y)-[:ATTRIBUTED_TO]->(:Entity {id: ${p.add(f.attributedTo)}}) }` : ''}
      ${corroborationConditions(f, p)
        .map((c) => `AND ${c}`)
        .join(' ')}`;
  },
  label: 'Claim',
  project: (extra, fields) => project('Claim', 'y', extra, fields),
});

export interface EventFilter extends CorroborationFilter {
  /** Event kinds, in any case. */
  kinds: string[];
  participant: string | null;
  location: string | null;
  from: string | null;
  to: string | null;
}

export const events = (f: EventFilter): RootSource => ({
  match: (p: Params, page) => {
    const seek =
      f.participant && page
        ? involvementSeek(
            {
              involvement: { rel: 'PARTICIPANT', label: 'Event' },
              entity: p.add(f.participant),
              from: `date(${p.add(f.from ?? '0001-01-01')})`,
              to: `date(${p.add(f.to ?? '9999-12-31')})`,
              ...page,
              conditions: [
                ...(f.kinds.length
                  ? [`toLower(y.kind) IN ${p.add(f.kinds.map((k) => k.toLowerCase()))}`]
                  : []),
                ...(f.location
                  ? [
                      `EXISTS { MATCH (y)-[:AT]->(:Entity)-[:LOCATED_IN*0..5]->(:Entity {id: ${p.add(f.location)}}) }`,
                    ]
                  : []),
                ...corroborationConditions(f, p),
              ],
            },
            p,
          )
        : null;
    return (
      seek ??
      `MATCH (y:Event) WHERE y.sortDate >= date(${p.add(f.from ?? '0001-01-01')}) AND y.sortDate <= date(${p.add(f.to ?? '9999-12-31')})
      ${f.kinds.length ? `AND toLower(y.kind) IN ${p.add(f.kinds.map((k) => k.toLowerCase()))}` : ''}
      ${f.participant ? `AND EXISTS { MATCH (y)-[:PARTICIPANT]->(:Entity {id: ${p.add(f.participant)}}) }` : ''}
      ${f.location ? `AND EXISTS { MATCH (y)-[:AT]->(:Entity)-[:LOCATED_IN*0..5]->(:Entity {id: ${p.add(f.location)}}) }` : ''}
      ${corroborationConditions(f, p)
        .map((c) => `AND ${c}`)
        .join(' ')}`
    );
  },
  label: 'Event',
  project: (extra, fields) => project('Event', 'y', extra, fields),
});

/** A property of the items of a root list that its facets count by. */
export type FacetKey = 'kind' | 'status' | 'type' | 'role';

/**
 * How many items of a root list have each value of `key`, counted in the database over the whole
 * list (not a page). Roles are those of the participant the list is filtered by, else of every
 * participant; an item with two roles counts once for each.
 */
export const facetCounts = (
  source: RootSource,
  key: FacetKey,
  participant: string | null = null,
): CypherQuery<{ value: string; count: number }> => {
  const p = new Params();
  const match = source.match(p);
  const count =
    key === 'role'
      ? `MATCH (y)-[r:PARTICIPANT]->(e:Entity) ${participant ? `WHERE e.id = ${p.add(participant)}` : ''}
         WITH r.role AS value, count(DISTINCT y) AS count`
      : `WITH y.${key} AS value, count(*) AS count`;
  return {
    cypher: `CALL () { ${match} RETURN y }
      ${count}
      WHERE value IS NOT NULL
      RETURN value, count ORDER BY count DESC, value`,
    params: p.values,
  };
};

/**
 * The orders a client may ask of the event and claim lists. Each ends on the id, so no two items
 * tie and a cursor names one place in the list. Dates sort by their first day; at one day, a
 * date known to the day comes after one known only to the month or year.
 */
const PRECISION_RANK = "CASE y.precision WHEN 'YEAR' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END";
export const STATEMENT_ORDERS = {
  TIME: TIME_ORDER,
  NEWEST: {
    name: 'NEWEST_TIME',
    keys: [
      { expr: 'y.sortDate', type: 'date', descending: true },
      { expr: PRECISION_RANK, type: 'number', descending: true },
      { expr: 'y.id', type: 'string', descending: true },
    ],
  },
  SOURCES: {
    name: 'SOURCES',
    keys: [
      { expr: 'coalesce(y.sourceCount, 1)', type: 'number', descending: true },
      { expr: 'y.sortDate', type: 'date' },
      { expr: 'y.id', type: 'string' },
    ],
  },
} as const satisfies Record<string, Order>;

export const ENTITY_ORDERS = {
  TYPE_NAME: ENTITIES_ORDER,
  NAME: {
    name: 'NAME',
    keys: [
      { expr: 'toLower(y.label)', type: 'string' },
      { expr: 'y.id', type: 'string' },
    ],
  },
  MENTIONS: {
    name: 'MENTIONS',
    keys: [
      { expr: 'COUNT { (y)<-[:MENTIONS]-(:Evidence) }', type: 'number', descending: true },
      { expr: 'y.id', type: 'string' },
    ],
  },
} as const satisfies Record<string, Order>;
