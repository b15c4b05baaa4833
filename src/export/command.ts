// `npm run export -- --format jsonld|csv|graphml [--article KEY | --entity KEY [--depth N]] [--out PATH]`:
// the arguments and the output are checked before the database opens; files are written under a
// temporary name and renamed when complete, so a failed export leaves nothing half-written.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../db/run.js';
import { batched, type ExportFormat, exportText, parseFormat } from './formats.js';
import { ExportInputError, parseDepth, resolveScope, type Scope } from './read.js';

export interface ExportRequest {
  format: ExportFormat;
  scope: Scope;
  out: string | null;
}

export function parseExportArgs(args: string[]): ExportRequest {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        article: { type: 'string' },
        entity: { type: 'string' },
        depth: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new ExportInputError('BAD_ARGUMENT', (error as Error).message.split('\n')[0] ?? String(error));
  }
  const format = parseFormat(values.format);
  if (values.article !== undefined && values.entity !== undefined)
    throw new ExportInputError('BAD_ARGUMENT', 'give --article or --entity, not both');
  if (values.depth !== undefined && values.entity === undefined)
    throw new ExportInputError('BAD_ARGUMENT', '--depth goes with --entity');
  for (const name of ['article', 'entity', 'out'] as const) {
    if (values[name] === '') throw new ExportInputError('BAD_ARGUMENT', `--${name} needs a value`);
  }
  const scope: Scope =
    values.article !== undefined
      ? { kind: 'article', key: values.article }
      : values.entity !== undefined
        ? { kind: 'entity', key: values.entity, depth: parseDepth(values.depth) }
        : { kind: 'graph' };
  if (format === 'csv' && values.out === undefined)
    throw new ExportInputError(
      'BAD_ARGUMENT',
      '--format csv writes nodes.csv and edges.csv: name their folder with --out',
    );
  return { format, scope, out: values.out ?? null };
}

const why = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such folder'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOTDIR'
          ? 'a part of the path is a file'
          : code === 'EEXIST'
            ? 'it is a file'
            : ((error as Error).message ?? String(error));
};

interface Target {
  /** Where each part is written while the export runs, and where it goes when complete. */
  files: { part: 'nodes' | 'edges'; partial: string; final: string }[];
}

/** Creates the output's temporary files now, so an unwritable --out fails before any work. */
async function prepare(request: ExportRequest): Promise<Target | null> {
  if (request.out === null) return null;
  const out = path.resolve(request.out);
  const suffix = `.partial-${process.pid}`;
  let files: Target['files'];
  if (request.format === 'csv') {
    try {
      await mkdir(out, { recursive: true });
    } catch (error) {
      throw new ExportInputError('BAD_ARGUMENT', `cannot write to --out ${request.out}: ${why(error)}`);
    }
    files = (['nodes', 'edges'] as const).map((part) => {
      const final = path.join(out, `${part}.csv`);
      return { part, partial: `${final}${suffix}`, final };
    });
  } else {
    const isFolder = await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isFolder)
      throw new ExportInputError('BAD_ARGUMENT', `cannot write to --out ${request.out}: it is a folder`);
    files = [{ part: 'nodes', partial: `${out}${suffix}`, final: out }];
  }
  for (const f of files) {
    try {
      const stream = createWriteStream(f.partial, { flags: 'wx' });
      await once(stream, 'open');
      stream.close();
    } catch (error) {
      await discard({ files });
      throw new ExportInputError('BAD_ARGUMENT', `cannot write to --out ${request.out}: ${why(error)}`);
    }
  }
  return { files };
}

async function discard(target: Target) {
  await Promise.all(target.files.map((f) => rm(f.partial, { force: true })));
}

async function writeTo(chunks: AsyncIterable<string>, stream: NodeJS.WritableStream): Promise<void> {
  for await (const chunk of batched(chunks)) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/** Runs an export; `open` gives the database (opened only once the arguments are known good). */
export async function runExport(
  request: ExportRequest,
  open: <T>(work: (db: Database) => Promise<T>) => Promise<T>,
  say: (line: string) => void,
): Promise<void> {
  const target = await prepare(request);
  try {
    await open(async (db) => {
      const resolved = await resolveScope(db, request.scope);
      if (!target) {
        await writeTo(exportText(db, resolved, request.format), process.stdout);
        return;
      }
      for (const f of target.files) {
        const stream = createWriteStream(f.partial);
        await writeTo(exportText(db, resolved, request.format, f.part), stream);
        stream.end();
        await once(stream, 'finish');
      }
      for (const f of target.files) await rename(f.partial, f.final);
      say(`wrote ${target.files.map((f) => path.relative(process.cwd(), f.final) || f.final).join(' and ')}`);
    });
  } catch (error) {
    if (target) await discard(target);
    throw error;
  }
}
