// The files generated from code and committed: the GraphQL contract and the document format.
import path from 'node:path';
import { PROJECT_ROOT } from './config.js';
import { articleJsonSchema } from './ingest/document.js';
import { printSortedSchema } from './schema/index.js';

export const generatedFiles = () => [
  { file: path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), text: printSortedSchema() },
  { file: path.join(PROJECT_ROOT, 'schema', 'article.schema.json'), text: articleJsonSchema() },
];
