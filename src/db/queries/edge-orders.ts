// The orders the items of a relationship can be read in, over the target `y` and the relationship
// `r` (edges-*.ts pick one per edge). The last key of each tells any two items apart.
import type { Order } from './order.js';

export const TIME: Order = {
  name: 'TIME',
  keys: [
    { expr: 'y.sortDate', type: 'date' },
    { expr: 'y.id', type: 'string' },
  ],
};
export const BY_ID: Order = { name: 'ID', keys: [{ expr: 'y.id', type: 'string' }] };
export const TEXT: Order = {
  name: 'TEXT',
  keys: [
    { expr: 'y.start', type: 'number' },
    { expr: 'y.end', type: 'number' },
    { expr: 'y.id', type: 'string' },
  ],
};
// Quotes of one article together, in text order.
export const QUOTES: Order = {
  name: 'TEXT',
  keys: [
    { expr: "split(y.id, '@')[0]", type: 'string' },
    { expr: 'y.start', type: 'number' },
    { expr: 'y.id', type: 'string' },
  ],
};
export const PARAGRAPHS: Order = { name: 'TEXT', keys: [{ expr: 'y.index', type: 'number' }] };
export const NEWEST: Order = {
  name: 'NEWEST',
  keys: [
    { expr: 'y.publishedOn', type: 'date', descending: true },
    { expr: 'y.id', type: 'string' },
  ],
};
export const ENTITY_NAME: Order = {
  name: 'TYPE_NAME',
  keys: [
    { expr: 'y.type', type: 'string' },
    { expr: 'y.label', type: 'string' },
    { expr: 'y.id', type: 'string' },
  ],
};
export const ROLE_THEN_ID: Order = {
  name: 'ROLE',
  keys: [
    { expr: 'r.role', type: 'string' },
    { expr: 'y.id', type: 'string' },
  ],
};
// Relationships followed either way: the parent's outgoing ones first. `{x}` is the parent.
export const OUTGOING_FIRST = {
  expr: 'CASE WHEN startNode(r) = {x} THEN 0 ELSE 1 END',
  type: 'number',
} as const;
// Two articles can state the same relation: each is its own edge, told apart by its article.
export const RELATION_ORDER: Order = {
  name: 'RELATION',
  keys: [
    OUTGOING_FIRST,
    { expr: 'type(r)', type: 'string' },
    { expr: 'y.id', type: 'string' },
    { expr: "coalesce(r.article, '')", type: 'string' },
    { expr: 'elementId(r)', type: 'string' },
  ],
};
export const LINK_ORDER: Order = {
  name: 'LINK',
  keys: [OUTGOING_FIRST, { expr: 'type(r)', type: 'string' }, { expr: 'y.id', type: 'string' }],
};
export const DIRECTION = "CASE WHEN startNode(r) = {x} THEN 'OUTGOING' ELSE 'INCOMING' END";
