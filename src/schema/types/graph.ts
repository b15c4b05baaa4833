// Graph questions: the neighbourhood of an entity, the shortest connections between two, and a
// timeline. Nodes and edges come flat (id, type, label; source, target) so a graph-drawing client
// can render them directly, with the full object one field away.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Context, NodeRow } from '../../context.js';
import type { Plain } from '../../db/mappers.js';
import {
  countTimeline,
  neighbours,
  pageTimeline,
  relationshipsAmong,
  shortestPaths,
  startNode,
} from '../../db/queries/graph.js';
import { badUserInput } from '../../errors.js';
import { builder } from '../builder.js';
import { RelationshipType, Role } from '../enums.js';
import { connectionFromQuery } from '../pagination.js';
import { CLAIM_TYPES } from './claim.js';
import { LANG_ARG_DESCRIPTION, PartialDate, partialDate, pick } from './common.js';
import { DATE_HINT, dateRange } from './filters.js';
import { EventRef } from './refs.js';

interface GraphNodeShape {
  row: NodeRow;
}

interface GraphEdgeShape {
  id: string;
  type: string;
  source: NodeRow;
  target: NodeRow;
  props: Record<string, Plain>;
}

const globalId = (row: NodeRow) => encodeGlobalID(row.__type, row.id);

const category = (row: NodeRow) =>
  row.__type === 'Event' ? 'Event' : 'kind' in row && 'summary' in row ? 'Claim' : 'Entity';

const NodeCategory = builder.enumType('NodeCategory', {
  description: 'Whether a graph node is an entity, an event or a claim.',
  values: {
    Entity: { value: 'Entity', description: 'A person, organization, country, place, group or item.' },
    Event: { value: 'Event', description: 'Something that happened.' },
    Claim: { value: 'Claim', description: 'Something an article says someone asserts.' },
  },
});

const GraphNode = builder.objectRef<GraphNodeShape>('GraphNode').implement({
  description: 'A node for drawing: its id, what it is and a label, with the full object in `node`.',
  fields: (t) => ({
    id: t.id({ description: 'Global id, as `node(id:)` takes it.', resolve: (n) => globalId(n.row) }),
    key: t.string({ description: 'Stable key of the object.', resolve: (n) => n.row.id }),
    type: t.string({
      description: 'The GraphQL type name: Person, Event, ArmsDeal…',
      resolve: (n) => n.row.__type,
    }),
    category: t.field({
      type: NodeCategory,
      description: 'Entity, Event or Claim.',
      resolve: (n) => category(n.row),
    }),
    label: t.string({
      description: 'A short label: an entity’s or event’s name, a claim’s summary.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (n, { lang }) =>
        pick(n.row.labelsJson ?? n.row.labelJson, lang ?? 'en') ??
        String(n.row.summary ?? n.row.label ?? n.row.id),
    }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The object itself.',
      resolve: (n) => n.row as never,
    }),
  }),
});

const GraphEdge = builder.objectRef<GraphEdgeShape>('GraphEdge').implement({
  description: 'A relationship for drawing, from `source` to `target` as stored.',
  fields: (t) => ({
    id: t.id({ description: 'Identifies the relationship within this response.', resolve: (e) => e.id }),
    type: t.field({
      type: RelationshipType,
      description: 'What the relationship is.',
      resolve: (e) => e.type as never,
    }),
    source: t.id({ description: 'Global id of the node it starts at.', resolve: (e) => globalId(e.source) }),
    target: t.id({ description: 'Global id of the node it ends at.', resolve: (e) => globalId(e.target) }),
    role: t.field({
      type: Role,
      nullable: true,
      description: 'PARTICIPANT: the role played.',
      resolve: (e) => (e.props.role as never) ?? null,
    }),
    label: t.string({
      nullable: true,
      description: 'The qualifier worth showing: a role, a title held, a reporting verb.',
      resolve: (e) =>
        (e.props.role as string | undefined) ??
        pick(e.props.titleJson, 'en') ??
        pick(e.props.roleJson, 'en') ??
        (e.props.cue as string | undefined) ??
        null,
    }),
  }),
});

interface NeighborhoodShape {
  nodes: GraphNodeShape[];
  edges: GraphEdgeShape[];
  truncated: boolean;
}

const Neighborhood = builder.objectRef<NeighborhoodShape>('Neighborhood').implement({
  description: 'The nodes and edges around an entity.',
  fields: (t) => ({
    nodes: t.field({
      type: [GraphNode],
      description: 'The nodes, the centre first.',
      resolve: (n) => n.nodes,
    }),
    edges: t.field({
      type: [GraphEdge],
      description: 'The edges between the nodes.',
      resolve: (n) => n.edges,
    }),
    truncated: t.boolean({
      description: 'True when the size limit cut the neighbourhood short.',
      resolve: (n) => n.truncated,
    }),
  }),
});

interface PathShape {
  nodes: NodeRow[];
  edges: GraphEdgeShape[];
}

const PathStep = builder
  .objectRef<{ from: NodeRow; to: NodeRow; edge: GraphEdgeShape }>('PathStep')
  .implement({
    description: 'One hop of a path.',
    fields: (t) => ({
      from: t.field({
        type: GraphNode,
        description: 'Where the hop starts.',
        resolve: (s) => ({ row: s.from }),
      }),
      to: t.field({ type: GraphNode, description: 'Where the hop ends.', resolve: (s) => ({ row: s.to }) }),
      relation: t.field({
        type: RelationshipType,
        description: 'The relationship crossed.',
        resolve: (s) => s.edge.type as never,
      }),
      role: t.field({
        type: Role,
        nullable: true,
        description: 'PARTICIPANT: the role played.',
        resolve: (s) => (s.edge.props.role as never) ?? null,
      }),
      forward: t.boolean({
        description: 'True when the hop follows the relationship’s own direction.',
        resolve: (s) => s.edge.source.id === s.from.id,
      }),
      edge: t.field({
        type: GraphEdge,
        description: 'The relationship as a drawable edge.',
        resolve: (s) => s.edge,
      }),
    }),
  });

const Path = builder.objectRef<PathShape>('Path').implement({
  description: 'A shortest connection between two entities.',
  fields: (t) => ({
    length: t.int({ description: 'How many hops.', resolve: (p) => p.edges.length }),
    nodes: t.field({
      type: [GraphNode],
      description: 'The nodes in order.',
      resolve: (p) => p.nodes.map((row) => ({ row })),
    }),
    edges: t.field({ type: [GraphEdge], description: 'The edges in order.', resolve: (p) => p.edges }),
    steps: t.field({
      type: [PathStep],
      description: 'The hops in order.',
      resolve: (p) =>
        p.edges.map((edge, i) => ({ from: p.nodes[i] as NodeRow, to: p.nodes[i + 1] as NodeRow, edge })),
    }),
  }),
});

async function entityOrThrow(ctx: Context, key: string, arg: string): Promise<NodeRow> {
  const [row] = await ctx.db.readNodes(startNode(key));
  if (!row) throw badUserInput(`"${arg}": no entity has the key ${JSON.stringify(key)}`, arg);
  return row;
}

export const MAX_NEIGHBORHOOD = 200;

async function neighborhood(
  ctx: Context,
  key: string,
  depth: number,
  first: number,
): Promise<NeighborhoodShape> {
  const center = await entityOrThrow(ctx, key, 'key');
  const nodes = new Map<string, NodeRow>([[center.id, center]]);
  let frontier = [center.id];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    // Ask for one more than still fits, to know whether anything was left out.
    const room = first - nodes.size;
    const found = await ctx.db.readNodes(neighbours(frontier, [...nodes.keys()], room + 1));
    truncated = found.length > room;
    frontier = found.slice(0, room).map((node) => {
      nodes.set(node.id, node);
      return node.id;
    });
  }
  // The edges are every relationship between the nodes kept, not only those the walk crossed:
  // "the edges between the nodes", so a drawing does not leave out lines between what it shows.
  const rels = await ctx.db.read(relationshipsAmong([...nodes.keys()]));
  const edges = rels.map(
    (r): GraphEdgeShape => ({
      id: String(r.rid),
      type: String(r.type),
      source: nodes.get(String(r.source)) as NodeRow,
      target: nodes.get(String(r.target)) as NodeRow,
      props: (r.props ?? {}) as Record<string, Plain>,
    }),
  );
  return { nodes: [...nodes.values()].map((row) => ({ row })), edges, truncated };
}

const TimelineItem = builder.unionType('TimelineItem', {
  description: 'An event or a claim on a timeline.',
  types: [EventRef, ...CLAIM_TYPES],
  resolveType: (row) => (row as NodeRow).__type,
});

const TimelineEntry = builder.objectRef<NodeRow>('TimelineEntry').implement({
  description: 'One point of a timeline.',
  fields: (t) => ({
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When, with its precision; null for an undated claim (placed at its article’s date).',
      resolve: (row) => partialDate(row),
    }),
    sortDate: t.string({
      description: 'The day it sorts by (YYYY-MM-DD).',
      resolve: (row) => String(row.sortDate),
    }),
    item: t.field({ type: TimelineItem, description: 'The event or claim.', resolve: (row) => row as never }),
  }),
});

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: Neighborhood,
    description:
      'The entities, events and claims around an entity, breadth first, up to `depth` hops and `first` nodes.',
    args: {
      key: t.arg.string({ required: true, description: 'The entity key, e.g. "country:russia".' }),
      depth: t.arg.int({ defaultValue: 1, description: 'How many hops, 1 to 3.' }),
      first: t.arg.int({
        defaultValue: 50,
        description: `At most this many nodes, 1 to ${MAX_NEIGHBORHOOD}.`,
      }),
    },
    resolve: (_r, args, ctx) => {
      const depth = args.depth ?? 1;
      const first = args.first ?? 50;
      if (depth < 1 || depth > 3) throw badUserInput(`"depth" must be from 1 to 3 (got ${depth})`, 'depth');
      if (first < 1 || first > MAX_NEIGHBORHOOD) {
        throw badUserInput(`"first" must be from 1 to ${MAX_NEIGHBORHOOD} (got ${first})`, 'first');
      }
      return neighborhood(ctx, args.key, depth, first);
    },
  }),
  paths: t.field({
    type: [Path],
    description: 'The shortest connections between two entities, through events, claims and relations.',
    args: {
      from: t.arg.string({ required: true, description: 'Entity key where paths start.' }),
      to: t.arg.string({ required: true, description: 'Entity key where paths end.' }),
      maxHops: t.arg.int({ defaultValue: 4, description: 'Longest path to look for, 1 to 6 hops.' }),
      first: t.arg.int({ defaultValue: 5, description: 'At most this many paths, 1 to 20.' }),
    },
    resolve: async (_r, args, ctx) => {
      const maxHops = args.maxHops ?? 4;
      const first = args.first ?? 5;
      if (maxHops < 1 || maxHops > 6)
        throw badUserInput(`"maxHops" must be from 1 to 6 (got ${maxHops})`, 'maxHops');
      if (first < 1 || first > 20) throw badUserInput(`"first" must be from 1 to 20 (got ${first})`, 'first');
      await entityOrThrow(ctx, args.from, 'from');
      await entityOrThrow(ctx, args.to, 'to');
      if (args.from === args.to) throw badUserInput('"from" and "to" are the same entity', 'to');
      const rows = await ctx.db.read(shortestPaths(args.from, args.to, maxHops, first));
      return rows.map((r) => {
        const nodes = r.nodes as unknown as NodeRow[];
        const byId = new Map(nodes.map((n) => [n.id, n]));
        const rels = r.rels as unknown as {
          id: string;
          type: string;
          props: Record<string, Plain>;
          start: string;
          end: string;
        }[];
        return {
          nodes,
          edges: rels.map((rel) => ({
            id: rel.id,
            type: rel.type,
            source: byId.get(rel.start) as NodeRow,
            target: byId.get(rel.end) as NodeRow,
            props: rel.props,
          })),
        };
      });
    },
  }),
  timeline: t.connection(
    {
      type: TimelineEntry,
      description: 'Events and claims in time order, for one entity or for all, within a date range.',
      args: {
        entity: t.arg.string({
          required: false,
          description: 'Only what this entity takes part in, asserts or reports.',
        }),
        from: t.arg.string({ required: false, description: `From this date (${DATE_HINT}).` }),
        to: t.arg.string({ required: false, description: `Up to this date (${DATE_HINT}).` }),
      },
      resolve: async (_r, args, ctx) => {
        if (args.entity) await entityOrThrow(ctx, args.entity, 'entity');
        const range = dateRange(args.from, args.to);
        const f = {
          entity: args.entity ?? null,
          from: range.from ?? '0001-01-01',
          to: range.to ?? '9999-12-31',
        };
        return connectionFromQuery(
          args,
          () => ctx.db.readCount(countTimeline(f)),
          async (skip, limit) =>
            (await ctx.db.readNodes(pageTimeline(f, skip, limit))).map((node) => ({ node })),
        );
      },
    },
    { name: 'TimelineConnection', description: 'Events and claims in time order.' },
    { name: 'TimelineEdge', description: 'A point of the timeline.' },
  ),
}));
