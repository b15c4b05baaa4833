// Per-request context: the database (counting statements for this request) and the loaders that
// batch every lookup of one level of a query into one statement.
import { createHash, timingSafeEqual } from 'node:crypto';
import DataLoader from 'dataloader';
import type { NodeRow, Plain } from './db/mappers.js';
import { EDGES, type EdgeName, edgesOf, type NodeLabel, nodesById } from './db/queries/nodes.js';
import type { Database, QueryStats } from './db/run.js';

export type { NodeRow };

export interface EdgeRow {
  node: NodeRow;
  rel: Record<string, Plain>;
  type: string | null;
}

export class Loaders {
  private readonly nodeLoaders = new Map<NodeLabel, DataLoader<string, NodeRow | null>>();
  private readonly edgeLoaders = new Map<EdgeName, DataLoader<string, EdgeRow[]>>();

  constructor(private readonly db: Database) {}

  node(label: NodeLabel): DataLoader<string, NodeRow | null> {
    let loader = this.nodeLoaders.get(label);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.read(nodesById(label, ids));
        const byId = new Map(rows.map((r) => [(r.node as NodeRow).id, r.node as NodeRow]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.nodeLoaders.set(label, loader);
    }
    return loader;
  }

  edges(name: EdgeName): DataLoader<string, EdgeRow[]> {
    let loader = this.edgeLoaders.get(name);
    if (!loader) {
      const target = EDGES[name].to;
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.read(edgesOf(name, ids));
        const byParent = new Map<string, EdgeRow[]>(ids.map((id) => [id, []]));
        for (const r of rows) {
          const node = r.node as NodeRow;
          // What one level loads, the next level finds in the cache instead of asking again.
          this.node(target).prime(node.id, node);
          byParent
            .get(r.parent as string)
            ?.push({ node, rel: (r.rel ?? {}) as Record<string, Plain>, type: r.type as string | null });
        }
        return ids.map((id) => byParent.get(id) ?? []);
      });
      this.edgeLoaders.set(name, loader);
    }
    return loader;
  }
}

export interface Context {
  db: Database;
  stats: QueryStats;
  loaders: Loaders;
  /** Whether the server accepts ingestion at all (INGEST_TOKEN is set). */
  ingestEnabled: boolean;
  /** Whether this request carries the ingest token. */
  canIngest: boolean;
}

/** Compares in constant time, so response timing does not reveal how much of a token was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createContext(
  db: Database,
  options: { ingestToken?: string; authorization?: string | null } = {},
): Context {
  const stats: QueryStats = { statements: 0 };
  const counted = db.counting(stats);
  const token = options.ingestToken;
  return {
    db: counted,
    stats,
    loaders: new Loaders(counted),
    ingestEnabled: Boolean(token),
    canIngest: Boolean(token) && sameSecret(options.authorization ?? '', `Bearer ${token}`),
  };
}
