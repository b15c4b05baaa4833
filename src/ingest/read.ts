// Reads an article document named on the command line: the file, its JSON, its depth. Every
// failure names the file and what was wrong with it.
import { readFile } from 'node:fs/promises';
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
