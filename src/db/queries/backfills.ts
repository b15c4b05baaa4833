// Data written by an older version that a newer one reads differently, brought up to date once per
// database, in batches. Each backfill is marked done by a (:Migration {id}) node, so later starts
// skip it with one lookup.

import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { type StatementLabel, setInvolvementKeys } from './statements.js';

export interface Backfill {
  id: string;
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

export const BACKFILLS: readonly Backfill[] = [
  { id: 'involvement-keys-claims', batch: involvementKeys('Claim') },
  { id: 'involvement-keys-events', batch: involvementKeys('Event') },
];

export const backfillDone = (id: string): CypherQuery<{ done: boolean }> => ({
  cypher: 'RETURN EXISTS { MATCH (:Migration {id: $id}) } AS done',
  params: { id },
});

export const markBackfillDone = (id: string): CypherQuery => ({
  cypher: 'MERGE (m:Migration {id: $id}) SET m.at = datetime()',
  params: { id },
});
