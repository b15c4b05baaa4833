// Every relationship the API follows, by name: where it starts and ends, the path between, what
// the edge itself carries, and how its items are ordered. Typed by label and by edge, so a loader
// of `entityClaims` yields ClaimRows with their roles and nothing else. The edges are declared by
// the type they start from: edges-entity.ts, edges-statements.ts (claims, events), edges-text.ts
// (quotes, paragraphs, articles); their orders in edge-orders.ts.
import type { EdgeSpec } from './edge-spec.js';
import { ENTITY_EDGES } from './edges-entity.js';
import { REPORT_EDGES } from './edges-reports.js';
import { CLAIM_EDGES, EVENT_EDGES } from './edges-statements.js';
import { ARTICLE_EDGES, EVIDENCE_EDGES, PARAGRAPH_EDGES } from './edges-text.js';
import type { NodeLabel } from './rows.js';

export type { EdgeSpec, Involvement } from './edge-spec.js';
export type { RelationProps } from './edges-entity.js';

export const EDGES = {
  ...ENTITY_EDGES,
  ...CLAIM_EDGES,
  ...EVENT_EDGES,
  ...EVIDENCE_EDGES,
  ...PARAGRAPH_EDGES,
  ...ARTICLE_EDGES,
  ...REPORT_EDGES,
};

export type Edges = typeof EDGES;
export type EdgeName = keyof Edges;
/** The props each edge carries, as its loader returns them. */
export type PropsOf<E extends EdgeName> =
  Edges[E] extends EdgeSpec<NodeLabel, NodeLabel, infer P> ? P : never;
export type TargetOf<E extends EdgeName> = Edges[E]['to'];
export type SourceOf<E extends EdgeName> = Edges[E]['from'];
