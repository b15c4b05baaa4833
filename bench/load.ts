// A closed-loop load generator: a fixed number of keep-alive connections, each sending the next
// request as soon as the previous answer is read, for a fixed time. Every answer is checked for
// status 200 and for GraphQL errors, so a failing system cannot look fast.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Target {
  url: string;
  body: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Latencies in milliseconds, sorted. */
  latencies: number[];
}

function send(agent: Agent, target: Target): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      target.url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(target.body);
  });
}

/** One request, its answer parsed: for checking answers before timing. */
export async function fetchJson(target: Target): Promise<unknown> {
  const agent = new Agent({ keepAlive: false });
  const { status, body } = await send(agent, target);
  agent.destroy();
  if (status !== 200) throw new Error(`HTTP ${status} from ${target.url}: ${body.slice(0, 500)}`);
  return JSON.parse(body);
}

/** Loads one target, or a mix: each connection then cycles through the targets in turn. */
export async function runLoad(
  targets: Target | Target[],
  connections: number,
  durationMs: number,
): Promise<LoadResult> {
  const mix = Array.isArray(targets) ? targets : [targets];
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (_: unknown, index: number) => {
    for (let next = index; performance.now() < deadline; next++) {
      const target = mix[next % mix.length] as Target;
      const t = performance.now();
      try {
        const { status, body } = await send(agent, target);
        const failed = status !== 200 || body.includes('"errors":[');
        if (failed) {
          errors += 1;
          firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        } else latencies.push(performance.now() - t);
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, firstError, seconds, latencies };
}

export const percentile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
