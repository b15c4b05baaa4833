// The review of a document: every fact beside its quotes, and a clear error for a file that
// cannot be reviewed.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { FileError } from '../../src/ingest/read.js';
import { reviewFile } from '../../src/ingest/review.js';

const SEED = 'seed/000_c27a19544a1cdf98.json';

async function brokenCopy(change: (doc: any) => void): Promise<string> {
  const doc = JSON.parse(await readFile(SEED, 'utf8'));
  change(doc);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'review-')), 'broken.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('review of the seed', () => {
  it('prints each kind of fact in its own section, with its count', async () => {
    const text = await reviewFile(SEED);
    const doc = JSON.parse(await readFile(SEED, 'utf8'));
    expect(text).toContain(`== ENTITIES (${doc.entities.length}) ==`);
    expect(text).toContain(`== RELATIONS (${doc.relations.length}) ==`);
    expect(text).toContain(`== EVENTS (${doc.events.length}) ==`);
    expect(text).toContain(`== CLAIMS (${doc.claims.length}) ==`);
    expect(text).toMatch(/== CLAIM LINKS \(\d+\) ==/);
  });

  it('puts a claim beside its status, its attribution with the cue and quote, and its evidence', async () => {
    const text = await reviewFile(SEED);
    const block = text.slice(text.indexOf('claim:expected-arrival,'));
    expect(block.split('\n').slice(0, 11)).toEqual([
      'claim:expected-arrival, Assessment, EXPECTED (hedge "diperkirakan")',
      '    wording: Kim Jong-un diperkirakan akan tiba di Pyongyang, ibu kota Korea Utara, sekitar Senin sore.',
      '    time: 2023-09-18 (DAY, AFTERNOON, approximate) from "sekitar Senin sore"',
      '    SUBJECT: Kim Jong-un (person:kim-jong-un)',
      '    DESTINATION: Pyongyang (place:pyongyang)',
      '    about: event:arrival-pyongyang',
      '    attributed to:',
      '      Observers (group:observers), cue "mengatakan"',
      '        «Para pengamat mengatakan»  ¶5 [1177, 1201)',
      '    evidence:',
      '      «Kim Jong-un diperkirakan akan tiba di Pyongyang, ibu kota Korea Utara, sekitar Senin sore.»  ¶5 [1202, 1292)',
    ]);
  });

  it("puts an event beside its participants, with how one spoke, its reporter's manner and its evidence", async () => {
    const text = await reviewFile(SEED);
    const block = text.slice(text.indexOf('- Kim Jong-un talks with Russian residents on Russky Island'));
    expect(block.split('\n').slice(3, 12)).toEqual([
      '    part of: event:kim-visit-russia',
      '    SPEAKER: Kim Jong-un (person:kim-jong-un), manner THROUGH_INTERPRETER "melalui penerjemah"',
      '    PARTICIPANT: Russian residents (group:russian-residents)',
      '    ATTENDEE: High-ranking officials accompanying Kim Jong-un (group:accompanying-officials)',
      '    reported by:',
      '      Russian state media (group:russian-state-media), cue "merilis", manner RECORDED "merilis video"',
      '        «Media pemerintah Rusia merilis video»  ¶13 [3219, 3255)',
      '    evidence:',
      '      «Media pemerintah Rusia merilis video Kim Jong-un, didampingi sejumlah pejabat tinggi, berbicara dengan warga Rusia melalui penerjemah di kampus Universitas Federal Timur Jauh di Pulau Russky»  ¶13 [3219, 3409)',
    ]);
  });

  it('groups an entity’s mentions by surface form, with paragraph and offsets', async () => {
    const text = await reviewFile(SEED);
    expect(text).toContain('    mentioned as «Putin» ×1: ¶6 [1430, 1435)');
  });
});

describe('review of bad input', () => {
  it('names a missing file', async () => {
    await expect(reviewFile('no/such/file.json')).rejects.toThrow(
      new FileError('no/such/file.json: cannot read it: no such file'),
    );
  });

  it('lists every problem of an invalid document with its path', async () => {
    const file = await brokenCopy((doc) => {
      doc.claims[0].evidence[0].start += 1;
      doc.events[0].location = 'place:nowhere';
    });
    const error = await reviewFile(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'IngestError' });
    const paths = (error as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(['$.claims[0].evidence[0]', '$.events[0].location']);
  });

  it('from the command line: exit status 1 and the problems on standard error', async () => {
    const file = await brokenCopy((doc) => {
      doc.claims[0].status = 'MAYBE';
    });
    const run = await new Promise<{ code: number; stderr: string; stdout: string }>((resolve) => {
      execFile(
        'npx',
        ['tsx', 'src/main.ts', 'review', file],
        { cwd: PROJECT_ROOT },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain(`${file}: 1 problem(s); nothing to review`);
    expect(run.stderr).toContain('  $.claims[0].status: Invalid option');
  }, 30_000);
});
