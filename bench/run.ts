// Benchmarks: how long ingestion and the example queries take on a real Neo4j, and how many
// Cypher statements each query sends. Prints numbers; asserts nothing.
//   npm run bench                  (an embedded Neo4j in a temporary folder)
//   NEO4J_URI=… npm run bench      (that server; the benchmark deletes everything in it)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../src/config.js';
import { type Context, createContext } from '../src/context.js';
import { connectDriver } from '../src/db/driver.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { Database } from '../src/db/run.js';
import { exampleOperations } from '../src/examples-run.js';
import { ingestDocument } from '../src/ingest/ingest.js';
import { seedFiles } from '../src/ingest/seed.js';
import { EXAMPLE_QUERIES } from '../src/schema/examples.js';
import { schema } from '../src/schema/index.js';
import { createYogaServer } from '../src/yoga.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const ms = (n: number) => n.toFixed(1).padStart(8);
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0 };
}

async function main() {
  const config = loadConfig();
  let uri = config.neo4j.uri;
  let password = config.neo4j.password;
  let cleanup = async () => undefined;
  if (!uri) {
    const dir = await mkdtemp(path.join(tmpdir(), 'news-graph-bench-'));
    password = 'bench-password';
    const t0 = performance.now();
    const neo4j = await startEmbeddedNeo4j({
      dataDir: dir,
      boltPort: 0,
      password,
      startTimeoutMs: 240_000,
      heap: '1g',
    });
    console.log(`embedded Neo4j start (fresh store): ${ms(performance.now() - t0)} ms`);
    uri = neo4j.uri;
    cleanup = async () => {
      await neo4j.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const driver = await connectDriver({ ...config.neo4j, uri, password });
  const db = new Database(driver, config.neo4j.database, 60_000);
  try {
    await migrate(db);
    await db.writeTx((tx) => tx.run({ cypher: 'MATCH (n) DETACH DELETE n' }));
    const [file] = await seedFiles();
    const doc = JSON.parse(await readFile(file as string, 'utf8'));

    const ingest: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Changing the stored hash forces the full replace path every time.
      await db.writeTx((tx) => tx.run({ cypher: 'MATCH (a:Article) SET a.contentHash = "stale"' }));
      const t = performance.now();
      const report = await ingestDocument(db, doc);
      ingest.push(performance.now() - t);
      if (i === 0)
        console.log(
          `seed write: ${report.updates.nodesCreated} nodes, ${report.updates.relationshipsCreated} relationships`,
        );
    }
    const unchanged: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await ingestDocument(db, doc);
      unchanged.push(performance.now() - t);
    }
    // Another article reporting all the seed reports: each of its events and claims is scored
    // against the seed's and merges into one (those with two participants or more).
    const copy = { ...doc, article: { ...doc.article, id: 'bench-merging-copy', publishedOn: '2023-09-18' } };
    const merging: number[] = [];
    for (let i = 0; i < 10; i++) {
      await db.writeTx((tx) =>
        tx.run({
          cypher: 'MATCH (a:Article {id: $id}) SET a.contentHash = "stale"',
          params: { id: copy.article.id },
        }),
      );
      const t = performance.now();
      const report = await ingestDocument(db, copy);
      merging.push(performance.now() - t);
      if (i === 0)
        console.log(
          `merging copy: ${report.merged.length} of ${doc.events.length + doc.claims.length} events and claims merged into the seed's`,
        );
    }
    console.log('\noperation                         p50 ms   p95 ms   max ms  statements');
    const row = (name: string, samples: number[], statements = '') => {
      const s = summary(samples);
      console.log(`${name.padEnd(30)}${ms(s.p50)} ${ms(s.p95)} ${ms(s.max)}  ${statements}`);
    };
    row('ingest seed (replace)', ingest);
    row('ingest seed (unchanged)', unchanged);
    row('ingest merging copy (replace)', merging);

    const yoga = createYogaServer(db);
    for (const op of exampleOperations()) {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const res = await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName: op.name }),
        });
        const body = (await res.json()) as { errors?: unknown };
        samples.push(performance.now() - t);
        if (body.errors) throw new Error(`${op.name}: ${JSON.stringify(body.errors)}`);
      }
      // One more run on a bare server whose context is kept, to count the statements sent.
      let context: Context | undefined;
      const counted = createYoga({
        schema,
        context: () => {
          context = createContext(db);
          return context;
        },
      });
      await counted.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName: op.name }),
      });
      row(`query ${op.name}`, samples, String(context?.stats.statements ?? 0));
    }
    console.log(
      `\n(${RUNS} runs per query, after the runs above warmed the caches; Node ${process.version})`,
    );
  } finally {
    await driver.close();
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
