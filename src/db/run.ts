// The only module that opens sessions. Writes and multi-statement reads are managed transactions
// (retried by the driver on transient errors, so transaction functions must be idempotent); a
// single-statement read is one auto-commit statement, retried here on the same schedule. Always on
// the configured database, always with a timeout, sessions always closed. A failure because Neo4j
// cannot serve becomes DATABASE_UNAVAILABLE (failures.ts).
import { type Driver, isRetryableError, type ManagedTransaction, type ResultSummary } from 'neo4j-driver';
import { traceStatement } from '../observability/tracing.js';
import { type DatabaseGuard, guarded, type ProbeResult } from './availability.js';
import { retryTimeOf } from './driver.js';
import { isTimedOut, mapDriverError } from './failures.js';
import { type Plain, toPlain } from './mappers.js';

export type Row = Record<string, Plain>;

/**
 * A statement and its parameters. `R` is the shape of one result row, declared by the builder
 * beside the RETURN clause that makes it; reading the query yields rows of that shape.
 */
export interface CypherQuery<R = Row> {
  cypher: string;
  params?: Record<string, unknown>;
  /** Phantom: never set; carries the row type from the builder to the reader. */
  readonly __row?: R;
}

/** The driver's own schedule for retrying a managed transaction (its initial delay and jitter). */
const RETRY_DELAY_MS = 1_000;
const RETRY_JITTER = 0.2;

export interface QueryStats {
  /** Cypher statements sent to Neo4j, for round-trip accounting. */
  statements: number;
  /**
   * Told of each statement once its rows are in: its text, the milliseconds from sending it to
   * having its rows here, and those Neo4j reports spending on it (until its first row, then to its
   * last). For measuring where a workload's time goes (bench:ingest --statements).
   */
  timed?: (cypher: string, ms: number, neo4jMs: number) => void;
}

/** Neo4j's own milliseconds for a statement, from its result summary. */
const neo4jMs = (summary: ResultSummary) =>
  Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter);

export interface Updates {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export interface Tx {
  run<R>(query: CypherQuery<R>): Promise<R[]>;
  /** What this transaction attempt has changed so far. */
  readonly updates: Updates;
}

/**
 * Causal consistency across instances and cluster members: transactions wait until the server has
 * applied the transactions of `after` (bookmarks a client got from a write), and a write leaves
 * its own bookmarks in `written` for the client to pass on.
 */
export interface Causality {
  after: string[];
  written: string[];
}

export class Database {
  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly txTimeoutMs: number,
    private readonly stats?: QueryStats,
    private readonly guard?: DatabaseGuard,
    private readonly causality?: Causality,
  ) {}

  /** The same database, counting statements into `stats` (one per request), with its bookmarks. */
  counting(stats: QueryStats, causality?: Causality): Database {
    return new Database(this.driver, this.name, this.txTimeoutMs, stats, this.guard, causality);
  }

  /** The same database, its transactions waiting for these bookmarks too. */
  after(bookmarks: readonly string[]): Database {
    if (bookmarks.length === 0) return this;
    const causality = {
      after: [...new Set([...(this.causality?.after ?? []), ...bookmarks])],
      written: this.causality?.written ?? [],
    };
    return new Database(this.driver, this.name, this.txTimeoutMs, this.stats, this.guard, causality);
  }

  /** The same database watched by `guard` (availability, metrics), for the service. */
  guarded(guard: DatabaseGuard): Database {
    return new Database(this.driver, this.name, this.txTimeoutMs, this.stats, guard, this.causality);
  }

  /**
   * The same database for start-up work (migrations, the seed): its own, longer transaction
   * timeout, and waiting out a Neo4j that is briefly unavailable instead of failing at once.
   */
  forStartup(txTimeoutMs: number, retryUnavailableMs = 60_000): Database {
    return new Database(this.driver, this.name, txTimeoutMs, this.stats, { retryUnavailableMs });
  }

  /** Whether Neo4j serves now, as the availability probe last found it (undefined: not watched). */
  get available(): boolean | undefined {
    return this.guard?.availability?.isUp;
  }

  /**
   * One statement in an auto-commit transaction: a managed one would cost three messages to Neo4j,
   * each its own write to the socket (BEGIN, RUN with PULL, COMMIT), where this costs one.
   */
  read<R>(query: CypherQuery<R>): Promise<R[]> {
    return guarded(this.guard, () =>
      this.retried(() => this.readOnce(query)).catch((error: unknown) => {
        throw mapDriverError(error);
      }),
    );
  }

  readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  /**
   * Whether Neo4j answers now. A readiness probe must answer fast, so this is the one call that
   * does not go through a managed transaction, whose retries would delay the answer.
   */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    return (await this.probe(timeoutMs)) === 'up';
  }

  /**
   * Like ping, but says why Neo4j did not answer: 'down' when the statement failed (a refused or
   * broken connection), 'late' when no answer came within timeoutMs or Neo4j itself ended the
   * statement at that timeout (a stall, or a very busy Neo4j).
   */
  async probe(timeoutMs = 2_000): Promise<ProbeResult> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    const answer = session.run('RETURN 1', {}, { timeout: timeoutMs }).then(
      () => 'up' as const,
      (error: unknown) => (isTimedOut(error) ? ('late' as const) : ('down' as const)),
    );
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const result = await Promise.race([answer, late]);
    clearTimeout(timer);
    // Not awaited: closing waits for the statement, which a stalled Neo4j never finishes.
    void answer.finally(() => session.close().catch(() => undefined));
    return result;
  }

  /**
   * Neo4j's latest bookmark: it names the last transaction committed to the database, so it
   * changes with every write, by any client (src/http/response-cache.ts versions answers by it).
   */
  async latestBookmark(timeoutMs = 2_000): Promise<string> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    const read = session
      .run('RETURN 1', {}, { timeout: timeoutMs })
      .then(() => session.lastBookmarks().join(','));
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no bookmark within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([read, late]);
    } finally {
      clearTimeout(timer);
      // Not awaited: a stalled Neo4j never finishes the statement that closing waits for.
      void read.catch(() => undefined).finally(() => session.close().catch(() => undefined));
    }
  }

  /**
   * Retries a read that failed on a transient error (a lost connection, a leader switch) the way
   * the driver retries managed transactions: after about a second, doubling, within its budget.
   */
  private async retried<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let delay = RETRY_DELAY_MS; ; delay *= 2) {
      try {
        return await work();
      } catch (error) {
        if (!isRetryableError(error) || Date.now() - started > retryTimeOf(this.driver)) throw error;
        const jitter = delay * RETRY_JITTER * (2 * Math.random() - 1);
        await new Promise((resolve) => setTimeout(resolve, delay + jitter));
      }
    }
  }

  private async readOnce<R>({ cypher, params }: CypherQuery<R>): Promise<R[]> {
    const session = this.session('READ');
    try {
      if (this.stats) this.stats.statements += 1;
      const sent = performance.now();
      const result = await traceStatement('READ', cypher, async () =>
        session.run(cypher, params ?? {}, { timeout: this.txTimeoutMs }),
      );
      this.stats?.timed?.(cypher, performance.now() - sent, neo4jMs(result.summary));
      // As in a transaction's run below: the builder of each query states the shape of its rows.
      return result.records.map((r) => toPlain(r.toObject()) as R);
    } finally {
      await session.close();
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.name,
      defaultAccessMode: mode,
      ...(this.causality?.after.length ? { bookmarks: this.causality.after } : {}),
    });
  }

  private transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    return guarded(this.guard, () => this.attempt(mode, work));
  }

  private async attempt<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    const config = { timeout: this.txTimeoutMs };
    // Called once per attempt: a retried transaction starts its counts again.
    const wrap = (tx: ManagedTransaction): Tx => {
      const updates: Updates = {
        nodesCreated: 0,
        nodesDeleted: 0,
        relationshipsCreated: 0,
        relationshipsDeleted: 0,
        propertiesSet: 0,
      };
      return {
        updates,
        run: async <R>({ cypher, params }: CypherQuery<R>): Promise<R[]> => {
          if (this.stats) this.stats.statements += 1;
          const sent = performance.now();
          const result = await traceStatement(mode, cypher, () => tx.run(cypher, params ?? {}));
          this.stats?.timed?.(cypher, performance.now() - sent, neo4jMs(result.summary));
          // The driver types the counters as a bag of numbers keyed by string; these are its names.
          const counted = result.summary.counters.updates() as unknown as Record<keyof Updates, number>;
          // Object.keys loses the key type; `updates` holds exactly the keys of Updates.
          for (const key of Object.keys(updates) as (keyof Updates)[]) updates[key] += counted[key] ?? 0;
          // The one place rows take their declared shape: the builder of each query states what its
          // RETURN clause projects (CypherQuery<R>); the values are plain data after toPlain.
          return result.records.map((r) => toPlain(r.toObject()) as R);
        },
      };
    };
    try {
      if (mode === 'READ') return await session.executeRead((tx) => work(wrap(tx)), config);
      const result = await session.executeWrite((tx) => work(wrap(tx)), config);
      if (this.causality) this.causality.written = await session.lastBookmarks();
      return result;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}
