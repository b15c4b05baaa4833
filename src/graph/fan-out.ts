// The fan-out statistics of the graph, held for the query cost model: for each relationship the
// API follows (and each list kept in a relationship's property), how many items its parents hold.
// Loaded at start, reloaded after the data changes (one reload at a time, one more queued behind
// it), and left empty while Neo4j cannot give them.
import { FAN_OUT_NAMES, type FanOutName, type FanOutRow, fanOut } from '../db/queries/fan-out.js';
import type { Database } from '../db/run.js';

/** Items per parent of one list: the typical parent (95th percentile) and the largest. */
export interface FanOut {
  p95: number;
  max: number;
}

/** A failed load is retried by the next request that asks, once this long has passed. */
const RETRY_MS = 5_000;
/**
 * Loads begin at least this far apart. One load reads every relationship the API follows once:
 * 0.4 to 1.8 s on a graph of 22,000 nodes and 66,000 relationships (300 generated articles).
 */
const MIN_INTERVAL_MS = 10_000;
/**
 * And at least this many times as far apart as the last load took: a load's cost grows with the
 * graph (every relationship the API follows is read), its share of Neo4j's time does not.
 */
const LOAD_SHARE = 20;

export class FanOutStatistics {
  private stats: ReadonlyMap<FanOutName, FanOut> | undefined;
  private loading: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private failedAt = 0;
  private startedAt = Number.NEGATIVE_INFINITY;
  /** How long the last completed load took. */
  private lastLoadMs = 0;
  /** Loads completed (for tests and logs). */
  loads = 0;

  constructor(
    private readonly db: Database,
    private readonly minIntervalMs = MIN_INTERVAL_MS,
  ) {}

  /**
   * The fan-out of a list; undefined without statistics (not loaded, Neo4j down) or when no
   * parent holds any item of it yet (an empty graph): the cost model then assumes full pages.
   */
  of(name: FanOutName): FanOut | undefined {
    if (!this.stats && !this.loading && Date.now() - this.failedAt > RETRY_MS) void this.refresh();
    return this.stats?.get(name);
  }

  /** Whether statistics are held. */
  get loaded(): boolean {
    return this.stats !== undefined;
  }

  /**
   * Reloads now or, while a load is under way (it may have read the graph before the change), once
   * more after it: one reload shared by everyone who asks meanwhile, and loads begun at least
   * `minIntervalMs` apart and LOAD_SHARE times as far apart as the last one took, so that a stream
   * of ingestions reads the statistics a few times, not once per article, and a large graph is not
   * read over and over.
   */
  refresh(): Promise<void> {
    if (this.next) return this.next;
    if (!this.loading && Date.now() - this.startedAt >= this.gapMs()) return this.start();
    this.next = (async () => {
      await this.loading;
      const wait = this.startedAt + this.gapMs() - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref());
      this.next = undefined;
      await this.start();
    })();
    return this.next;
  }

  private gapMs(): number {
    return Math.max(this.minIntervalMs, LOAD_SHARE * this.lastLoadMs);
  }

  private start(): Promise<void> {
    const started = Date.now();
    this.startedAt = started;
    this.loading = this.load().finally(() => {
      this.lastLoadMs = Date.now() - started;
      this.loading = undefined;
    });
    return this.loading;
  }

  /**
   * Reloads every `ms` as well, for writes the event bus does not tell of (the ingest command of a
   * process without Redis); returns the function that stops it.
   */
  refreshEvery(ms: number): () => void {
    const timer = setInterval(() => void this.refresh(), ms);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Waits for the load under way, at most `ms`: the first requests are priced on statistics. */
  async settled(ms: number): Promise<void> {
    if (!this.loading) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([this.loading, late]);
    clearTimeout(timer);
  }

  private async load(): Promise<void> {
    try {
      const rows = await this.db.readTx(async (tx) => {
        const found: [FanOutName, FanOutRow | undefined][] = [];
        for (const name of FAN_OUT_NAMES) found.push([name, (await tx.run(fanOut(name)))[0]]);
        return found;
      });
      const stats = new Map<FanOutName, FanOut>();
      for (const [name, row] of rows) {
        if (row && row.parents > 0 && row.max !== null) {
          stats.set(name, { p95: row.p95 ?? row.max, max: row.max });
        }
      }
      this.stats = stats;
      this.loads += 1;
    } catch {
      // Neo4j cannot answer: keep what was loaded before, or price on page sizes until it can.
      this.failedAt = Date.now();
    }
  }
}
