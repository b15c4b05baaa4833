// Runs a benchmark script as `npm run bench:…` would, with the TypeScript loader, and gives back
// how it ended and what it printed. Each run starts Node with the loader: seconds on a busy machine.
import { execFile } from 'node:child_process';
import { PROJECT_ROOT } from '../src/config.js';

/** How long a test that starts a script may take. */
export const SCRIPT_STARTS = 60_000;

export const runBenchScript = (file: string, args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', file, ...args],
      { cwd: PROJECT_ROOT },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
