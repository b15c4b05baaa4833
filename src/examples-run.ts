// Runs the GraphiQL example queries against a database and renders each with its answer, for
// the README and for anyone checking what the examples return.
import type { Database } from './db/run.js';
import { EXAMPLE_QUERIES } from './schema/examples.js';
import { createYogaServer } from './yoga.js';

export interface ExampleOperation {
  name: string;
  comment: string;
  text: string;
}

/** The named operations of the example document, each with the comment line above it. */
export function exampleOperations(): ExampleOperation[] {
  const blocks = EXAMPLE_QUERIES.split(/\n(?=# )/).slice(1);
  return blocks.map((block) => {
    const [comment = '', ...rest] = block.split('\n');
    const text = rest.join('\n').trim();
    return { name: /^query (\w+)/.exec(text)?.[1] ?? '', comment: comment.replace(/^#\s*/, ''), text };
  });
}

export async function runExample(db: Database, name: string): Promise<unknown> {
  const yoga = createYogaServer(db);
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName: name }),
  });
  return response.json();
}

export async function examplesMarkdown(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const op of exampleOperations()) {
    const answer = await runExample(db, op.name);
    parts.push(
      `#### ${op.comment}\n\n\`\`\`graphql\n${op.text}\n\`\`\`\n\n<details><summary>Answer</summary>\n\n\`\`\`json\n${JSON.stringify(answer, null, 2)}\n\`\`\`\n\n</details>\n`,
    );
  }
  return `${parts.join('\n')}`;
}
