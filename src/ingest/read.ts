// Reads an article document named on the command line: the file, its JSON, its depth. Every
// failure names the file and what was wrong with it.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { depthProblem, tooDeep } from '../json-bounds.js';
import { IngestError } from './errors.js';

/** A file named on the command line that cannot be read: one line, no usage text. */
export class FileError extends Error {
  override name = 'FileError';
}

export async function readDocumentFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // Node's file errors carry a code; anything else is reported by its message.
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message ?? error);
    throw new FileError(`${file}: cannot read it: ${why}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new IngestError([{ path: '$', message: `${file} is not valid JSON: ${(error as Error).message}` }]);
  }
  const deep = tooDeep(value);
  if (deep) throw new IngestError([{ path: '$', message: `${file} is ${depthProblem(deep)}` }]);
  return value;
}

/**
 * The files named on the command line, each folder replaced by its `.json` files in name order
 * (a folder holds too many articles to name them one by one). A name that is neither is kept, for
 * readDocumentFile to say what is wrong with it.
 */
export async function documentFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const isFolder = await stat(arg).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder) {
      files.push(arg);
      continue;
    }
    const names = (await readdir(arg)).filter((f) => f.endsWith('.json')).sort();
    if (names.length === 0) throw new FileError(`${arg}: the folder holds no .json file`);
    files.push(...names.map((f) => path.join(arg, f)));
  }
  return files;
}
