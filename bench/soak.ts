// Memory under sustained load: this service answers the benchmark's questions in a mix for a long
// time (10 minutes by default) while the RSS of its process and of Neo4j's JVM is sampled. Prints
// every sample and whether memory kept growing after the warm-up. Prints numbers; asserts nothing.
//   npm run bench:soak -- --articles 10000 [--duration 600] [--interval 5] [--warmup 60]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { machine } from './compare.js';
import { CorpusGenerator, DEFAULT_OPTIONS } from './generate.js';
import { percentile, runLoad } from './load.js';
import { rssMiB } from './proc.js';
import { QUERIES } from './queries.js';
import { ensureCorpus, graphSize, log, startDatabase } from './setup.js';
import { startOurs, targetFor } from './systems.js';

const USAGE = `usage: npm run bench:soak -- --articles N [options]
  --articles N       generated articles on top of the seed                  [1]
  --data DIR         Neo4j data folder, kept across runs                    [.data/bench-N]
  --duration S       seconds under load                                     [600]
  --interval S       seconds between memory samples                         [5]
  --warmup S         seconds of the start left out of the growth verdict    [60]
  --connections C    concurrent keep-alive connections                      [10]
  --queries Q1,Q5    the mix                                                [all of bench/queries.ts]
  --ours-env K=V,..  extra environment of the service
  --out FILE         JSON results              [.data/bench-results/soak-N-<time>.json]`;

interface Sample {
  seconds: number;
  nodeRssMiB: number;
  javaRssMiB: number;
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * Growth after warm-up: the mean of the last quarter of the samples against the first quarter,
 * and the trend over all of them. Memory that settles shows a small difference and a flat trend;
 * a leak shows both growing. "Grew" means more than 5 % and more than 20 MiB between the quarters.
 */
export function growth(samples: Sample[], warmupSeconds: number, pick: (s: Sample) => number) {
  const after = samples.filter((s) => s.seconds >= warmupSeconds);
  if (after.length < 4) return undefined;
  const quarter = Math.max(1, Math.floor(after.length / 4));
  const mean = (xs: Sample[]) => xs.reduce((sum, s) => sum + pick(s), 0) / xs.length;
  const first = mean(after.slice(0, quarter));
  const last = mean(after.slice(-quarter));
  const perMinute = slope(
    after.map((s) => s.seconds / 60),
    after.map(pick),
  );
  const grew = last - first > 20 && last > first * 1.05;
  return { firstQuarterMiB: first, lastQuarterMiB: last, trendMiBPerMinute: perMinute, grew };
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1' },
      data: { type: 'string' },
      duration: { type: 'string', default: '600' },
      interval: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '60' },
      connections: { type: 'string', default: '10' },
      queries: { type: 'string' },
      'ours-env': { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
      pool: { type: 'string', default: String(DEFAULT_OPTIONS.poolSize) },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const articles = Number(values.articles);
  const seconds = Number(values.duration);
  const interval = Number(values.interval);
  const warmup = Number(values.warmup);
  for (const [name, v] of Object.entries({ articles, duration: seconds, interval })) {
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number\n${USAGE}`);
  }
  const wanted = values.queries?.split(',');
  const queries = wanted ? QUERIES.filter((q) => wanted.includes(q.name)) : QUERIES;
  if (queries.length === 0) throw new Error(`no question named ${values.queries}\n${USAGE}`);
  const dataDir = path.resolve(PROJECT_ROOT, values.data ?? `.data/bench-${articles}`);
  const { heap, pageCache } = loadConfig({ ...process.env, NEO4J_URI: undefined }).embedded;
  const extraEnv = Object.fromEntries(
    (values['ours-env'] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );

  const database = await startDatabase(dataDir, { heap, pageCache });
  try {
    const generator = new CorpusGenerator({ seed: Number(values.seed), poolSize: Number(values.pool) });
    await ensureCorpus(database.db, dataDir, articles, generator);
    const size = await graphSize(database.db);
    console.log(`graph: ${JSON.stringify(size)}`);
    const ours = await startOurs(database.neo4j.uri, extraEnv);
    try {
      const javaPid = database.neo4j.pid;
      const samples: Sample[] = [];
      const started = performance.now();
      const sample = () => {
        const s = {
          seconds: (performance.now() - started) / 1000,
          nodeRssMiB: rssMiB(ours.pid),
          javaRssMiB: rssMiB(javaPid),
        };
        samples.push(s);
        log(
          `  ${s.seconds.toFixed(0).padStart(5)} s   node ${s.nodeRssMiB.toFixed(0).padStart(5)} MiB   Java ${s.javaRssMiB.toFixed(0).padStart(5)} MiB`,
        );
      };
      console.log(
        `soak: ${queries.map((q) => q.name).join(', ')} in turn on ${values.connections} connections for ${seconds} s; memory every ${interval} s`,
      );
      sample();
      const timer = setInterval(sample, interval * 1000);
      const result = await runLoad(
        queries.map((q) => targetFor('ours', ours, q)),
        Number(values.connections),
        seconds * 1000,
      ).finally(() => clearInterval(timer));
      sample();

      const node = growth(samples, warmup, (s) => s.nodeRssMiB);
      const java = growth(samples, warmup, (s) => s.javaRssMiB);
      const verdict = (name: string, g: ReturnType<typeof growth>) =>
        g
          ? `${name} RSS after warm-up: ${g.firstQuarterMiB.toFixed(0)} MiB (first quarter) -> ${g.lastQuarterMiB.toFixed(0)} MiB (last quarter), trend ${g.trendMiBPerMinute.toFixed(1)} MiB/min: ${g.grew ? 'GREW' : 'no growth'}`
          : `${name}: too few samples after the warm-up to tell`;
      console.log(
        `\n${result.requests} requests (${(result.requests / result.seconds).toFixed(1)} req/s), ${result.errors} errors${result.firstError ? ` (first: ${result.firstError})` : ''}, p50 ${percentile(result.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(result.latencies, 0.99).toFixed(1)} ms`,
      );
      console.log(verdict('node', node));
      console.log(verdict('Java', java));
      console.log('\n| seconds | node RSS MiB | Java RSS MiB |\n|---|---|---|');
      for (const s of samples)
        console.log(`| ${s.seconds.toFixed(0)} | ${s.nodeRssMiB.toFixed(0)} | ${s.javaRssMiB.toFixed(0)} |`);

      const out = path.resolve(
        PROJECT_ROOT,
        values.out ??
          `.data/bench-results/soak-${articles}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
      );
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(
        out,
        `${JSON.stringify(
          {
            command: `npm run bench:soak -- ${process.argv.slice(2).join(' ')}`,
            date: new Date().toISOString(),
            articles,
            machine: machine(),
            neo4j: { heap, pageCache },
            graph: size,
            queries: queries.map((q) => q.name),
            requests: result.requests,
            errors: result.errors,
            reqPerSec: result.requests / result.seconds,
            growth: { node, java },
            samples,
          },
          null,
          2,
        )}\n`,
      );
      console.log(`results written to ${path.relative(PROJECT_ROOT, out)}`);
    } finally {
      await ours.stop();
    }
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
