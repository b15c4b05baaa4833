// Side by side on one Neo4j: this service, @neo4j/graphql 7 and hand-written Cypher, over the seed
// plus N generated articles. Checks that the three give the same answers, then loads each question
// with keep-alive connections, systems in alternating order, and prints throughput, latency, CPU
// per request (server process and Neo4j's JVM, from /proc) and memory. Prints numbers; asserts
// nothing about them.
//   npm run bench:compare -- --articles 1000 [--duration 10] [--data .data/bench-1000]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { createYoga } from 'graphql-yoga';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { type Context, createContext } from '../src/context.js';
import type { Database } from '../src/db/run.js';
import { schema } from '../src/schema/index.js';
import { CorpusGenerator, DEFAULT_OPTIONS } from './generate.js';
import { fetchJson, percentile, runLoad } from './load.js';
import { cpuMs, rssMiB } from './proc.js';
import { type BenchQuery, QUERIES } from './queries.js';
import { ensureCorpus, graphSize, log, type RunningServer, startDatabase } from './setup.js';
import {
  SYSTEM_TITLES,
  SYSTEMS,
  type SystemName,
  startOurs,
  startPeer,
  startRaw,
  targetFor,
} from './systems.js';

const USAGE = `usage: npm run bench:compare -- --articles N [options]
  --articles N        generated articles on top of the seed (1, 1000, 10000, 100000)   [1]
  --data DIR          Neo4j data folder, kept across runs                          [.data/bench-N]
  --duration S        measured seconds per query and system                        [10]
  --warmup S          unmeasured seconds before each measurement                   [2]
  --settle S          unmeasured seconds of every question on every system, in turn,
                      before the first measurement: Neo4j's JIT compiler is busy
                      for the first minutes after it starts                         [30]
  --connections C     concurrent keep-alive connections                            [10]
  --rounds R          rounds per query; the order of systems rotates each round   [1]
  --queries Q1,Q5     only these questions                                         [all]
  --ours-env K=V,..   extra environment of this service (e.g. its cache switch, off)
  --cached-env K=V,.. also measure this service with this environment, as the "cached" row
  --heap SIZE         Neo4j heap                                  [NEO4J_EMBEDDED_HEAP or its default]
  --page-cache SIZE   Neo4j page cache                       [NEO4J_EMBEDDED_PAGECACHE or its default]
  --seed S, --pool P  generator seed and generated entity count               [1, 5000]
  --out FILE          JSON results                     [.data/bench-results/compare-N-<time>.json]
  --no-check          skip the equality check (only to investigate a mismatch)`;

class UsageError extends Error {}

type Row = {
  query: string;
  system: SystemName | 'cached';
  requests: number;
  errors: number;
  firstError?: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  nodeCpuPerReq: number;
  javaCpuPerReq: number;
  nodeRssMiB: number;
  javaRssMiB: number;
};

const envList = (s: string | undefined) =>
  Object.fromEntries(
    (s ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const at = kv.indexOf('=');
        if (at < 1) throw new UsageError(`expected NAME=value, got "${kv}"`);
        return [kv.slice(0, at), kv.slice(at + 1)];
      }),
  );

const positive = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number (got ${v})`);
  return n;
};

const nonNegative = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number ≥ 0 (got ${v})`);
  return n;
};

/** Where this service's answer first differs from another system's, or undefined when all agree. */
export function firstMismatch(
  q: Pick<BenchQuery, 'name' | 'description'>,
  answers: Record<SystemName, unknown>,
) {
  for (const other of ['peer', 'raw'] as const) {
    if (isDeepStrictEqual(answers.ours, answers[other])) continue;
    const a = JSON.stringify(answers.ours, null, 1).split('\n');
    const b = JSON.stringify(answers[other], null, 1).split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    const around = (x: string[]) => x.slice(Math.max(0, line - 2), line + 3).join(' ');
    return (
      `${q.name} (${q.description}): this service and ${SYSTEM_TITLES[other]} give different answers.\n` +
      `  first difference at line ${line + 1} of the normalised answers (${a.length} and ${b.length} lines):\n` +
      `    this service: ${around(a)}\n` +
      `    ${SYSTEM_TITLES[other]}: ${around(b)}`
    );
  }
  return undefined;
}

/** Asks every system each question once and stops at the first answer that differs. */
async function checkAnswers(
  queries: BenchQuery[],
  servers: Record<SystemName, RunningServer>,
): Promise<void> {
  for (const q of queries) {
    const answers: Partial<Record<SystemName, unknown>> = {};
    for (const system of SYSTEMS) {
      const body = (await fetchJson(targetFor(system, servers[system], q))) as any;
      if (system !== 'raw' && body.errors) {
        throw new Error(
          `${q.name} on ${SYSTEM_TITLES[system]}: ${JSON.stringify(body.errors).slice(0, 1000)}`,
        );
      }
      answers[system] = q.normalise[system](system === 'raw' ? body : body.data);
    }
    const mismatch = firstMismatch(q, answers as Record<SystemName, unknown>);
    if (mismatch) throw new Error(mismatch);
    log(
      `  ${q.name}: same answer from all three (${JSON.stringify(answers.ours).length} characters normalised)`,
    );
  }
}

/** Cypher statements this service sends per request of each question, counted in-process. */
async function statementsPerRequest(db: Database, queries: BenchQuery[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const q of queries) {
    let context: Context | undefined;
    const yoga = createYoga({
      schema,
      context: () => {
        context = createContext(db);
        return context;
      },
    });
    await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q.ours.query, variables: q.ours.variables ?? {} }),
    });
    counts[q.name] = context?.stats.statements ?? 0;
  }
  return counts;
}

async function measure(
  q: BenchQuery,
  system: SystemName | 'cached',
  server: RunningServer,
  javaPid: number,
  o: { connections: number; durationMs: number; warmupMs: number },
): Promise<Row> {
  const target = targetFor(system === 'cached' ? 'ours' : system, server, q);
  if (o.warmupMs > 0) await runLoad(target, o.connections, o.warmupMs);
  const node0 = cpuMs(server.pid);
  const java0 = cpuMs(javaPid);
  const r = await runLoad(target, o.connections, o.durationMs);
  const nodeCpu = cpuMs(server.pid) - node0;
  const javaCpu = cpuMs(javaPid) - java0;
  const n = Math.max(1, r.requests);
  return {
    query: q.name,
    system,
    requests: r.requests,
    errors: r.errors,
    ...(r.firstError ? { firstError: r.firstError } : {}),
    reqPerSec: r.requests / r.seconds,
    p50: percentile(r.latencies, 0.5),
    p99: percentile(r.latencies, 0.99),
    nodeCpuPerReq: nodeCpu / n,
    javaCpuPerReq: javaCpu / n,
    nodeRssMiB: rssMiB(server.pid),
    javaRssMiB: rssMiB(javaPid),
  };
}

/** Rounds of one question and system add up: requests and CPU summed, latencies from the last. */
function merge(rows: Row[]): Row {
  if (rows.length === 1) return rows[0] as Row;
  const total = rows.reduce((n, r) => n + r.requests, 0) || 1;
  const avg = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r) * r.requests, 0) / total;
  const last = rows.at(-1) as Row;
  return {
    ...last,
    requests: total,
    errors: rows.reduce((n, r) => n + r.errors, 0),
    reqPerSec: rows.reduce((s, r) => s + r.reqPerSec, 0) / rows.length,
    p50: avg((r) => r.p50),
    p99: avg((r) => r.p99),
    nodeCpuPerReq: avg((r) => r.nodeCpuPerReq),
    javaCpuPerReq: avg((r) => r.javaCpuPerReq),
  };
}

const fmt = (n: number, digits = 1) =>
  Number.isNaN(n) ? 'n/a' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits);

export function markdown(rows: Row[], articles: number, statements: Record<string, number> = {}): string {
  const lines = [
    `| query | N | system | req/s | p50 ms | p99 ms | node CPU ms/req | Java CPU ms/req | node RSS MiB | Java RSS MiB | errors |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.query} | ${articles.toLocaleString('en')} | ${SYSTEM_TITLES[r.system]} | ${fmt(r.reqPerSec)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.nodeCpuPerReq, 2)} | ${fmt(r.javaCpuPerReq, 2)} | ${fmt(r.nodeRssMiB, 0)} | ${fmt(r.javaRssMiB, 0)} | ${r.errors} |`,
    ),
    '',
    '| query | ours/@neo4j/graphql req/s | ours/raw req/s | ours/@neo4j/graphql CPU per request | ours/raw CPU per request | our Cypher statements per request |',
    '|---|---|---|---|---|---|',
  ];
  const by = (q: string, s: string) => rows.find((r) => r.query === q && r.system === s);
  for (const q of [...new Set(rows.map((r) => r.query))]) {
    const [ours, peer, raw] = [by(q, 'ours'), by(q, 'peer'), by(q, 'raw')];
    if (!ours || !peer || !raw) continue;
    const cpu = (r: Row) => r.nodeCpuPerReq + r.javaCpuPerReq;
    lines.push(
      `| ${q} | ${(ours.reqPerSec / peer.reqPerSec).toFixed(2)} | ${(ours.reqPerSec / raw.reqPerSec).toFixed(2)} | ${(cpu(ours) / cpu(peer)).toFixed(2)} | ${(cpu(ours) / cpu(raw)).toFixed(2)} | ${statements[q] ?? 'n/a'} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1' },
      data: { type: 'string' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      settle: { type: 'string', default: '30' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      queries: { type: 'string' },
      'ours-env': { type: 'string' },
      'cached-env': { type: 'string' },
      heap: { type: 'string' },
      'page-cache': { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
      pool: { type: 'string', default: String(DEFAULT_OPTIONS.poolSize) },
      out: { type: 'string' },
      'no-check': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const articles = positive('articles', values.articles);
  if (!Number.isInteger(articles))
    throw new UsageError(`--articles must be a whole number (got ${values.articles})`);
  const o = {
    connections: positive('connections', values.connections),
    durationMs: positive('duration', values.duration) * 1000,
    warmupMs: nonNegative('warmup', values.warmup) * 1000,
  };
  const settleMs = nonNegative('settle', values.settle) * 1000;
  const rounds = positive('rounds', values.rounds);
  const wanted = values.queries?.split(',');
  const queries = wanted ? QUERIES.filter((q) => wanted.includes(q.name)) : QUERIES;
  if (queries.length === 0)
    throw new UsageError(
      `no question named ${values.queries}; known: ${QUERIES.map((q) => q.name).join(', ')}`,
    );
  const dataDir = path.resolve(PROJECT_ROOT, values.data ?? `.data/bench-${articles}`);
  const configured = loadConfig({ ...process.env, NEO4J_URI: undefined }).embedded;
  const sizing = {
    heap: values.heap ?? configured.heap,
    pageCache: values['page-cache'] ?? configured.pageCache,
  };

  const before = machine();
  const database = await startDatabase(dataDir, sizing);
  const servers: RunningServer[] = [];
  try {
    const generator = new CorpusGenerator({ seed: Number(values.seed), poolSize: Number(values.pool) });
    const ingest = await ensureCorpus(database.db, dataDir, articles, generator);
    if (ingest)
      console.log(
        `ingestion: ${ingest.articles} articles in ${ingest.seconds.toFixed(1)} s, ${ingest.perSecond.toFixed(1)} articles/s`,
      );
    const size = await graphSize(database.db);
    console.log(`graph: ${JSON.stringify(size)}`);

    const uri = database.neo4j.uri;
    const running = {
      ours: await startOurs(uri, envList(values['ours-env'])),
      peer: await startPeer(dataDir, uri),
      raw: await startRaw(dataDir, uri, queries),
    };
    servers.push(...Object.values(running));
    if (!values['no-check']) {
      log('checking that the three systems give the same answers...');
      await checkAnswers(queries, running);
    }

    const statements = await statementsPerRequest(database.db, queries);
    if (settleMs > 0) {
      log(`settling: ${settleMs / 1000} s of every question on every system, unmeasured...`);
      const each = Math.max(500, settleMs / (queries.length * SYSTEMS.length));
      for (const q of queries)
        for (const system of SYSTEMS)
          await runLoad(targetFor(system, running[system], q), o.connections, each);
    }
    const rows: Row[] = [];
    for (const [qi, q] of queries.entries()) {
      const perSystem: Record<string, Row[]> = {};
      for (let round = 0; round < rounds; round++) {
        // Alternating order: each system goes first, second and third in turn.
        const shift = (qi + round) % SYSTEMS.length;
        const order = [...SYSTEMS.slice(shift), ...SYSTEMS.slice(0, shift)];
        for (const system of order) {
          const row = await measure(q, system, running[system], database.neo4j.pid, o);
          perSystem[system] = [...(perSystem[system] ?? []), row];
          log(
            `  ${q.name} ${SYSTEM_TITLES[system]}: ${fmt(row.reqPerSec)} req/s, p50 ${fmt(row.p50)} ms${row.errors ? `, ${row.errors} errors: ${row.firstError}` : ''}`,
          );
        }
      }
      for (const system of SYSTEMS) rows.push(merge(perSystem[system] ?? []));
    }

    if (values['cached-env']) {
      // Measured apart, after the uncached rows, so cache hits never mix into their figures.
      const cached = await startOurs(uri, envList(values['cached-env']), 'ours-cached');
      servers.push(cached);
      for (const q of queries) rows.push(await measure(q, 'cached', cached, database.neo4j.pid, o));
    }

    const table = markdown(rows, articles, statements);
    console.log(`\n${table}\n`);
    const out = path.resolve(
      PROJECT_ROOT,
      values.out ??
        `.data/bench-results/compare-${articles}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          command: `npm run bench:compare -- ${process.argv.slice(2).join(' ')}`,
          date: new Date().toISOString(),
          articles,
          machine: { ...before, loadAverageAtEnd: machine().loadAverage },
          neo4j: sizing,
          options: { ...o, rounds, settleMs },
          ingestion: ingest ?? null,
          graph: size,
          statementsPerRequest: statements,
          queries: queries.map((q) => ({ name: q.name, description: q.description })),
          rows,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`results written to ${path.relative(PROJECT_ROOT, out)}`);
  } finally {
    for (const s of servers) await s.stop();
    await database.close();
  }
}

export function machine() {
  return {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exit(1);
  });
}
