// The only module that opens sessions. Reads and writes are managed transactions (retried by the
// driver on transient errors, so transaction functions must be idempotent), always on the
// configured database, always with a timeout, sessions always closed. A failure because Neo4j
// cannot serve becomes DATABASE_UNAVAILABLE (failures.ts).
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { mapDriverError } from './failures.js';
import { type NodeRow, type Plain, toPlain } from './mappers.js';

export interface CypherQuery {
  cypher: string;
  params?: Record<string, unknown>;
}

export type Row = Record<string, Plain>;

export interface QueryStats {
  /** Cypher statements sent to Neo4j, for round-trip accounting. */
  statements: number;
}

export interface Updates {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export interface Tx {
  run(query: CypherQuery): Promise<Row[]>;
  /** What this transaction attempt has changed so far. */
  readonly updates: Updates;
}

export class Database {
  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly txTimeoutMs: number,
    private readonly stats?: QueryStats,
  ) {}

  /** The same database, counting statements into `stats` (one per request). */
  counting(stats: QueryStats): Database {
    return new Database(this.driver, this.name, this.txTimeoutMs, stats);
  }

  read(query: CypherQuery): Promise<Row[]> {
    return this.transaction('READ', (tx) => tx.run(query));
  }

  /** Reads a query that returns one projected node per row, as `node`. */
  async readNodes(query: CypherQuery): Promise<NodeRow[]> {
    return (await this.read(query)).map((r) => r.node as NodeRow);
  }

  async readCount(query: CypherQuery): Promise<number> {
    return Number((await this.read(query))[0]?.total ?? 0);
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
    const session = this.driver.session({ database: this.name, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    const answer = session.run('RETURN 1', {}, { timeout: timeoutMs }).then(
      () => true,
      () => false,
    );
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const up = await Promise.race([answer, late]);
    clearTimeout(timer);
    // Not awaited: closing waits for the statement, which a stalled Neo4j never finishes.
    void answer.finally(() => session.close().catch(() => undefined));
    return up;
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: mode });
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
        run: async ({ cypher, params }) => {
          if (this.stats) this.stats.statements += 1;
          const result = await tx.run(cypher, params ?? {});
          const counted = result.summary.counters.updates() as unknown as Record<keyof Updates, number>;
          for (const key of Object.keys(updates) as (keyof Updates)[]) updates[key] += counted[key] ?? 0;
          return result.records.map((r) => toPlain(r.toObject()) as Row);
        },
      };
    };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx)), config)
        : await session.executeWrite((tx) => work(wrap(tx)), config);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}
