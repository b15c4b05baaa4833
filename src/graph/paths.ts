// The shortest connections between two entities, as node sequences with the relationships
// between them in order. Two relationships of the same kind between the same nodes (stated by
// two articles, say) make the same route: it is returned once.
import { shortestPaths } from '../db/queries/graph.js';
import { type DrawnRow, readDrawn } from '../db/queries/rows.js';
import type { Database } from '../db/run.js';
import { type GraphEdge, joinEdges } from './neighborhood.js';

export interface Path {
  nodes: DrawnRow[];
  edges: GraphEdge[];
}

/** What makes a route: the nodes in order and, for each hop, the kind, role and way of the relationship. */
const routeKey = (p: Path) =>
  JSON.stringify([p.nodes.map((n) => n.id), p.edges.map((e) => [e.type, e.props.role ?? null, e.source.id])]);

/** Duplicate routes are asked for too, so that collapsing them still leaves `limit` paths. */
const OVERFETCH = 4;

export async function findPaths(
  db: Database,
  from: string,
  to: string,
  maxHops: number,
  limit: number,
): Promise<Path[]> {
  const rows = await db.read(shortestPaths(from, to, maxHops, limit * OVERFETCH));
  const routes = new Map<string, Path>();
  for (const row of rows) {
    const nodes = row.nodes.map(readDrawn);
    const path = { nodes, edges: joinEdges(row.rels, new Map(nodes.map((n) => [n.id, n]))) };
    const key = routeKey(path);
    if (!routes.has(key)) routes.set(key, path);
  }
  return [...routes.values()].slice(0, limit);
}
