// What an edge is: where it starts and ends, the path between, what the edge itself carries, and
// how its items are ordered; typed by label and by the props the edge carries.
import type { Manner, Role } from '../../vocabulary.js';
import type { Order } from './order.js';
import type { NodeLabel } from './rows.js';

/** A way a statement involves an entity, as the involvement indexes know it. */
export interface Involvement {
  rel: 'PARTICIPANT' | 'ATTRIBUTED_TO' | 'REPORTED_BY' | 'AT';
  label: 'Claim' | 'Event';
}

export interface EdgeSpec<From extends NodeLabel, To extends NodeLabel, Props> {
  from: From;
  to: To;
  /** The path from (x) to (y); the relationship whose properties the edge reads is r. */
  pattern: string;
  /** The edge's own fields as Cypher over r (aggregates when grouped). */
  props: { readonly [K in keyof Props]-?: string };
  /**
   * One edge per target, its relationships aggregated: an entity that plays two roles in one claim
   * is one claim with two roles; an article reached through many quotes is one article.
   */
  grouped: boolean;
  order: Order;
  /**
   * For an entity's statements: the relationship and label whose involvement index
   * (schema/neo4j/005_involvements.cypher) serves pages in time order.
   */
  involvement?: Involvement;
  /** Phantom: the edge's props type, for the compiler. */
  readonly __props?: Props;
}

export const edge =
  <From extends NodeLabel, To extends NodeLabel, Props = Record<never, never>>() =>
  (spec: Omit<EdgeSpec<From, To, Props>, '__props'>): EdgeSpec<From, To, Props> =>
    spec;

export const NONE = {} as const;

export type Roles = { roles: Role[] };

/** An entity's part in an event or claim (PARTICIPANT, INVOLVES): its role, and how it spoke where the text says. */
export type Participation = { role: Role; manner: Manner | null; mannerWording: string | null };

/** The projection of a participation relationship (PARTICIPANT, INVOLVES) as `Participation`. */
export const PARTICIPATION_PROPS = {
  role: 'r.role',
  manner: 'r.manner',
  mannerWording: 'r.mannerWording',
} as const;
export type Attribution = {
  cue: string;
  manner: Manner | null;
  mannerWording: string | null;
  evidenceIds: string[];
};

/** The projection of an attribution relationship (ATTRIBUTED_TO, REPORTED_BY, ACCORDING_TO) as `Attribution`. */
export const ATTRIBUTION_PROPS = {
  cue: "coalesce(r.cue, '')",
  manner: 'r.manner',
  mannerWording: 'r.mannerWording',
  evidenceIds: 'coalesce(r.evidenceIds, [])',
} as const;
