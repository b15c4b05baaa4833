// What a write did to statements (claims and events): each one created, changed or removed, with
// its kind, status, sources and participants, from the summaries read after (and, for removed
// ones, before) the write. The event bus carries them to subscribers (events/changes.ts).
import type { StatementSummaryRow } from '../db/queries/changes.js';
import type { ClaimKind, ClaimStatus, EventStatus } from '../vocabulary.js';

export type StatementAction = 'CREATED' | 'CHANGED' | 'REMOVED';

interface ChangeFields {
  key: string;
  action: StatementAction;
  /** How many articles report it (after the change; before it, for a removed statement). */
  sourceCount: number;
  /** Keys of the entities that take part in it. */
  participants: string[];
}

export type ClaimChange = ChangeFields & { of: 'Claim'; kind: ClaimKind; status: ClaimStatus };
/** An event's kind is free text ("Visit", "Ceremony"). */
export type EventChange = ChangeFields & { of: 'Event'; kind: string; status: EventStatus };
export type StatementChange = ClaimChange | EventChange;

/** Statement changes from the summaries read after (and, for removed ones, before) a write. */
export function statementChanges(
  keys: { created: string[]; changed: string[]; removed: string[] },
  after: StatementSummaryRow[],
  before: StatementSummaryRow[],
): StatementChange[] {
  const now = new Map(after.map((s) => [s.key, s]));
  const was = new Map(before.map((s) => [s.key, s]));
  // Spread, the row keeps its kind and status paired with what it is (a claim or an event).
  const change = (
    key: string,
    action: StatementAction,
    row: StatementSummaryRow | undefined,
  ): StatementChange[] =>
    row
      ? [{ ...row, key, action, sourceCount: Number(row.sourceCount), participants: [...row.participants] }]
      : [];
  return [
    ...keys.created.flatMap((k) => change(k, 'CREATED', now.get(k))),
    ...keys.changed.flatMap((k) => change(k, 'CHANGED', now.get(k))),
    ...keys.removed.flatMap((k) => change(k, 'REMOVED', was.get(k))),
  ];
}
