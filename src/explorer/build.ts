// Builds the explorer page into dist/www/explorer, apart from the compiled server in dist/: the
// browser code bundled with its graph-drawing library by esbuild, next to the page and its
// styles. Only dist/www/explorer is replaced. Run by `npm run build` and by the browser tests.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../config.js';

export const EXPLORER_SOURCE = path.join(PROJECT_ROOT, 'src', 'explorer', 'app');
export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'dist', 'www', 'explorer');

/** The files the page is made of, as the server serves them. */
export const EXPLORER_FILES = ['index.html', 'explorer.js', 'explorer.css'] as const;

export async function buildExplorer(outDir = EXPLORER_DIST): Promise<void> {
  // Imported here, not at the top: esbuild is a dev dependency, and the server imports this file.
  const { build } = await import('esbuild');
  const result = await build({
    write: false,
    entryPoints: [path.join(EXPLORER_SOURCE, 'main.ts')],
    outfile: path.join(outDir, 'explorer.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    tsconfig: path.join(EXPLORER_SOURCE, 'tsconfig.json'),
  });
  // The old page is replaced only once the new bundle exists.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const file of result.outputFiles) await writeFile(file.path, file.contents);
  await copyFile(path.join(EXPLORER_SOURCE, 'index.html'), path.join(outDir, 'index.html'));
  await copyFile(path.join(EXPLORER_SOURCE, 'explorer.css'), path.join(outDir, 'explorer.css'));
}

const isMissingModule = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' ||
  /Could not resolve "(cytoscape|cytoscape-fcose)"/.test(String((error as Error).message));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --if-possible (before npm start): an install without dev dependencies cannot bundle; the
  // service still starts, and /explore says the page is not built.
  const ifPossible = process.argv.includes('--if-possible');
  const started = Date.now();
  buildExplorer().then(
    () =>
      console.error(
        `explorer built into ${path.relative(PROJECT_ROOT, EXPLORER_DIST)} in ${Date.now() - started} ms`,
      ),
    (error: unknown) => {
      if (ifPossible && isMissingModule(error)) {
        console.error(
          'explorer not built: its build tools are dev dependencies (npm install without --omit=dev)',
        );
        return;
      }
      console.error(
        `error: the explorer did not build: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
