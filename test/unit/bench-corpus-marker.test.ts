// A benchmark data folder records which corpus it holds; a run adds to it only articles of the same
// corpus (generator version, seed and pool), so two corpora are never mixed in one graph.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator, GENERATOR_VERSION } from '../../bench/generate.js';
import { readCorpusMarker } from '../../bench/setup.js';

const generator = new CorpusGenerator({ seed: 1, poolSize: 5_000 });

const folderWith = (marker: object | null) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-marker-'));
  if (marker) writeFileSync(path.join(dir, 'bench-corpus.json'), JSON.stringify(marker));
  return dir;
};

describe('a benchmark data folder’s corpus', () => {
  it('starts empty, of this generator, in a new folder', () => {
    expect(readCorpusMarker(folderWith(null), generator, 10)).toEqual({
      generator: GENERATOR_VERSION,
      seed: 1,
      poolSize: 5_000,
      ingested: 0,
    });
  });

  it('is resumed when this generator, seed and pool wrote it', () => {
    const marker = { generator: GENERATOR_VERSION, seed: 1, poolSize: 5_000, ingested: 7 };
    expect(readCorpusMarker(folderWith(marker), generator, 10)).toEqual(marker);
  });

  it('is refused, saying which version, when an older generator wrote it', () => {
    const dir = folderWith({ seed: 1, poolSize: 5_000, ingested: 7 });
    expect(() => readCorpusMarker(dir, generator, 10)).toThrow(
      `${dir} holds a corpus of generator version 1, and this generator writes version ${GENERATOR_VERSION}`,
    );
  });

  it('is refused when another seed wrote it, or it holds more articles than asked for', () => {
    const other = folderWith({ generator: GENERATOR_VERSION, seed: 2, poolSize: 5_000, ingested: 7 });
    expect(() => readCorpusMarker(other, generator, 10)).toThrow('holds a corpus of seed 2 and pool 5000');
    const more = folderWith({ generator: GENERATOR_VERSION, seed: 1, poolSize: 5_000, ingested: 70 });
    expect(() => readCorpusMarker(more, generator, 10)).toThrow('already holds 70 generated articles');
  });
});
