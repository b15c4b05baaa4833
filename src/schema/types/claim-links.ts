// Links between claims (disputes, condemns, cites, supports): the ClaimLink type and the fields
// of the Claim interface that list the claims linked one way.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { ClaimRow } from '../../db/queries/rows.js';
import {
  CLAIM_LINK_TYPES,
  type ClaimLinkType as ClaimLinkTypeName,
  RETIRED_CLAIM_LINK,
} from '../../vocabulary.js';
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

// Always by type: the edge also reaches the retired CONTRADICTS, which ClaimLinkType cannot name.
const linkFilter = (a: LinkArgs) => ({
  ...(a.direction && a.direction !== 'BOTH' ? { direction: a.direction } : {}),
  relationTypes: a.type ? [a.type] : CLAIM_LINK_TYPES.values,
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
  return linkedBy(field, types, direction, description, deprecationReason);
}

/**
 * The deprecated lists of claims that dispute or condemn (contradicts, contradictedBy): with the
 * retired CONTRADICTS links a database written before the split still holds, which neither
 * disputes nor condemns may claim, since which one was meant is unknown.
 */
export function contradicting(
  field: string,
  direction: 'OUTGOING' | 'INCOMING',
  description: string,
  deprecationReason: string,
) {
  return linkedBy(
    field,
    ['DISPUTES', 'CONDEMNS', RETIRED_CLAIM_LINK],
    direction,
    description,
    deprecationReason,
  );
}

function linkedBy(
  field: string,
  types: readonly string[],
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
