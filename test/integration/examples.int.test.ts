// Every query GraphiQL opens with answers from the seed, without errors and with data.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/schema/examples.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

describe('example queries', () => {
  const names = [...EXAMPLE_QUERIES.matchAll(/^query (\w+)/gm)].map((m) => m[1] as string);
  for (const name of names) {
    it(`${name} answers without errors`, async () => {
      const res = await graph.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName: name }),
      });
      const body = await res.json();
      expect(body.errors).toBeUndefined();
      expect(JSON.stringify(body.data)).not.toMatch(/^\{"\w+":(null|\[\])\}$/);
    });
  }
});
