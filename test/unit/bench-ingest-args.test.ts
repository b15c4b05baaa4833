// The ingestion benchmark refuses bad options before it starts a database, saying which option
// was wrong and how to call it, without a stack trace.
import { describe, expect, it } from 'vitest';
import { runBenchScript, SCRIPT_STARTS as STARTS } from '../bench-script.js';

const run = (args: string[]) => runBenchScript('bench/ingest-rate.ts', args);

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
