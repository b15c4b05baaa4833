// The neighbourhood of an entity, flat, for drawing: nodes and the edges among them.

import { PER_NODE } from '../../db/queries/graph.js';
import { type Neighborhood as NeighborhoodShape, walkNeighborhood } from '../../graph/neighborhood.js';
import { builder } from '../builder.js';
import { unknownEntity } from '../keys.js';
import { between } from '../validation.js';
import { GraphEdge, GraphNode } from './drawing.js';

export const MAX_NEIGHBORHOOD = 200;

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
      description:
        'True when a cap left something out: a node had more neighbours of a kind than it may bring, or a level more than fit in `first`.',
      resolve: (n) => n.truncated,
    }),
  }),
});

builder.queryField('neighborhood', (t) =>
  t.field({
    type: Neighborhood,
    description:
      'The entities, events and claims around an entity, breadth first, up to `depth` hops and `first` nodes. ' +
      `Each node brings at most ${PER_NODE} neighbours of each kind: an entity its newest statements (by date, then key, ` +
      `both descending) and, apart, its related entities (by key); an event or claim its neighbours, entities first, ` +
      'then by key. A level takes them in turns, each node’s first before any node’s second, then by key. ' +
      'So a hub’s neighbourhood costs what a small entity’s does.',
    args: {
      key: t.arg.string({ required: true, description: 'The entity key, e.g. "country:russia".' }),
      depth: t.arg.int({ defaultValue: 1, description: 'How many hops, 1 to 3.', validate: between(1, 3) }),
      first: t.arg.int({
        defaultValue: 50,
        description: `At most this many nodes, 1 to ${MAX_NEIGHBORHOOD}.`,
        validate: between(1, MAX_NEIGHBORHOOD),
      }),
    },
    // One statement; the key is looked into only when it names no entity, for the error.
    resolve: async (_r, args, ctx) => {
      const found = await walkNeighborhood(ctx.db, args.key, args.depth ?? 1, args.first ?? 50);
      if (!found) throw await unknownEntity(ctx, args.key, 'key');
      return found;
    },
  }),
);
