// What the benchmarks share: an embedded Neo4j whose data folder outlives the run, the seed plus a
// generated corpus ingested once through the project's own ingestion (and resumed when a run
// stopped half-way), and the three HTTP servers started as separate processes over that database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { PROJECT_ROOT } from '../src/config.js';
import { connectDriver } from '../src/db/driver.js';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { Database } from '../src/db/run.js';
import { INGEST_BATCH, ingestDocuments } from '../src/ingest/ingest.js';
import { loadSeed } from '../src/ingest/seed.js';
import { type CorpusGenerator, GENERATOR_VERSION } from './generate.js';

export const PASSWORD = 'bench-password';
export const DATABASE = 'neo4j';

export const log = (line: string) => console.error(line);

export interface BenchDatabase {
  neo4j: EmbeddedNeo4j;
  db: Database;
  close(): Promise<void>;
}

export interface Neo4jSizing {
  heap: string;
  pageCache?: string;
}

export async function startDatabase(dataDir: string, sizing: Neo4jSizing): Promise<BenchDatabase> {
  const t0 = performance.now();
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    password: PASSWORD,
    startTimeoutMs: 600_000,
    ...sizing,
  });
  log(
    `Neo4j ready at ${neo4j.uri} in ${((performance.now() - t0) / 1000).toFixed(1)} s (data in ${dataDir})`,
  );
  const driver = await connectDriver({
    uri: neo4j.uri,
    username: 'neo4j',
    password: PASSWORD,
    database: DATABASE,
    connectTimeoutMs: 30_000,
  });
  const db = new Database(driver, DATABASE, 600_000);
  await migrate(db);
  return {
    neo4j,
    db,
    close: async () => {
      await driver.close();
      await neo4j.stop();
    },
  };
}

interface CorpusMarker {
  /** The generator's version that wrote the corpus (GENERATOR_VERSION); absent before version 2. */
  generator?: number;
  seed: number;
  poolSize: number;
  /** Articles 0..ingested-1 are in the graph. */
  ingested: number;
}

/**
 * What a data folder's corpus holds, from its marker: none yet, or articles of this generator's
 * version, seed and pool. A corpus another version, seed or pool wrote is refused, since adding to
 * it would mix two corpora.
 */
/** Where a data folder records the corpus it holds. */
export const corpusMarkerFile = (dataDir: string) => path.join(dataDir, 'bench-corpus.json');

export function readCorpusMarker(
  dataDir: string,
  generator: CorpusGenerator,
  articles: number,
): CorpusMarker {
  const markerFile = corpusMarkerFile(dataDir);
  const { seed, poolSize } = generator.options;
  const fresh: CorpusMarker = { generator: GENERATOR_VERSION, seed, poolSize, ingested: 0 };
  if (!existsSync(markerFile)) return fresh;
  // Written by ensureCorpus below.
  const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as CorpusMarker;
  const version = marker.generator ?? 1;
  if (version !== GENERATOR_VERSION)
    throw new Error(
      `${dataDir} holds a corpus of generator version ${version}, and this generator writes version ${GENERATOR_VERSION}: use another --data folder, or delete this one`,
    );
  if (marker.seed !== seed || marker.poolSize !== poolSize)
    throw new Error(
      `${dataDir} holds a corpus of seed ${marker.seed} and pool ${marker.poolSize}, not seed ${seed} and pool ${poolSize}: use another --data folder`,
    );
  if (marker.ingested > articles)
    throw new Error(
      `${dataDir} already holds ${marker.ingested} generated articles, more than the ${articles} asked for: use another --data folder`,
    );
  return marker;
}

export interface IngestFigures {
  articles: number;
  seconds: number;
  perSecond: number;
}

/**
 * Brings the graph to the seed plus articles 0..articles-1 of the generator, writing only what is
 * missing. Progress is recorded in the data folder, so a 100,000-article corpus is ingested once
 * and a run stopped half-way resumes where it stopped. Documents are generated as they are written,
 * `batch` to a transaction (ingestDocuments).
 */
export async function ensureCorpus(
  db: Database,
  dataDir: string,
  articles: number,
  generator: CorpusGenerator,
  batch = INGEST_BATCH,
): Promise<IngestFigures | undefined> {
  const markerFile = corpusMarkerFile(dataDir);
  let marker = readCorpusMarker(dataDir, generator, articles);
  if (marker.ingested === 0)
    for (const r of await loadSeed(db)) log(`seed ${r.articleId}: ${r.status.toLowerCase()}`);
  if (marker.ingested === articles) {
    log(`corpus: ${articles} generated articles already in ${dataDir}`);
    return undefined;
  }
  const from = marker.ingested;
  const todo = articles - from;
  log(`ingesting articles ${from} to ${articles - 1} (${todo})...`);
  const started = performance.now();
  let last = { at: started, done: 0 };
  let done = 0;
  let pending: unknown[] = [];
  const write = async () => {
    await ingestDocuments(db, pending, { batch });
    done += pending.length;
    pending = [];
  };
  for (const doc of generator.articles(todo, from)) {
    pending.push(doc);
    if (pending.length < batch && done + pending.length < todo) continue;
    await write();
    const now = performance.now();
    if (now - last.at > 10_000 || done === todo) {
      marker = { ...marker, ingested: from + done };
      writeFileSync(markerFile, `${JSON.stringify(marker)}\n`);
      const recent = (done - last.done) / ((now - last.at) / 1000);
      const overall = done / ((now - started) / 1000);
      log(
        `  ${from + done}/${articles} articles: ${recent.toFixed(1)} articles/s lately, ${overall.toFixed(1)} overall, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
      );
      last = { at: now, done };
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { articles: todo, seconds, perSecond: todo / seconds };
}

/** Nodes, relationships and the degree of the hubs: the size of what is being measured. */
export async function graphSize(db: Database): Promise<Record<string, number>> {
  const [counts] = await db.read({
    cypher: `CALL () { MATCH (n) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
      CALL () { MATCH (a:Article) RETURN count(a) AS articles }
      CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
      OPTIONAL MATCH (k:Entity {id: 'person:kim-jong-un'})
      OPTIONAL MATCH (r:Entity {id: 'country:russia'})
      RETURN nodes, relationships, articles, claims,
             COUNT { (k)--() } AS kimDegree, COUNT { (r)--() } AS russiaDegree`,
  });
  return Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)]));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  name: string;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** How this service runs: its production build when the project has one, else through tsx. */
export function ourCommand(): { args: string[]; how: string } {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (pkg.scripts?.build) {
    log('building the service (npm run build)...');
    const r = spawnSync('npm', ['run', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const main = path.join(PROJECT_ROOT, 'dist', 'main.js');
    if (r.status !== 0 || !existsSync(main)) throw new Error('npm run build failed or wrote no dist/main.js');
    return { args: [main, 'serve'], how: 'node dist/main.js serve' };
  }
  return {
    args: ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts'), 'serve'],
    how: 'node --import tsx src/main.ts serve',
  };
}

const BUILD_DIR = path.join(PROJECT_ROOT, 'bench', '.build');

/**
 * The comparison servers run as plain JavaScript, so no loader sits on their hot path: each is one
 * self-contained file, transpiled here without type checks (the project's typecheck covers it).
 */
export function transpileServer(file: string): string {
  mkdirSync(BUILD_DIR, { recursive: true });
  const source = readFileSync(path.join(PROJECT_ROOT, 'bench', 'servers', file), 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const target = path.join(BUILD_DIR, file.replace(/\.ts$/, '.mjs'));
  writeFileSync(target, out.outputText);
  return target;
}

/** Starts a server process and waits until `readyPath` answers 200. */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  graphqlPath: string,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    // Each server as it runs in production (the Dockerfile sets the same): graphql-js, among
    // others, skips its development-time checks there.
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited during start-up (${child.exitCode}): ${stderr}`);
    const ok = await fetch(base + readyPath).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer ${readyPath} within 180 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name,
    pid: child.pid ?? -1,
    url: base + graphqlPath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
