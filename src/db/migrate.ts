// Applies schema/neo4j/*.cypher in file order. Every statement is IF NOT EXISTS, so running it
// again changes nothing; it then waits until the indexes are online.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { RETIRED_CLAIM_LINK } from '../vocabulary.js';
import { BACKFILLS, retiredClaimLinks } from './queries/backfills.js';
import type { Database } from './run.js';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema', 'neo4j');

export async function readSchemaStatements(dir = SCHEMA_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  const statements: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const code = text
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    statements.push(
      ...code
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  return statements;
}

/** What start-up found that an operator has to act on: one line each, for the log and /ready. */
export interface Migration {
  statements: number;
  warnings: string[];
}

export async function migrate(db: Database): Promise<Migration> {
  const statements = await readSchemaStatements();
  // Schema changes cannot share a transaction with each other's data, so one statement per transaction.
  for (const cypher of statements) await db.writeTx((tx) => tx.run({ cypher }));
  await db.readTx((tx) => tx.run({ cypher: 'CALL db.awaitIndexes(300)' }));
  await runBackfills(db);
  return { statements: statements.length, warnings: await dataWarnings(db) };
}

/** Data an older version wrote that no backfill can bring up to date, because a person must decide. */
async function dataWarnings(db: Database): Promise<string[]> {
  const [retired] = await db.read(retiredClaimLinks);
  const articles = retired?.articles ?? [];
  const links = Number(retired?.links ?? 0);
  if (links === 0 && articles.length === 0) return [];
  return [
    `${links} claim link(s) are the retired ${RETIRED_CLAIM_LINK} ("disputes or condemns"); ` +
      'the deprecated contradicts and contradictedBy fields still return them, disputes, condemns and denials do not. ' +
      `Ingest again, with each link as DISPUTES (denies it is true) or CONDEMNS (holds it wrong or unlawful), ` +
      `the article(s): ${articles.length > 0 ? articles.join(', ') : '(none recorded)'}`,
  ];
}

/** Batches small enough that a large graph's backfill never holds one huge transaction. */
const BACKFILL_BATCH = 2_000;

/** Runs each backfill that some data still needs, batch by batch. */
async function runBackfills(db: Database): Promise<void> {
  for (const backfill of BACKFILLS) {
    const [state] = await db.read(backfill.needed);
    if (!state?.needed) continue;
    let after = '';
    for (;;) {
      const [row] = await db.writeTx((tx) => tx.run(backfill.batch(after, BACKFILL_BATCH)));
      if (!row?.last) break;
      after = row.last;
    }
  }
}
