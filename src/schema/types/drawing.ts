// Nodes and edges for drawing a graph: each with an id unique across the schema and stable across
// writes, so a client store (Relay, Apollo) never confuses a drawn node with the object it draws,
// and an edge keeps its id however the database stores it.
import { createHash } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { DrawnRow } from '../../db/queries/rows.js';
import type { GraphEdge as GraphEdgeShape } from '../../graph/neighborhood.js';
import { ROLES } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { loadExisting } from '../edges.js';
import { ClaimStatus, EventStatus, RelationshipType, Role } from '../enums.js';
import { LANG_ARG_DESCRIPTION, pick } from './common.js';

const nodeIds = new WeakMap<DrawnRow, string>();

/**
 * The drawn node's own id: the object's type and key, under a type of its own. Encoded once per
 * node: every edge names both its ends by it, and a neighbourhood has a few edges per node.
 */
export function graphNodeId(row: DrawnRow): string {
  let id = nodeIds.get(row);
  if (id === undefined) {
    id = encodeGlobalID('GraphNode', `${row.__type}:${row.id}`);
    nodeIds.set(row, id);
  }
  return id;
}

/**
 * A stable id for a relationship: its type, its ends and what tells it from the others of its type
 * between them. Ingestion writes one relationship per PARTICIPANT role and per relation key
 * (src/db/queries/statements.ts, ingest.ts) and one of every other type, so the id is unique; it
 * leaves out what changes as articles state the relationship (its articles, its evidence), so it
 * stays the same when another article states it.
 */
export function graphEdgeId(edge: GraphEdgeShape): string {
  const identity = JSON.stringify([edge.props.role, edge.props.key]);
  const digest = createHash('sha256').update(identity).digest('base64url').slice(0, 12);
  return encodeGlobalID('GraphEdge', `${edge.type}:${edge.source.id}:${edge.target.id}:${digest}`);
}

const NodeCategory = builder.enumType('NodeCategory', {
  description: 'Whether a graph node is an entity, an event or a claim.',
  values: {
    Entity: { value: 'Entity', description: 'A person, organization, country, place, group or item.' },
    Event: { value: 'Event', description: 'Something that happened.' },
    Claim: { value: 'Claim', description: 'Something an article says someone asserts.' },
  },
});

export const GraphNode = builder.objectRef<DrawnRow>('GraphNode').implement({
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
    category: t.field({ type: NodeCategory, description: 'Entity, Event or Claim.', resolve: (n) => n.of }),
    label: t.string({
      description: 'A short label: an entity’s or event’s name, a claim’s summary.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (n, { lang }) => pick(n.labelsJson, lang ?? 'en') ?? n.label,
    }),
    claimStatus: t.field({
      type: ClaimStatus,
      nullable: true,
      description: 'A claim’s status, for drawing it by certainty without loading `node`; null for others.',
      resolve: (n) => n.claimStatus,
    }),
    eventStatus: t.field({
      type: EventStatus,
      nullable: true,
      description: 'An event’s status, without loading `node`; null for others.',
      resolve: (n) => n.eventStatus,
    }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The object itself (its `id` is the global id `node(id:)` takes).',
      // Loaded only when selected, the drawn nodes of one label in one statement.
      resolve: (n, _args, ctx) => loadExisting(ctx, n.of, n.id),
    }),
  }),
});

export const GraphEdge = builder.objectRef<GraphEdgeShape>('GraphEdge').implement({
  description: 'A relationship for drawing, from `source` to `target` as stored.',
  fields: (t) => ({
    id: t.id({
      description:
        'Id of the relationship, stable across writes: its type, its two ends and what tells it from others between them (a role, a title).',
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
        const { role } = e.props;
        return ROLES.has(role) ? role : null;
      },
    }),
    label: t.string({
      nullable: true,
      description: 'The qualifier worth showing: a role, a title held, a reporting verb.',
      resolve: (e) =>
        e.props.role ?? pick(e.props.titleJson, 'en') ?? pick(e.props.roleJson, 'en') ?? e.props.cue,
    }),
  }),
});
