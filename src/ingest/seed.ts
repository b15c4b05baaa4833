// The seed: every article document under seed/, ingested like any other.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import type { Database } from '../db/run.js';
import { type IngestReport, ingestDocument } from './ingest.js';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export async function seedFiles(): Promise<string[]> {
  return (await readdir(SEED_DIR))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(SEED_DIR, f));
}

export async function loadSeed(db: Database): Promise<IngestReport[]> {
  const reports: IngestReport[] = [];
  for (const file of await seedFiles()) {
    reports.push(await ingestDocument(db, JSON.parse(await readFile(file, 'utf8'))));
  }
  return reports;
}
