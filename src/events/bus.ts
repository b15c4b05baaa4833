// The event bus: article changes go to this process's subscribers at once and, with Redis, to
// every other instance through one pub/sub channel. Without REDIS_URL it is this process alone.
// Redis going away never blocks a write: the change still reaches local subscribers, the others
// miss it, and everyone is told (a notice to subscribers, a "data changed" to caches) when
// Redis is back.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ArticleChange } from './changes.js';

export type NoticeCode = 'EVENTS_INTERRUPTED' | 'EVENTS_RESUMED';

export interface Notice {
  code: NoticeCode;
  message: string;
}

/** What a subscriber of the bus receives: a change, or a notice about the bus itself. */
export type BusItem = { change: ArticleChange } | { notice: Notice };

/**
 * Told to caches: the articles whose data changed (`all` when changes may have been missed and
 * everything cached should go), and whether the change was made here or on another instance.
 */
export interface DataChanged {
  articleKeys: string[];
  all: boolean;
  origin: 'local' | 'remote';
}

export interface BusLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface BusHooks {
  /** A change was published here (counted by topic in the metrics). */
  published?: (change: ArticleChange) => void;
  /** Redis became reachable (true) or unreachable (false). */
  redisState?: (up: boolean) => void;
}

export class EventBus {
  private readonly listeners = new Set<(item: BusItem) => void>();
  private readonly dataListeners = new Set<(change: DataChanged) => void>();

  constructor(protected readonly hooks: BusHooks = {}) {}

  /** Whether Redis is reachable; undefined without Redis. */
  get redisUp(): boolean | undefined {
    return undefined;
  }

  /** Sends a change to every subscriber here and, with Redis, on every other instance. */
  async publish(change: ArticleChange): Promise<void> {
    this.hooks.published?.(change);
    this.deliver({ change }, 'local');
  }

  /** Receives every change and notice from now on; returns the function that stops it. */
  subscribe(listener: (item: BusItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * For caches: called after every change to the data, made here or elsewhere, and with
   * `all: true` when changes may have been missed (Redis was away). Returns the function that
   * stops it.
   */
  onDataChanged(listener: (change: DataChanged) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.dataListeners.clear();
  }

  protected deliver(item: BusItem, origin: 'local' | 'remote'): void {
    if ('change' in item) {
      this.dataChanged({ articleKeys: [item.change.articleKey], all: false, origin });
    }
    for (const listener of this.listeners) listener(item);
  }

  protected dataChanged(change: DataChanged): void {
    for (const listener of this.dataListeners) listener(change);
  }
}

interface Envelope {
  origin: string;
  change: ArticleChange;
}

const isChange = (v: unknown): v is ArticleChange =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ArticleChange).articleKey === 'string' &&
  typeof (v as ArticleChange).action === 'string' &&
  Array.isArray((v as ArticleChange).statements);

/** The bus shared through Redis: one channel, named `<prefix>:changes`. */
export class RedisEventBus extends EventBus {
  private readonly origin = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  readonly channel: string;
  private up = false;
  private downSince: number | undefined;
  private closing = false;

  constructor(
    url: string,
    prefix: string,
    private readonly log: BusLog,
    hooks: BusHooks = {},
  ) {
    super(hooks);
    this.channel = `${prefix}:changes`;
    const options = {
      // Reconnect for ever, at most 2 s apart: Redis coming back must be found without a restart.
      retryStrategy: (times: number) => Math.min(100 * times, 2_000),
      // A publish while Redis is away fails at once instead of waiting in a queue: the write it
      // follows is done, and local subscribers already have the change.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5_000,
      lazyConnect: true,
    };
    this.pub = new Redis(url, options);
    // The subscriber connection subscribes again by itself after each reconnect.
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const conn of [this.pub, this.sub]) {
      conn.on('ready', () => this.check());
      conn.on('close', () => this.check());
      conn.on('end', () => this.check());
      // ioredis reports every failed attempt; the state change is what gets logged.
      conn.on('error', () => this.check());
    }
    this.sub.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.receive(text);
    });
  }

  /** Connects both connections; resolves either way, Redis may come later. */
  async start(): Promise<void> {
    await Promise.all([this.pub.connect().catch(() => undefined), this.sub.connect().catch(() => undefined)]);
    await this.sub.subscribe(this.channel).catch(() => undefined);
    this.check();
    if (!this.up) {
      this.downSince = Date.now();
      this.log.warn(`Redis at ${this.pubUrl()} does not answer; events stay on this instance until it does`);
    }
  }

  override get redisUp(): boolean {
    return this.up;
  }

  override async publish(change: ArticleChange): Promise<void> {
    await super.publish(change);
    const envelope: Envelope = { origin: this.origin, change };
    try {
      await this.pub.publish(this.channel, JSON.stringify(envelope));
    } catch {
      this.check();
      this.log.warn(
        `Redis unreachable: the change to article ${change.articleKey} reached this instance only`,
      );
    }
  }

  override async close(): Promise<void> {
    this.closing = true;
    await super.close();
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private pubUrl(): string {
    const o = this.pub.options;
    return `redis://${o.host}:${o.port}`;
  }

  private receive(text: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return;
    }
    if (envelope.origin === this.origin || !isChange(envelope.change)) return;
    this.deliver({ change: envelope.change }, 'remote');
  }

  private check(): void {
    if (this.closing) return;
    const up = this.pub.status === 'ready' && this.sub.status === 'ready';
    if (up === this.up) return;
    this.up = up;
    this.hooks.redisState?.(up);
    if (!up) {
      this.downSince = Date.now();
      this.log.warn(
        'Redis went away: events from other instances are missed and changes made here reach only this instance until it is back',
      );
      this.deliver(
        {
          notice: {
            code: 'EVENTS_INTERRUPTED',
            message:
              'the event bus lost Redis: changes made on other instances are not delivered until it is back',
          },
        },
        'local',
      );
      return;
    }
    const since = this.downSince;
    this.downSince = undefined;
    if (since === undefined) {
      this.log.info(`event bus on Redis at ${this.pubUrl()}, channel ${this.channel}`);
      return;
    }
    const seconds = ((Date.now() - since) / 1000).toFixed(1);
    this.log.info(`Redis is back after ${seconds} s; events flow between instances again`);
    // Whatever changed elsewhere meanwhile was missed: caches start over, subscribers are told.
    this.dataChanged({ articleKeys: [], all: true, origin: 'remote' });
    this.deliver(
      {
        notice: {
          code: 'EVENTS_RESUMED',
          message: `the event bus reaches Redis again after ${seconds} s; changes made on other instances meanwhile were not delivered: query to catch up`,
        },
      },
      'local',
    );
  }
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

/** The bus the configuration asks for: Redis when `url` is set, else this process alone. */
export async function createEventBus(
  options: { url?: string; prefix: string; log: BusLog },
  hooks: BusHooks = {},
): Promise<EventBus> {
  if (!options.url) return new EventBus(hooks);
  const bus = new RedisEventBus(options.url, options.prefix, options.log, hooks);
  await bus.start();
  return bus;
}
