// Ingestion rate: articles per second for N generated articles written after a base of M, on an
// embedded Neo4j. The base is ingested once into --base DIR and kept; each run copies it to a
// fresh folder (--work DIR) and times the next N articles there, so runs are comparable.
//   npm run bench:ingest -- --base-articles 1000 --articles 200 [--warmup 30] [--batch 25] [--base .data/ingest-base-1000] [--statements]
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';
import type { QueryStats } from '../src/db/run.js';
import { INGEST_BATCH } from '../src/ingest/ingest.js';
import { prepareWrites } from '../src/ingest/prepared.js';
import { CorpusGenerator, DEFAULT_OPTIONS } from './generate.js';
import { cpuMs } from './proc.js';
import { corpusMarkerFile, ensureCorpus, graphSize, log, startDatabase } from './setup.js';

const USAGE = `npm run bench:ingest -- [options]

Times the ingestion of generated articles written after a base of others, on an embedded Neo4j.

  --base-articles N  generated articles in the base, ingested once and kept (default 1000)
  --articles N       articles timed after it (default 200)
  --warmup N         articles written first, untimed (default 30)
  --batch N          articles to a transaction (default ${INGEST_BATCH})
  --base DIR         where the base is kept (default .data/ingest-base-N)
  --work DIR         where each run copies it and writes (default DIR-run)
  --heap SIZE        Neo4j's heap (default 2g)
  --page-cache SIZE  Neo4j's page cache (default 2g)
  --statements       also print where the timed articles' time went, statement by statement
  --help             this text`;

class UsageError extends Error {}

/** A statement's text as a short name: its first clause, past the subqueries that wrap it. */
const statementName = (cypher: string) =>
  cypher
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^(CALL \(\) \{ )+/, '')
    .slice(0, 72);

/** Time spent per statement, summed by name, for --statements. */
class StatementTimes {
  private readonly byName = new Map<string, { count: number; ms: number; neo4jMs: number }>();
  readonly stats: QueryStats = {
    statements: 0,
    timed: (cypher, ms, neo4jMs) => {
      const name = statementName(cypher);
      const sum = this.byName.get(name) ?? { count: 0, ms: 0, neo4jMs: 0 };
      sum.count += 1;
      sum.ms += ms;
      sum.neo4jMs += neo4jMs;
      this.byName.set(name, sum);
    },
  };

  /** Per article: each statement's time here and in Neo4j, and what the statements leave over. */
  table(articles: number, wallMs: number): string {
    const per = (x: number) => (x / articles).toFixed(2);
    const rows = [...this.byName].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((sum, [, s]) => sum + s.ms, 0);
    return [
      '| statement (its first clause) | per article | ms per article, sent to rows | of which Neo4j reports |',
      '|---|---|---|---|',
      ...rows.map(([name, s]) => `| \`${name}\` | ${per(s.count)} | ${per(s.ms)} | ${per(s.neo4jMs)} |`),
      `| all statements | ${per(this.stats.statements)} | ${per(total)} | ${per(rows.reduce((sum, [, s]) => sum + s.neo4jMs, 0))} |`,
      `| between statements: the service's own work, commits | | ${per(wallMs - total)} | |`,
    ].join('\n');
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      'base-articles': { type: 'string', default: '1000' },
      articles: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '30' },
      batch: { type: 'string', default: String(INGEST_BATCH) },
      base: { type: 'string' },
      work: { type: 'string' },
      heap: { type: 'string', default: '2g' },
      'page-cache': { type: 'string', default: '2g' },
      statements: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const base = Number(values['base-articles']);
  const n = Number(values.articles);
  const warmup = Number(values.warmup);
  const batch = Number(values.batch);
  const whole = (name: 'base-articles' | 'articles' | 'warmup' | 'batch', value: number, least: number) => {
    if (!Number.isInteger(value) || value < least)
      throw new UsageError(`--${name} must be a whole number ≥ ${least} (got ${values[name]})`);
  };
  whole('base-articles', base, 0);
  whole('articles', n, 1);
  whole('warmup', warmup, 0);
  whole('batch', batch, 1);
  const baseDir = path.resolve(PROJECT_ROOT, values.base ?? `.data/ingest-base-${base}`);
  const workDir = path.resolve(PROJECT_ROOT, values.work ?? `${baseDir}-run`);
  const sizing = { heap: values.heap, pageCache: values['page-cache'] };
  const generator = new CorpusGenerator(DEFAULT_OPTIONS);
  if (!existsSync(corpusMarkerFile(baseDir)) || base === 0) {
    const db = await startDatabase(baseDir, sizing);
    try {
      await ensureCorpus(db.db, baseDir, base, generator);
    } finally {
      await db.close();
    }
  }
  rmSync(workDir, { recursive: true, force: true });
  cpSync(baseDir, workDir, { recursive: true });
  const db = await startDatabase(workDir, sizing);
  try {
    // Planning the write path and a cold page cache make the first articles after a start slow:
    // they are written first, unmeasured.
    await prepareWrites(db.db);
    if (warmup > 0) await ensureCorpus(db.db, workDir, base + warmup, generator, batch);
    // The CPU each side spends per article is steadier from run to run than the rate.
    const cpu = { java: cpuMs(db.neo4j.pid), node: cpuMs(process.pid) };
    const timing = new StatementTimes();
    const measured = values.statements ? db.db.counting(timing.stats) : db.db;
    const figures = await ensureCorpus(measured, workDir, base + warmup + n, generator, batch);
    const perArticle = (now: number, then: number) => ((now - then) / n).toFixed(1);
    const spent = `Neo4j ${perArticle(cpuMs(db.neo4j.pid), cpu.java)} and this process ${perArticle(cpuMs(process.pid), cpu.node)} CPU ms per article`;
    const size = await graphSize(db.db);
    if (figures)
      console.log(
        `ingested articles ${base + warmup}..${base + warmup + n - 1} (after ${base} + ${warmup} unmeasured): ${figures.articles} in ${figures.seconds.toFixed(1)} s = ${figures.perSecond.toFixed(1)} articles/s, ${batch} to a transaction; ${spent}`,
      );
    if (figures && values.statements) console.log(timing.table(n, figures.seconds * 1000));
    console.log(`graph: ${JSON.stringify(size)}`);
  } finally {
    await db.close();
  }
  log(`(the graph stays in ${workDir})`);
}

main().catch((error: unknown) => {
  // parseArgs refuses an unknown option with a TypeError whose code names it.
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(
    `error: ${error instanceof Error ? (usage ? error.message : (error.stack ?? error.message)) : String(error)}`,
  );
  if (usage) console.error(USAGE);
  process.exit(1);
});
