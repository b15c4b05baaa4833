// Whether Neo4j can serve right now, kept by a probe that runs every second. While it cannot,
// requests fail at once with DATABASE_UNAVAILABLE instead of waiting on connection timeouts, and
// requests already waiting on a Neo4j that stopped answering are released the moment it is found
// down. A request that sees Neo4j fail asks for a check at once, so a crash is noticed in
// milliseconds, a stall within one probe timeout. A probe that times out while requests still get
// answers has met a busy Neo4j, not a stalled one: that is not an outage.
import { databaseUnavailable, isDatabaseUnavailable } from '../errors.js';

/** What a probe found: Neo4j answered, failed (a connection refused or broken), or did not answer in time. */
export type ProbeResult = 'up' | 'down' | 'late';

export interface AvailabilityOptions {
  /** Asks Neo4j whether it serves, within its own timeout; never throws. */
  probe: () => Promise<ProbeResult>;
  /** Probe interval while Neo4j serves (ms). */
  upIntervalMs?: number;
  /** Probe interval while it does not: how soon a recovery is noticed (ms). */
  downIntervalMs?: number;
}

export type AvailabilityListener = (up: boolean, downForMs: number) => void;

export class Availability {
  private up = true;
  private downSince = 0;
  private running: Promise<boolean> | undefined;
  /** When a request last got its result from Neo4j (Date.now()). */
  private answeredAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private readonly waiting = new Set<(error: unknown) => void>();
  private readonly listeners = new Set<AvailabilityListener>();

  constructor(private readonly options: AvailabilityOptions) {}

  get isUp(): boolean {
    return this.up;
  }

  /** Starts probing; until then Neo4j counts as up. */
  start(): void {
    this.started = true;
    this.schedule();
  }

  stop(): void {
    this.started = false;
    clearTimeout(this.timer);
  }

  onChange(listener: AvailabilityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Probes now (one probe at a time); resolves to whether Neo4j serves. */
  check(): Promise<boolean> {
    if (this.running) return this.running;
    const since = Date.now();
    this.running = this.options
      .probe()
      .catch(() => 'down' as const)
      // Late, but requests were answered meanwhile: Neo4j is busy, not stalled.
      .then((found) => found === 'up' || (found === 'late' && this.answeredAt >= since))
      .then((up) => {
        this.running = undefined;
        this.set(up);
        return up;
      });
    return this.running;
  }

  /** A request saw Neo4j fail: find out now rather than at the next tick. */
  suspect(): void {
    if (this.started) void this.check();
  }

  /**
   * Runs `work` unless Neo4j is known to be down, and stops waiting for it as soon as Neo4j is
   * found down (the work itself finishes, or fails, in the background).
   */
  guard<T>(work: () => Promise<T>): Promise<T> {
    if (!this.up) return Promise.reject(databaseUnavailable());
    return new Promise<T>((resolve, reject) => {
      const release = (error: unknown) => reject(error);
      this.waiting.add(release);
      work().then(
        (value) => {
          this.answeredAt = Date.now();
          this.waiting.delete(release);
          resolve(value);
        },
        (error) => {
          this.waiting.delete(release);
          reject(error);
        },
      );
    });
  }

  private set(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    const now = Date.now();
    const downForMs = up ? now - this.downSince : 0;
    if (!up) {
      this.downSince = now;
      const released = [...this.waiting];
      this.waiting.clear();
      for (const release of released) release(databaseUnavailable());
    }
    for (const listener of this.listeners) listener(up, downForMs);
    // The interval depends on the state: re-plan the next probe.
    if (this.started) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const interval = this.up ? (this.options.upIntervalMs ?? 1_000) : (this.options.downIntervalMs ?? 250);
    this.timer = setTimeout(async () => {
      await this.check();
      if (this.started) this.schedule();
    }, interval);
    this.timer.unref();
  }
}

/** What watches one process's database: its availability, and how start-up work retries. */
export interface DatabaseGuard {
  availability?: Availability;
  /** Keep retrying work that failed with DATABASE_UNAVAILABLE for this long (start-up work). */
  retryUnavailableMs?: number;
  /** Sessions open now, for the metrics. */
  sessions?: { opened(): void; closed(): void };
}

/** Runs one transaction attempt under the guard's rules. */
export async function guarded<T>(guard: DatabaseGuard | undefined, attempt: () => Promise<T>): Promise<T> {
  const once = async () => {
    guard?.sessions?.opened();
    try {
      return await (guard?.availability ? guard.availability.guard(attempt) : attempt());
    } catch (error) {
      if (isDatabaseUnavailable(error)) guard?.availability?.suspect();
      throw error;
    } finally {
      guard?.sessions?.closed();
    }
  };
  const budget = guard?.retryUnavailableMs ?? 0;
  const until = Date.now() + budget;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return await once();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + delay > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
