// Brings statements up to date with their reports after a write or a removal: their relationships
// first, then their own properties (key, wording, counts, contested, denied). Three round trips
// whatever the number of statements: derive the relationships, read what the properties need,
// write them (derived in TypeScript, statements.ts).
import { combine } from '../db/queries/combine.js';
import * as q from '../db/queries/statements.js';
import type { Tx } from '../db/run.js';
import { deriveStatement, type StoredReport } from './statements.js';

export type StatementRef = { id: string; of: q.StatementLabel };

/** The statements refreshed, with the key each had before and has now. */
export interface Refreshed {
  keys: { from: string; to: string; of: q.StatementLabel }[];
}

/**
 * The derived relationships of these events and claims, rebuilt in one statement: each part of
 * deriveStatements for events, then for claims, in their order. One round trip instead of three.
 */
export function derivedLinks(events: string[], claims: string[]) {
  const [e, c] = [q.deriveStatements('Event', events), q.deriveStatements('Claim', claims)];
  return combine(e.flatMap((step, i) => [step, ...c.slice(i, i + 1)]));
}

export async function refreshStatements(tx: Tx, statements: readonly StatementRef[]): Promise<Refreshed> {
  const ids = (of: q.StatementLabel) => [...new Set(statements.filter((s) => s.of === of).map((s) => s.id))];
  const events = ids('Event');
  const claims = ids('Claim');
  if (events.length + claims.length === 0) return { keys: [] };
  await tx.run(derivedLinks(events, claims));
  const rows = await tx.run(q.statementInputs(events, claims));
  const derived = rows.map((r) => {
    // The shape statementInputs returns: report properties as stored, places with what they lie in.
    const places = r.places as unknown as { id: string; within: string[] }[];
    return deriveStatement({
      id: String(r.id),
      reports: r.reports as unknown as StoredReport[],
      disputedBy: Number(r.disputedBy),
      places: Object.fromEntries(places.map((p) => [p.id, p.within])),
    });
  });
  const rowsOf = (of: q.StatementLabel) =>
    derived.filter((d) => d.of === of).map(({ from, props }) => ({ from, props }));
  await tx.run(
    combine([q.setStatements('Event', rowsOf('Event')), q.setStatements('Claim', rowsOf('Claim'))]),
  );
  return { keys: derived.map((d) => ({ from: d.from, to: d.props.id, of: d.of })) };
}
