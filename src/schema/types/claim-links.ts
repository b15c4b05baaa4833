// Links between claims (disputes, condemns, cites, supports): the ClaimLink type and the fields
// of the Claim interface that list the claims linked one way.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { ClaimRow } from '../../db/queries/rows.js';
import type { ClaimLinkType as ClaimLinkTypeName } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField } from '../edges.js';
import { ClaimLinkType, Direction } from '../enums.js';
import { ClaimRef } from './refs.js';

interface ClaimLinkShape {
  type: ClaimLinkTypeName;
  direction: 'OUTGOING' | 'INCOMING';
  claim: ClaimRow;
}

export const ClaimLink = builder.objectRef<ClaimLinkShape>('ClaimLink').implement({
  description: 'How this claim and another bear on each other.',
  fields: (t) => ({
    type: t.field({ type: ClaimLinkType, description: 'The kind of link.', resolve: (l) => l.type }),
    direction: t.field({
      type: Direction,
      description:
        'OUTGOING: this claim disputes, condemns, cites or supports the other; INCOMING: the other does so to this.',
      resolve: (l) => l.direction,
    }),
    claim: t.field({ type: ClaimRef, description: 'The other claim.', resolve: (l) => l.claim }),
  }),
});

interface LinkArgs {
  type?: ClaimLinkTypeName | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
}

const linkFilter = (a: LinkArgs) => ({
  ...(a.direction && a.direction !== 'BOTH' ? { direction: a.direction } : {}),
  ...(a.type ? { relationTypes: [a.type] } : {}),
});

export const links = edgeField('Claim', 'links', 'claimLinks', {
  filter: linkFilter,
  nodePaths: [['claim']],
});

/** A list of the claims linked one way by some kinds of link (the claims this one disputes). */
export function linked(
  field: string,
  types: readonly ClaimLinkTypeName[],
  direction: 'OUTGOING' | 'INCOMING',
  description: string,
  deprecationReason?: string,
) {
  const declared = edgeField('Claim', field, 'claimLinks', {
    filter: () => ({ direction, relationTypes: types }),
  });
  return {
    type: [ClaimRef] satisfies [typeof ClaimRef],
    description,
    ...(deprecationReason ? { deprecationReason } : {}),
    resolve: (c: ClaimRow, _a: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      declared.nodes(ctx, info, c, {}),
  };
}
