// Every query GraphiQL opens with answers from the seed, and the README shows what it answers.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { exampleOperations, runExample } from '../../src/examples-run.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

/** Relevance scores are Lucene's floating-point arithmetic; the rest must match exactly. */
const withoutScores = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === 'score' ? undefined : v)));

describe('example queries', () => {
  for (const op of exampleOperations()) {
    it(`${op.name} answers with data and no errors, as the README shows`, async () => {
      const answer = (await runExample(graph.db, op.name)) as { data?: unknown; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      expect(JSON.stringify(answer.data)).not.toMatch(/^\{"\w+":(null|\[\])\}$/);

      const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf(`query ${op.name} `));
      const shown = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
      expect(shown, `README shows ${op.name} with its answer`).toBeDefined();
      expect(withoutScores(JSON.parse(shown as string))).toEqual(withoutScores(answer));
    });
  }
});
