// Data written by an older version that a newer one reads differently, brought up to date in
// batches. Each backfill first asks whether anything needs it (a scan that stops at the first
// case), so a database already up to date costs one read per start, and no marker is stored.
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { INVOLVEMENTS, type StatementLabel, setInvolvementKeys } from './statements.js';

export interface Backfill {
  id: string;
  /** Whether any data still needs the backfill. */
  needed: CypherQuery<{ needed: boolean }>;
  /** One batch of statements after key `after`, in key order: returns the last key done, or none. */
  batch: (after: string, size: number) => CypherQuery<{ last: string | null }>;
}

const involvementKeys = (label: StatementLabel) => (after: string, size: number) => ({
  cypher: `MATCH (s:${label}) WHERE s.id > $after
    WITH s ORDER BY s.id LIMIT $size
    ${setInvolvementKeys(label, 's')}
    RETURN max(s.id) AS last`,
  params: { after, size: int(size) },
});

const missingKeys = (label: StatementLabel) => ({
  cypher: `RETURN EXISTS { MATCH (:${label})-[r:${INVOLVEMENTS}]->(:Entity) WHERE r.statementKey IS NULL } AS needed`,
});

export const BACKFILLS: readonly Backfill[] = [
  { id: 'involvement-keys-claims', needed: missingKeys('Claim'), batch: involvementKeys('Claim') },
  { id: 'involvement-keys-events', needed: missingKeys('Event'), batch: involvementKeys('Event') },
];
