// The HTTP listener and its drain. Draining stops accepting connections, answers every request
// that arrives on an open connection (with `Connection: close`, so the client moves elsewhere),
// waits for every request in flight, and leaves idle keep-alive connections to close when the
// keep-alive time they advertised is up (Node's own timer). Closing an idle keep-alive connection
// early is what resets requests: the client may be sending on it at that very moment.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export class ListenError extends Error {
  override name = 'ListenError';
}

export interface Listener {
  server: Server;
  port: number;
  readonly draining: boolean;
  /** Requests being answered now. */
  readonly inFlight: number;
  /**
   * Drains within `timeoutMs`; connections still open then are closed. Resolves with how many
   * had to be closed that way, which is 0 unless a request outlived the limit.
   */
  drain(timeoutMs: number): Promise<number>;
  /** Runs when draining begins (subscriptions end, WebSockets close with "going away"). */
  onDrain(listener: () => void): void;
}

const KEEP_ALIVE_MS = 5_000;

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
  host: string,
  port: number,
): Promise<Listener> {
  let draining = false;
  const drainListeners: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const responses = new Set<ServerResponse>();
  let settled: (() => void) | undefined;

  const checkDone = () => {
    if (draining && responses.size === 0 && sockets.size === 0) settled?.();
  };

  const server = createServer(
    {
      keepAliveTimeout: KEEP_ALIVE_MS,
      // Slow clients do not hold connections for ever: headers within 10 s, a whole request in 60 s.
      headersTimeout: 10_000,
      requestTimeout: 60_000,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      responses.add(res);
      // Node then sends `Connection: close` and closes the socket after this response.
      if (draining) res.shouldKeepAlive = false;
      res.once('close', () => {
        responses.delete(res);
        checkDone();
      });
      handler(req, res);
    },
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      checkDone();
    });
  });
  // A malformed request line or headers: answer 400 and close, as Node would, without a stack.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({
      errors: [{ message: 'the request could not be read as HTTP', extensions: { code: 'BAD_REQUEST' } }],
    });
    socket.end(
      `HTTP/1.1 ${status} Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new ListenError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use: stop what uses it or set PORT`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address();

  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    get draining() {
      return draining;
    },
    get inFlight() {
      return responses.size;
    },
    onDrain(listener) {
      drainListeners.push(listener);
    },
    drain(timeoutMs) {
      if (draining) return Promise.resolve(0);
      draining = true;
      // Stop accepting, without http.Server#close's closing of idle keep-alive connections.
      NetServer.prototype.close.call(server);
      // Responses not yet begun tell their client to close the connection after them.
      for (const res of responses) if (!res.headersSent) res.shouldKeepAlive = false;
      for (const listener of drainListeners) listener();
      return new Promise<number>((resolve) => {
        const force = setTimeout(() => {
          const left = responses.size;
          for (const socket of sockets) socket.destroy();
          resolve(left);
        }, timeoutMs);
        force.unref();
        settled = () => {
          clearTimeout(force);
          resolve(0);
        };
        checkDone();
      });
    },
  };
}
