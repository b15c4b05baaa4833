// Nodes and edges for drawing a graph: each with an id unique across the schema and stable across
// writes, so a client store (Relay, Apollo) never confuses a drawn node with the object it draws,
// and an edge keeps its id however the database stores it.
import { createHash } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphRow } from '../../db/queries/rows.js';
import type { GraphEdge as GraphEdgeShape } from '../../graph/neighborhood.js';
import { ROLES } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { RelationshipType, Role } from '../enums.js';
import { LANG_ARG_DESCRIPTION, pick } from './common.js';

/** The drawn node's own id: the object's type and key, under a type of its own. */
export const graphNodeId = (row: GraphRow) => encodeGlobalID('GraphNode', `${row.__type}:${row.id}`);

/** A stable id for a relationship: its type, its ends and its properties (so duplicates coincide). */
export function graphEdgeId(edge: GraphEdgeShape): string {
  const props = JSON.stringify(Object.entries(edge.props).sort(([a], [b]) => (a < b ? -1 : 1)));
  const digest = createHash('sha256').update(props).digest('base64url').slice(0, 12);
  return encodeGlobalID('GraphEdge', `${edge.type}:${edge.source.id}:${edge.target.id}:${digest}`);
}

const category = (row: GraphRow) =>
  row.__type === 'Event' ? 'Event' : 'summary' in row ? 'Claim' : ('Entity' as const);

const NodeCategory = builder.enumType('NodeCategory', {
  description: 'Whether a graph node is an entity, an event or a claim.',
  values: {
    Entity: { value: 'Entity', description: 'A person, organization, country, place, group or item.' },
    Event: { value: 'Event', description: 'Something that happened.' },
    Claim: { value: 'Claim', description: 'Something an article says someone asserts.' },
  },
});

const label = (row: GraphRow, lang: string): string => {
  if ('labelsJson' in row) return pick(row.labelsJson, lang) ?? row.label;
  if ('labelJson' in row) return pick(row.labelJson, lang) ?? row.label;
  return row.summary;
};

export const GraphNode = builder.objectRef<GraphRow>('GraphNode').implement({
  description: 'A node for drawing: its id, what it is and a label, with the full object in `node`.',
  fields: (t) => ({
    id: t.id({
      description: 'Id of this drawn node, unique in the schema; edges name it in `source` and `target`.',
      resolve: graphNodeId,
    }),
    key: t.string({ description: 'Stable key of the object.', resolve: (n) => n.id }),
    type: t.string({
      description: 'The GraphQL type name: Person, Event, ArmsDeal…',
      resolve: (n) => n.__type,
    }),
    category: t.field({ type: NodeCategory, description: 'Entity, Event or Claim.', resolve: category }),
    label: t.string({
      description: 'A short label: an entity’s or event’s name, a claim’s summary.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (n, { lang }) => label(n, lang ?? 'en'),
    }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The object itself (its `id` is the global id `node(id:)` takes).',
      resolve: (n) => n,
    }),
  }),
});

/** A text property of the relationship, or null where it has none. */
const prop = (e: GraphEdgeShape, key: string): string | null => {
  const value = e.props[key];
  return typeof value === 'string' ? value : null;
};

export const GraphEdge = builder.objectRef<GraphEdgeShape>('GraphEdge').implement({
  description: 'A relationship for drawing, from `source` to `target` as stored.',
  fields: (t) => ({
    id: t.id({
      description:
        'Id of the relationship, stable across writes: its type, its two ends and what it carries.',
      resolve: graphEdgeId,
    }),
    type: t.field({
      type: RelationshipType,
      description: 'What the relationship is.',
      resolve: (e) => e.type,
    }),
    source: t.id({
      description: 'The `id` of the GraphNode it starts at.',
      resolve: (e) => graphNodeId(e.source),
    }),
    target: t.id({
      description: 'The `id` of the GraphNode it ends at.',
      resolve: (e) => graphNodeId(e.target),
    }),
    role: t.field({
      type: Role,
      nullable: true,
      description: 'PARTICIPANT: the role played.',
      resolve: (e) => {
        const role = prop(e, 'role');
        return ROLES.has(role) ? role : null;
      },
    }),
    label: t.string({
      nullable: true,
      description: 'The qualifier worth showing: a role, a title held, a reporting verb.',
      resolve: (e) =>
        prop(e, 'role') ??
        pick(prop(e, 'titleJson'), 'en') ??
        pick(prop(e, 'roleJson'), 'en') ??
        prop(e, 'cue'),
    }),
  }),
});
