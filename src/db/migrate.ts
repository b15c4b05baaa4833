// Applies schema/neo4j/*.cypher in file order. Every statement is IF NOT EXISTS, so running it
// again changes nothing; it then waits until the indexes are online.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
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

export async function migrate(db: Database): Promise<number> {
  const statements = await readSchemaStatements();
  // Schema changes cannot share a transaction with each other's data, so one statement per transaction.
  for (const cypher of statements) await db.writeTx((tx) => tx.run({ cypher }));
  await db.readTx((tx) => tx.run({ cypher: 'CALL db.awaitIndexes(300)' }));
  return statements.length;
}
