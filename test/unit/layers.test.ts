// Imports point down: each file under src/ may import only from its own layer or the layers
// below it (docs/ARCHITECTURE.md draws them), and modules of one layer do not import each other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Bottom first. A module is a top-level file or folder of src/, named without `.ts`. */
const LAYERS: string[][] = [
  ['vocabulary', 'dates', 'json-bounds', 'errors', 'config'],
  ['observability'],
  ['db'],
  ['graph', 'ingest', 'export', 'http', 'graphiql', 'explorer'],
  ['events'],
  ['context'],
  ['schema'],
  ['yoga'],
  ['server', 'generated', 'examples-run'],
  ['main'],
];

const layerOf = new Map(LAYERS.flatMap((modules, rank) => modules.map((m) => [m, rank] as const)));

/** The module a path under src/ belongs to: `db/queries/rows.ts` → `db`, `errors.ts` → `errors`. */
const moduleOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]?.replace(/\.ts$/, '') ?? '';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The project files a file imports (static, side-effect and dynamic imports and re-exports). */
function projectImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name.replace(/\.js$/, '.ts')));
}

const files = sourceFiles(SRC);
const edges = files.flatMap((from) => projectImports(from).map((to) => ({ from, to })));
const show = ({ from, to }: { from: string; to: string }) =>
  `${path.relative(SRC, from)} imports ${path.relative(SRC, to)}`;

describe('import layers', () => {
  it('place every module of src/', () => {
    expect([...new Set(files.map(moduleOf))].filter((m) => !layerOf.has(m))).toEqual([]);
  });

  it('are read from real imports', () => {
    // A parser that found nothing would make every other test here pass.
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.map(show)).toContain('schema/index.ts imports schema/builder.ts');
  });

  it('point down, never up', () => {
    const upward = edges.filter(
      ({ from, to }) => (layerOf.get(moduleOf(to)) ?? 0) > (layerOf.get(moduleOf(from)) ?? 0),
    );
    expect(upward.map(show)).toEqual([]);
  });

  it('keep the modules of one layer apart', () => {
    const sideways = edges.filter(({ from, to }) => {
      const [a, b] = [moduleOf(from), moduleOf(to)];
      return a !== b && layerOf.get(a) === layerOf.get(b);
    });
    expect(sideways.map(show)).toEqual([]);
  });

  it('leave the browser app of the explorer on its own', () => {
    const app = path.join(SRC, 'explorer', 'app');
    const out = edges.filter(({ from, to }) => from.startsWith(app) && !to.startsWith(app));
    expect(out.map(show)).toEqual([]);
  });

  it('keep the vocabulary free of the project', () => {
    const vocabulary = path.join(SRC, 'vocabulary.ts');
    expect(edges.filter(({ from }) => from === vocabulary).map(show)).toEqual([]);
  });
});
