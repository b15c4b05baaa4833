// Subscription clients for tests and benchmarks: server-sent events read from a streaming fetch
// (or any Response), and graphql-ws over WebSocket. Each collects what arrives and lets a test
// wait, generously, for what it expects.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Message {
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Feed {
  /** Every result received, in order. */
  messages: Message[];
  /** Set once the server completed the stream (or closed it). */
  done: boolean;
  /** An error that ended the stream: an HTTP status other than 200, a WebSocket close, an error message. */
  failure?: unknown;
  /** Resolves once the connection is open (the WebSocket acknowledged, the SSE response begun). */
  opened: Promise<void>;
  /** Resolves once `check` holds of the messages; rejects after `timeoutMs`. */
  until(check: (messages: Message[]) => boolean, timeoutMs?: number): Promise<Message[]>;
  close(): void;
}

function feed(close: () => void, opened: Promise<void> = Promise.resolve()): Feed & { changed(): void } {
  const waiters = new Set<() => void>();
  const f: Feed & { changed(): void } = {
    messages: [],
    done: false,
    opened,
    changed() {
      for (const w of [...waiters]) w();
    },
    until(check, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const test = () => {
          if (check(f.messages)) {
            cleanup();
            resolve(f.messages);
          } else if (f.done) {
            cleanup();
            reject(
              new Error(`stream ended first: ${JSON.stringify(f.failure ?? f.messages).slice(0, 2000)}`),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`not received in ${timeoutMs} ms: ${JSON.stringify(f.messages).slice(0, 2000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(test);
        };
        waiters.add(test);
        test();
      });
    },
    close,
  };
  return f;
}

/** Reads a text/event-stream body, recording each `next` result. */
export function readEventStream(response: Response, close: () => void = () => undefined): Feed {
  const f = feed(close);
  if (response.status !== 200 || !response.body) {
    f.failure = { status: response.status };
    f.done = true;
    void response.text().then((text) => {
      try {
        f.messages.push(JSON.parse(text));
      } catch {
        f.failure = { status: response.status, text };
      }
      f.changed();
    });
    return f;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (event === 'next' && data) f.messages.push(JSON.parse(data));
          if (event === 'complete') f.done = true;
          f.changed();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      f.failure = error;
    }
    f.done = true;
    f.changed();
  })();
  return f;
}

/** A subscription over server-sent events: POST /graphql with Accept: text/event-stream. */
export async function subscribeSse(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Feed> {
  const abort = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  return readEventStream(response, () => abort.abort());
}

/** A subscription (or any operation) over WebSocket with the graphql-ws protocol, on its own socket. */
export function subscribeWs(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  connectionParams: Record<string, unknown> = {},
): Feed {
  let connected: () => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const opened = new Promise<void>((resolve, reject) => {
    connected = resolve;
    failed = reject;
  });
  opened.catch(() => undefined);
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // Failures are recorded on the feed, not printed.
    onNonLazyError: () => undefined,
    on: {
      connected: () => connected(),
      closed: (event) => {
        failed(event);
        if (!f.done) {
          f.failure = {
            code: (event as { code?: number }).code,
            reason: (event as { reason?: string }).reason,
          };
          f.done = true;
          f.changed();
        }
      },
    },
  });
  const f = feed(() => void client.dispose(), opened);
  client.subscribe(
    { query, variables },
    {
      next: (message) => {
        f.messages.push(message as Message);
        f.changed();
      },
      error: (error) => {
        f.failure = error;
        if (Array.isArray(error)) f.messages.push({ errors: error });
        f.done = true;
        f.changed();
      },
      complete: () => {
        f.done = true;
        f.changed();
      },
    },
  );
  return f;
}
