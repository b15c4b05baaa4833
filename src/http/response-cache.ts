// Answers to repeated read queries, kept until the data changes. An entry is keyed by the query's
// text, operation name and variables, and stored under the version of the data it was read from;
// the version is Neo4j's latest bookmark (read every `pollMs`, so writes by another instance or by
// the ingest command are seen within that time) together with a count of this process's own writes
// (seen at once). A query that started before a write can only store its answer under the old
// version, which is never served again.
import { type DocumentNode, getOperationAST, type OperationDefinitionNode, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface ResponseCacheOptions {
  /** How long an answer may be served, at most, even if nothing changed. */
  ttlMs: number;
  /** How many answers are kept; the least recently used goes first. */
  maxEntries: number;
  /** How often Neo4j's latest bookmark is read. */
  pollMs: number;
}

export const RESPONSE_CACHE_DEFAULTS: ResponseCacheOptions = {
  ttlMs: 300_000,
  maxEntries: 1_000,
  pollMs: 1_000,
};

/** What the data is now, as far as this process can tell. */
export class DataVersion {
  private bookmark = 'unread';
  private writes = 0;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Neo4j's latest bookmark; throws when Neo4j cannot answer. */
    private readonly readBookmark: () => Promise<string>,
    private readonly pollMs: number,
    /** Whether Neo4j serves now, as the availability probe found (undefined: not watched). */
    private readonly available: () => boolean | undefined = () => undefined,
  ) {}

  /**
   * The version answers are stored and looked up under. While Neo4j is down it is one never used
   * before, so nothing is answered from memory and the request reports the outage.
   */
  get current(): string {
    if (this.available() === false) {
      this.failures += 1;
      return `unavailable-${this.failures}`;
    }
    return `${this.bookmark}|${this.writes}`;
  }

  /** A write was made here (or announced by another instance): answers read before it go. */
  changed(): void {
    this.writes += 1;
  }

  async refresh(): Promise<void> {
    try {
      this.bookmark = await this.readBookmark();
    } catch {
      // Neo4j did not answer: no stored answer matches a version never seen, so every query goes
      // to the database and reports what it finds there, rather than answering from memory.
      this.failures += 1;
      this.bookmark = `unavailable-${this.failures}`;
    }
  }

  start(): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

interface Entry {
  version: string;
  expires: number;
  result: unknown;
}

/** Printed query texts by document: yoga parses each text once and hands the same document back. */
const printed = new WeakMap<DocumentNode, string>();
const textOf = (document: DocumentNode) => {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
};

export type CacheOutcome = 'hit' | 'miss';

export interface ResponseCache {
  plugin: Plugin;
  version: DataVersion;
  /** Whether a request was answered from the cache (read by the response header and metrics). */
  outcome(request: Request): CacheOutcome | undefined;
  size(): number;
}

export function createResponseCache(version: DataVersion, options: ResponseCacheOptions): ResponseCache {
  const entries = new Map<string, Entry>();
  const outcomes = new WeakMap<Request, CacheOutcome>();

  const get = (key: string, current: string): unknown => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (entry.version !== current || entry.expires < Date.now()) return undefined;
    entries.set(key, entry); // most recently used last
    return entry.result;
  };
  const set = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  };

  const plugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const operation: OperationDefinitionNode | null | undefined = getOperationAST(
        args.document,
        args.operationName,
      );
      if (operation?.operation === 'mutation') {
        return { onExecuteDone: () => version.changed() };
      }
      if (operation?.operation !== 'query') return undefined;
      const request = args.contextValue.request;
      // A request that waits for a write (Neo4j-Bookmark) reads the database: this instance's
      // version may not have seen that write yet.
      if (request.headers.get('neo4j-bookmark')) return undefined;
      const key = JSON.stringify([
        textOf(args.document),
        args.operationName ?? null,
        args.variableValues ?? {},
      ]);
      const current = version.current;
      const cached = get(key, current);
      if (cached !== undefined) {
        outcomes.set(request, 'hit');
        // The stored answer is the plain result of an earlier execution of the same query.
        setResultAndStopExecution(cached as Parameters<typeof setResultAndStopExecution>[0]);
        return undefined;
      }
      outcomes.set(request, 'miss');
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          set(key, { version: current, expires: Date.now() + options.ttlMs, result });
        },
      };
    },
    onResponse({ request, response }) {
      const outcome = outcomes.get(request);
      if (outcome) response.headers.set('x-response-cache', outcome);
    },
  };
  return {
    plugin,
    version,
    outcome: (request) => outcomes.get(request),
    size: () => entries.size,
  };
}
