// The neighbourhood of an entity, breadth first: each level one statement for the nodes one
// relationship away from the last, cut at a size limit, then one statement for every
// relationship among the nodes kept, so a drawing shows every line between what it shows.
import { neighbours, type RelationshipRow, relationshipsAmong } from '../db/queries/graph.js';
import type { GraphRow } from '../db/queries/rows.js';
import { withoutInvolvementKeys } from '../db/queries/statements.js';
import type { Database } from '../db/run.js';

/** A relationship between two drawn nodes, as stored (from start to end). */
export interface GraphEdge {
  id: string;
  type: RelationshipRow['type'];
  source: GraphRow;
  target: GraphRow;
  props: RelationshipRow['props'];
}

export interface Neighborhood {
  /** The centre first, then by level. */
  nodes: GraphRow[];
  edges: GraphEdge[];
  /** Whether the size limit cut the walk short. */
  truncated: boolean;
}

/** Joins relationships to the nodes they connect; those whose ends are not among them are left out. */
export function joinEdges(rels: RelationshipRow[], nodes: Map<string, GraphRow>): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const r of rels) {
    const source = nodes.get(r.start);
    const target = nodes.get(r.end);
    if (source && target)
      edges.push({ id: r.id, type: r.type, source, target, props: withoutInvolvementKeys(r.props) });
  }
  return edges;
}

export async function walkNeighborhood(
  db: Database,
  center: GraphRow,
  depth: number,
  limit: number,
): Promise<Neighborhood> {
  const nodes = new Map<string, GraphRow>([[center.id, center]]);
  let frontier = [center.id];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    // Ask for one more than still fits, to know whether anything was left out.
    const room = limit - nodes.size;
    const found = await db.read(neighbours(frontier, [...nodes.keys()], room + 1));
    truncated = found.length > room;
    frontier = found.slice(0, room).map(({ node }) => {
      nodes.set(node.id, node);
      return node.id;
    });
  }
  const rels = await db.read(relationshipsAmong([...nodes.keys()]));
  return { nodes: [...nodes.values()], edges: joinEdges(rels, nodes), truncated };
}
