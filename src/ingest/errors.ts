// The one error ingestion throws for a document it will not write: every problem, each with the
// JSON path where it lies.
import type { Problem } from './validate.js';

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(readonly problems: Problem[]) {
    super(
      `the article document has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  }
}
