// The neighbourhood of an entity, breadth first, in one statement: each level the few most
// relevant neighbours of each node of the last (db/queries/graph.ts, PER_NODE), cut at a size
// limit, and every relationship among the nodes kept, so a drawing shows every line between
// what it shows.
import { neighborhood } from '../db/queries/graph.js';
import {
  type DrawnRow,
  type RelationshipList,
  type RelationshipRow,
  readDrawn,
  readRelationship,
} from '../db/queries/rows.js';
import type { Database } from '../db/run.js';

/** A relationship between two drawn nodes, as stored (from start to end). */
export interface GraphEdge {
  type: RelationshipRow['type'];
  source: DrawnRow;
  target: DrawnRow;
  props: RelationshipRow['props'];
}

export interface Neighborhood {
  /** The centre first, then by level. */
  nodes: DrawnRow[];
  edges: GraphEdge[];
  /** Whether a cap (the size limit, or a node's share) left something out. */
  truncated: boolean;
}

/** Joins relationships to the nodes they connect; those whose ends are not among them are left out. */
export function joinEdges(rels: readonly RelationshipList[], nodes: Map<string, DrawnRow>): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const list of rels) {
    const r: RelationshipRow = readRelationship(list);
    const source = nodes.get(r.start);
    const target = nodes.get(r.end);
    if (source && target) edges.push({ type: r.type, source, target, props: r.props });
  }
  return edges;
}

/** The neighbourhood of the entity with this key; null when no entity has it. */
export async function walkNeighborhood(
  db: Database,
  key: string,
  depth: number,
  limit: number,
): Promise<Neighborhood | null> {
  // In rows of a few nodes and relationships each, in order (graph.ts).
  const rows = await db.read(neighborhood(key, depth, limit));
  const [first] = rows;
  if (!first) return null;
  const drawn = rows.flatMap((row) => row.nodes.map(readDrawn));
  const nodes = new Map(drawn.map((n) => [n.id, n]));
  return {
    nodes: drawn,
    edges: joinEdges(
      rows.flatMap((row) => row.rels),
      nodes,
    ),
    truncated: first.truncated,
  };
}
