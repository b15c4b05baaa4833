// Open subscriptions, each reading the bus through its own bounded queue. A subscriber that reads
// more slowly than changes arrive fills its queue; it is then dropped (told SUBSCRIBER_TOO_SLOW
// and its stream ends) rather than held in memory or allowed to slow anyone else, and its
// connection is cut if it does not even take that last message. On shutdown every stream ends.
import type { Transport } from '../http/transport.js';
import type { Metrics } from '../observability/metrics.js';
import type { BusItem, EventBus, Notice } from './bus.js';
import type { ArticleChange } from './changes.js';

export type { Transport } from '../http/transport.js';

/** What a subscription's stream yields: a value, a notice about the bus, or its own end for slowness. */
export type Delivery<T> = { value: T } | { notice: Notice } | { dropped: number };

export interface SubscriptionOptions {
  /** Deliveries one subscriber may have waiting before it is dropped. */
  queueSize: number;
  /** How long a dropped subscriber has to take its last message before its connection is cut. */
  killAfterMs: number;
  metrics?: Metrics;
}

export const DEFAULT_SUBSCRIPTION_OPTIONS: SubscriptionOptions = { queueSize: 100, killAfterMs: 10_000 };

/**
 * One subscriber's stream. The queue holds what each bus item made for it (one change of an
 * article may make several claim messages) and is bounded in items: a subscriber is as far
 * behind as the changes it has not taken.
 */
class Stream<T> implements AsyncIterableIterator<Delivery<T>> {
  private readonly queue: Delivery<T>[][] = [];
  private waiting: ((result: IteratorResult<Delivery<T>>) => void) | undefined;
  private finished = false;
  private ending = false;
  private killTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    bus: EventBus,
    private readonly select: (change: ArticleChange) => T[],
    private readonly transport: Transport,
    private readonly options: SubscriptionOptions,
    private readonly onEnd: (stream: Stream<T>) => void,
  ) {
    this.unsubscribe = bus.subscribe((item) => this.receive(item));
  }

  private receive(item: BusItem): void {
    if (this.ending) return;
    if ('notice' in item) this.push([{ notice: item.notice }]);
    else {
      const values = this.select(item.change);
      if (values.length > 0) this.push(values.map((value) => ({ value })));
    }
  }

  private push(batch: Delivery<T>[]): void {
    if (this.ending) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      const [first, ...rest] = batch as [Delivery<T>, ...Delivery<T>[]];
      if (rest.length > 0) this.queue.push(rest);
      waiting({ value: first, done: false });
      return;
    }
    if (this.queue.length < this.options.queueSize) {
      this.queue.push(batch);
      return;
    }
    // Too slow: what is waiting is discarded, and the subscriber gets one last message.
    const lost = this.queue.reduce((n, b) => n + b.length, 0) + batch.length;
    this.options.metrics?.eventsDropped.inc(lost);
    this.options.metrics?.subscribersDropped.inc({ transport: this.transport.name });
    this.queue.length = 0;
    this.queue.push([{ dropped: lost }]);
    this.ending = true;
    this.unsubscribe();
    if (this.transport.kill) {
      const kill = this.transport.kill;
      this.killTimer = setTimeout(() => {
        this.finish();
        kill();
      }, this.options.killAfterMs);
      this.killTimer.unref();
    }
  }

  next(): Promise<IteratorResult<Delivery<T>>> {
    const head = this.queue[0];
    const delivery = head?.shift();
    if (head && head.length === 0) this.queue.shift();
    if (delivery) {
      if ('dropped' in delivery) clearTimeout(this.killTimer);
      return Promise.resolve({ value: delivery, done: false });
    }
    if (this.ending || this.finished) {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<Delivery<T>>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<Delivery<T>>> {
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** Ends the stream: what is queued is still delivered, then it is done. */
  end(): void {
    this.ending = true;
    this.unsubscribe();
    if (this.queue.length === 0) this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.ending = true;
    clearTimeout(this.killTimer);
    this.unsubscribe();
    this.queue.length = 0;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ value: undefined, done: true });
    this.onEnd(this);
  }
}

export class Subscriptions {
  private readonly open = new Set<Stream<unknown>>();
  private closed = false;

  constructor(
    readonly bus: EventBus,
    private readonly options: SubscriptionOptions = DEFAULT_SUBSCRIPTION_OPTIONS,
  ) {}

  /** Subscriptions open now. */
  get active(): number {
    return this.open.size;
  }

  /** A stream of what `select` makes of each change (nothing, one item, or several). */
  stream<T>(
    transport: Transport,
    select: (change: ArticleChange) => T[],
  ): AsyncIterableIterator<Delivery<T>> {
    const metrics = this.options.metrics;
    const stream = new Stream<T>(this.bus, select, transport, this.options, (s) => {
      if (this.open.delete(s as Stream<unknown>)) metrics?.subscriptions.dec({ transport: transport.name });
    });
    if (this.closed) {
      stream.end();
      return stream;
    }
    this.open.add(stream as Stream<unknown>);
    metrics?.subscriptions.inc({ transport: transport.name });
    return stream;
  }

  /** Ends every stream (shutdown): subscribers get what is queued, then their stream completes. */
  endAll(): void {
    this.closed = true;
    for (const stream of [...this.open]) stream.end();
  }
}
