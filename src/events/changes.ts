// What the event bus carries: an article ingested, replaced or removed, with every statement
// (claim or event) that the write created, changed or removed, and what subscribers filter on.
import type { StatementSummaryRow } from '../db/queries/changes.js';

export type ArticleAction = 'CREATED' | 'REPLACED' | 'REMOVED';
export type StatementAction = 'CREATED' | 'CHANGED' | 'REMOVED';

export interface StatementChange {
  key: string;
  of: 'Event' | 'Claim';
  action: StatementAction;
  kind: string;
  status: string;
  /** How many articles report it (after the change; before it, for a removed statement). */
  sourceCount: number;
  /** Keys of the entities that take part in it. */
  participants: string[];
}

export interface ArticleChange {
  articleKey: string;
  action: ArticleAction;
  /** When the change was committed (ISO 8601). */
  at: string;
  statements: StatementChange[];
  /** Bookmarks of the write, for reading it on any cluster member; absent when unknown. */
  bookmark?: string;
}

/** Statement changes from the summaries read after (and, for removed ones, before) a write. */
export function statementChanges(
  keys: { created: string[]; changed: string[]; removed: string[] },
  after: StatementSummaryRow[],
  before: StatementSummaryRow[],
): StatementChange[] {
  const now = new Map(after.map((s) => [s.key, s]));
  const was = new Map(before.map((s) => [s.key, s]));
  const change = (key: string, action: StatementAction, row: StatementSummaryRow | undefined) =>
    row
      ? [
          {
            key,
            of: row.of,
            action,
            kind: row.kind,
            status: row.status,
            sourceCount: Number(row.sourceCount),
            participants: [...row.participants],
          },
        ]
      : [];
  return [
    ...keys.created.flatMap((k) => change(k, 'CREATED', now.get(k))),
    ...keys.changed.flatMap((k) => change(k, 'CHANGED', now.get(k))),
    ...keys.removed.flatMap((k) => change(k, 'REMOVED', was.get(k))),
  ];
}
