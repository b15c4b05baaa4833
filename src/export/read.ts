// Reads an export's scope from the graph as a stream: first every node, then every edge, a page
// at a time, in a stable order (by kind, then id), so two exports of the same graph are equal.

import type { Plain } from '../db/mappers.js';
import {
  articleExists,
  articleScope,
  EXPORT_EDGES,
  EXPORT_NODE_LABELS,
  type ExportEdgeSet,
  type ExportNodeLabel,
  entityExists,
  neighbourhoodProvenance,
  neighbourIds,
  pageEdges,
  pageNodes,
  type ScopeIds,
} from '../db/queries/export.js';
import { withoutInvolvementKeys } from '../db/queries/statements.js';
import type { Database } from '../db/run.js';

export type Scope =
  | { kind: 'graph' }
  | { kind: 'article'; key: string }
  | { kind: 'entity'; key: string; depth: number };

export const MAX_DEPTH = 3;
/** An entity's export stops with an error past this many entities, events and claims. */
export const MAX_NEIGHBOURHOOD = 5_000;
const PAGE = 500;

/** A request that names nothing, or asks too much: the message says which and why. */
export class ExportInputError extends Error {
  override name = 'ExportInputError';
  constructor(
    readonly code:
      | 'UNKNOWN_ARTICLE'
      | 'UNKNOWN_ENTITY'
      | 'BAD_FORMAT'
      | 'BAD_DEPTH'
      | 'TOO_LARGE'
      | 'BAD_ARGUMENT',
    message: string,
  ) {
    super(message);
  }
}

export interface ExportNode {
  label: ExportNodeLabel;
  props: Record<string, Plain>;
}

export interface ExportEdge {
  /** The label of the source node (a claim's and an event's article links read differently). */
  sourceLabel: ExportNodeLabel;
  source: string;
  target: string;
  type: string;
  props: Record<string, Plain>;
}

export interface ResolvedScope {
  scope: Scope;
  ids: ScopeIds;
}

export function parseDepth(raw: string | null | undefined): number {
  if (raw === null || raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_DEPTH)
    throw new ExportInputError(
      'BAD_DEPTH',
      `depth must be a whole number from 1 to ${MAX_DEPTH} (got "${raw}")`,
    );
  return n;
}

/** Checks that the scope names something, and lists its ids when it is not the whole graph. */
export async function resolveScope(
  db: Database,
  scope: Scope,
  maxNodes = MAX_NEIGHBOURHOOD,
): Promise<ResolvedScope> {
  if (scope.kind === 'graph') {
    return { scope, ids: { articles: null, nodes: null, evidence: null, article: null } };
  }
  if (scope.kind === 'article') {
    if ((await db.read(articleExists(scope.key))).length === 0)
      throw new ExportInputError('UNKNOWN_ARTICLE', `no article has the key ${JSON.stringify(scope.key)}`);
    const [row] = await db.read(articleScope(scope.key));
    return {
      scope,
      ids: {
        articles: [scope.key],
        nodes: (row?.nodes as string[]) ?? [],
        evidence: (row?.evidence as string[]) ?? [],
        article: scope.key,
      },
    };
  }
  if ((await db.read(entityExists(scope.key))).length === 0)
    throw new ExportInputError('UNKNOWN_ENTITY', `no entity has the key ${JSON.stringify(scope.key)}`);
  const known = new Set([scope.key]);
  let frontier = [scope.key];
  for (let level = 0; level < scope.depth && frontier.length > 0; level++) {
    const room = maxNodes - known.size;
    const [row] = await db.read(neighbourIds(frontier, [...known], room + 1));
    const found = (row?.ids as string[]) ?? [];
    if (found.length > room) {
      throw new ExportInputError(
        'TOO_LARGE',
        `the neighbourhood of ${scope.key} at depth ${scope.depth} has more than ${maxNodes} entities, events and claims: ask for a smaller depth, or export the whole graph`,
      );
    }
    for (const id of found) known.add(id);
    frontier = found;
  }
  const nodes = [...known];
  const [prov] = await db.read(neighbourhoodProvenance(nodes));
  return {
    scope,
    ids: {
      articles: (prov?.articles as string[]) ?? [],
      nodes,
      evidence: (prov?.evidence as string[]) ?? [],
      article: null,
    },
  };
}

export async function* readNodes(db: Database, { ids }: ResolvedScope): AsyncGenerator<ExportNode> {
  for (const label of EXPORT_NODE_LABELS) {
    let after = '';
    for (;;) {
      const rows = await db.read(pageNodes(label, ids, after, PAGE));
      for (const r of rows) {
        const props = r.node as Record<string, Plain>;
        after = String(props.id);
        yield { label, props };
      }
      if (rows.length < PAGE) break;
    }
  }
}

export async function* readEdges(db: Database, { ids }: ResolvedScope): AsyncGenerator<ExportEdge> {
  for (const set of Object.keys(EXPORT_EDGES) as ExportEdgeSet[]) {
    const sourceLabel = EXPORT_EDGES[set].from;
    let after = '';
    for (;;) {
      const rows = await db.read(pageEdges(set, ids, after, PAGE));
      for (const r of rows) {
        for (const e of r.edges as { target: string; type: string; props: Record<string, Plain> }[]) {
          yield {
            sourceLabel,
            source: String(r.source),
            target: e.target,
            type: e.type,
            props: withoutInvolvementKeys(e.props),
          };
        }
      }
      if (rows.length < PAGE) break;
      after = String(rows.at(-1)?.source);
    }
  }
}
