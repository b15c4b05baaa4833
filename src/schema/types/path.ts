// The shortest connections between two entities, as typed steps.
import type { DrawnRow } from '../../db/queries/rows.js';
import { badUserInput } from '../../errors.js';
import type { GraphEdge as GraphEdgeShape } from '../../graph/neighborhood.js';
import { findPaths, type Path as PathShape } from '../../graph/paths.js';
import { ROLES } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { RelationshipType, Role } from '../enums.js';
import { entityOrThrow } from '../keys.js';
import { between } from '../validation.js';
import { GraphEdge, GraphNode } from './drawing.js';

interface StepShape {
  from: DrawnRow;
  to: DrawnRow;
  edge: GraphEdgeShape;
}

const PathStep = builder.objectRef<StepShape>('PathStep').implement({
  description: 'One hop of a path.',
  fields: (t) => ({
    from: t.field({ type: GraphNode, description: 'Where the hop starts.', resolve: (s) => s.from }),
    to: t.field({ type: GraphNode, description: 'Where the hop ends.', resolve: (s) => s.to }),
    relation: t.field({
      type: RelationshipType,
      description: 'The relationship crossed.',
      resolve: (s) => s.edge.type,
    }),
    role: t.field({
      type: Role,
      nullable: true,
      description: 'PARTICIPANT: the role played.',
      // PARTICIPANT relationships carry a role from the vocabulary (written by ingestion).
      resolve: (s) => {
        const { role } = s.edge.props;
        return ROLES.has(role) ? role : null;
      },
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

const steps = (p: PathShape): StepShape[] =>
  p.edges.flatMap((edge, i) => {
    const from = p.nodes[i];
    const to = p.nodes[i + 1];
    return from && to ? [{ from, to, edge }] : [];
  });

const Path = builder.objectRef<PathShape>('Path').implement({
  description: 'A shortest connection between two entities.',
  fields: (t) => ({
    length: t.int({ description: 'How many hops.', resolve: (p) => p.edges.length }),
    nodes: t.field({ type: [GraphNode], description: 'The nodes in order.', resolve: (p) => p.nodes }),
    edges: t.field({ type: [GraphEdge], description: 'The edges in order.', resolve: (p) => p.edges }),
    steps: t.field({ type: [PathStep], description: 'The hops in order.', resolve: steps }),
  }),
});

builder.queryField('paths', (t) =>
  t.field({
    type: [Path],
    description:
      'The shortest connections between two entities, through events, claims and relations. Routes that ' +
      'cross the same nodes by the same kinds of relationship are one path, however many articles state them.',
    args: {
      from: t.arg.string({ required: true, description: 'Entity key where paths start.' }),
      to: t.arg.string({ required: true, description: 'Entity key where paths end.' }),
      maxHops: t.arg.int({
        defaultValue: 4,
        description: 'Longest path to look for, 1 to 6 hops.',
        validate: between(1, 6),
      }),
      first: t.arg.int({
        defaultValue: 5,
        description: 'At most this many paths, 1 to 20.',
        validate: between(1, 20),
      }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.from === args.to) {
        await entityOrThrow(ctx, args.from, 'from');
        throw badUserInput('"from" and "to" are the same entity', 'to');
      }
      const paths = await findPaths(ctx.db, args.from, args.to, args.maxHops ?? 4, args.first ?? 5);
      // A path names both ends, so the keys are checked only when none came back: a key that names
      // nothing is the client's mistake, said so, and a found path costs no more statements.
      if (paths.length === 0) {
        await entityOrThrow(ctx, args.from, 'from');
        await entityOrThrow(ctx, args.to, 'to');
      }
      return paths;
    },
  }),
);
