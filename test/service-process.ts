// The service as its own process, as `npm start` runs it, for tests that kill, stall and stop
// things: start it, wait for it, find its Neo4j, load it with clients, and read its metrics.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../src/config.js';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Service {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts serve` and resolves once it listens (rejects if it exits first). */
export function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let url: string | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (url) return;
      url = /GraphQL at (http:\/\/[^\s"]+)\/graphql/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(Object.assign(new Error(`exited ${code}: ${output}`), { output, code })),
    );
  });
}

/** Java processes whose command line names this data folder. */
export const javaFor = (dataDir: string): number[] =>
  spawnSync('pgrep', ['-f', `EmbeddedNeo4j.*${dataDir}`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

export const QUERY = '{ entity(key: "country:russia") { label claims(first: 3) { totalCount } } }';

export interface Outcome {
  at: number;
  ms: number;
  status?: number;
  code?: string;
  /** A network failure: ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET… */
  failure?: string;
}

/**
 * `clients` loops sending QUERY until `stop()`; every answer or failure is recorded with its
 * time. Fetch keeps connections alive between requests, as real clients do.
 */
export function load(url: string, clients: number, body = { query: QUERY }) {
  const outcomes: Outcome[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const at = Date.now();
      try {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
        const json = (await res.json().catch(() => ({}))) as {
          errors?: { extensions?: { code?: string } }[];
        };
        outcomes.push({
          at,
          ms: Date.now() - at,
          status: res.status,
          code: json.errors?.[0]?.extensions?.code,
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        outcomes.push({ at, ms: Date.now() - at, failure: cause?.code ?? (error as Error).name });
        if (cause?.code === 'ECONNREFUSED') await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const loops = Array.from({ length: clients }, loop);
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

export async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
