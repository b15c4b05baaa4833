// The ingestion benchmark refuses bad options before it starts a database, saying which option
// was wrong and how to call it, without a stack trace.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

// Each case starts Node with the TypeScript loader: seconds on a busy machine.
const STARTS = 60_000;

const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'bench/ingest-rate.ts', ...args],
      { cwd: PROJECT_ROOT },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

describe('npm run bench:ingest options', () => {
  it(
    'prints its options with --help and starts nothing',
    async () => {
      const out = await run(['--help']);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('--base-articles N');
      expect(out.stderr).not.toContain('Neo4j');
    },
    STARTS,
  );

  it.each([
    [['--warmup', 'x'], '--warmup must be a whole number ≥ 0 (got x)'],
    [['--batch', '0'], '--batch must be a whole number ≥ 1 (got 0)'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])(
    'refuses %j with what was wrong and the usage',
    async (args, message) => {
      const out = await run(args);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain(`error: ${message}`);
      expect(out.stderr).toContain('npm run bench:ingest -- [options]');
      expect(out.stderr).not.toMatch(/\n\s+at /);
    },
    STARTS,
  );
});
