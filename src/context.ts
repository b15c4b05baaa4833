// Per-request context: the database (counting statements for this request) and the loaders that
// batch every lookup of one level of a query into one statement.
import { createHash, timingSafeEqual } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EdgeName } from './db/queries/edges.js';
import { edgeFacetCounts, type FacetCount } from './db/queries/facets.js';
import type { FacetKey } from './db/queries/lists.js';
import { articleTexts, entitiesNamedWithin, type NamedSpan, nodesById } from './db/queries/nodes.js';
import { compareKeys } from './db/queries/order.js';
import { type EdgeFilter, type EdgeItem, edgePages, edgeSpec, type PageRequest } from './db/queries/pages.js';
import type { AnyRow, NodeLabel, RowOf } from './db/queries/rows.js';
import type { Causality, Database, QueryStats } from './db/run.js';
import { EventBus } from './events/bus.js';
import { Subscriptions, type Transport } from './events/subscriptions.js';

/** A page of one parent's relationship, in order, trimmed to the window. */
export interface EdgePage<E extends EdgeName> {
  items: EdgeItem<E>[];
  /** Whether more items lie beyond the page in the direction it was read. */
  more: boolean;
  /** How many items pass the filter in all, when the request asked for it. */
  total: number | null;
}

/** Puts a page in order (the database collects it, not always in order) and trims the extra item. */
export function settle<T extends { keys: unknown[] }>(items: T[], request: PageRequest) {
  const sorted = [...items].sort((a, b) => compareKeys(request.order, a.keys, b.keys));
  if (request.window.backward) sorted.reverse();
  const more = sorted.length > request.window.limit;
  const page = sorted.slice(0, request.window.limit);
  if (request.window.backward) page.reverse();
  return { items: page, more };
}

export class Loaders {
  private readonly nodeLoaders = new Map<NodeLabel, DataLoader<string, AnyRow | null>>();
  private readonly pageLoaders = new Map<string, DataLoader<string, EdgePage<EdgeName>>>();
  private readonly facetLoaders = new Map<string, DataLoader<string, FacetCount[]>>();
  readonly articleText: DataLoader<string, string | null>;
  /** The entities named within a span of an article (a photo credit, a link's title), per span. */
  readonly namedWithin: DataLoader<NamedSpan, RowOf['Entity'][], string>;

  constructor(private readonly db: Database) {
    this.articleText = new DataLoader(async (ids) => {
      const texts = new Map((await db.read(articleTexts(ids))).map((r) => [r.id, r.text]));
      return ids.map((id) => texts.get(id) ?? null);
    });
    this.namedWithin = new DataLoader(
      async (spans) => {
        const found = new Map(
          (await db.read(entitiesNamedWithin(spans))).map((r) => [Number(r.at), r.nodes]),
        );
        return spans.map((_, at) => found.get(at) ?? []);
      },
      { cacheKeyFn: (span) => JSON.stringify([span.articleId, span.start, span.end, span.types]) },
    );
  }

  node<L extends NodeLabel>(label: L): DataLoader<string, RowOf[L] | null> {
    let loader = this.nodeLoaders.get(label);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.read(nodesById(label, ids));
        const byId = new Map(rows.map((r) => [r.node.id, r.node]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.nodeLoaders.set(label, loader);
    }
    // The map holds one loader per label, created above for exactly this label.
    return loader as unknown as DataLoader<string, RowOf[L] | null>;
  }

  /** One page of `edge` per parent; parents asking the same page of the same edge share a statement. */
  page<E extends EdgeName>(edge: E, request: PageRequest): DataLoader<string, EdgePage<E>> {
    const key = `${edge} ${JSON.stringify(request)}`;
    let loader = this.pageLoaders.get(key);
    if (!loader) {
      const target = edgeSpec(edge).to;
      const load = async (ids: readonly string[]): Promise<EdgePage<E>[]> => {
        const rows = await this.db.read(edgePages(edge, ids, request));
        const byParent = new Map(rows.map((r) => [r.parent, r]));
        return ids.map((id) => {
          const row = byParent.get(id);
          const { items, more } = settle(row?.items ?? [], request);
          // What one level loads, the next level finds in the cache instead of asking again.
          for (const item of items) this.node(target).prime(item.node.id, item.node);
          return { items, more, total: row ? (row.total ?? null) : request.total ? 0 : null };
        });
      };
      loader = new DataLoader(load) as unknown as DataLoader<string, EdgePage<EdgeName>>;
      this.pageLoaders.set(key, loader);
    }
    // Keyed by the edge's name above, so the loader's pages are of this edge.
    return loader as unknown as DataLoader<string, EdgePage<E>>;
  }

  /** The facet `key` of `edge`'s list per parent; parents asking the same facet share a statement. */
  facets(edge: EdgeName, filter: EdgeFilter, key: FacetKey): DataLoader<string, FacetCount[]> {
    const name = `${edge} ${key} ${JSON.stringify(filter)}`;
    let loader = this.facetLoaders.get(name);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.db.read(edgeFacetCounts(edge, ids, filter, key));
        const byParent = new Map(rows.map((r) => [r.parent, r.counts]));
        return ids.map((id) =>
          (byParent.get(id) ?? [])
            .map((c) => ({ value: c.value, count: Number(c.count) }))
            .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
        );
      });
      this.facetLoaders.set(name, loader);
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
  /** Whether root fields read the pages below them in their own statement (compile.ts). */
  compile: boolean;
  /**
   * The requests of the pages this request's compiled statements read, by the number each page
   * carries back (compile.ts): a number travels in every row, where the request would be text.
   */
  signatures: string[];
  /** The event bus (ingestion publishes on it) and the open subscriptions reading it. */
  subscriptions: Subscriptions;
  /** How this request reached the server, for subscriptions: SSE or WebSocket. */
  transport: Transport;
  /** Bookmarks this request's reads wait for, and those its writes leave (Neo4j-Bookmark). */
  causality: Causality;
}

/** Compares in constant time, so response timing does not reveal how much of a token was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createContext(
  db: Database,
  options: {
    ingestToken?: string;
    authorization?: string | null;
    compile?: boolean;
    subscriptions?: Subscriptions;
    transport?: Transport;
    bookmarks?: string[];
  } = {},
): Context {
  const stats: QueryStats = { statements: 0 };
  const causality: Causality = { after: options.bookmarks ?? [], written: [] };
  const counted = db.counting(stats, causality);
  const token = options.ingestToken;
  return {
    db: counted,
    stats,
    loaders: new Loaders(counted),
    ingestEnabled: Boolean(token),
    canIngest: Boolean(token) && sameSecret(options.authorization ?? '', `Bearer ${token}`),
    compile: options.compile ?? true,
    signatures: [],
    subscriptions: options.subscriptions ?? new Subscriptions(new EventBus()),
    transport: options.transport ?? { name: 'sse' },
    causality,
  };
}
