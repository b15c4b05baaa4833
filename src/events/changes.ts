// What the event bus carries: an article ingested, replaced or removed, with every statement
// (claim or event) that the write created, changed or removed (as the ingest reports them,
// ingest/changes.ts), and what subscribers filter on.
import type { StatementChange } from '../ingest/changes.js';

export type { ClaimChange, EventChange, StatementAction, StatementChange } from '../ingest/changes.js';

export type ArticleAction = 'CREATED' | 'REPLACED' | 'REMOVED';

export interface ArticleChange {
  articleKey: string;
  action: ArticleAction;
  /** When the change was committed (ISO 8601). */
  at: string;
  statements: StatementChange[];
  /** Bookmarks of the write, for reading it on any cluster member; absent when unknown. */
  bookmark?: string;
}
