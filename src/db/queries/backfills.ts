// Data written by an older version that a newer one reads differently, brought up to date in
// batches. Each backfill first asks whether anything needs it (a scan that stops at the first
// case), so a database already up to date costs one read per start, and no marker is stored.
import { RETIRED_CLAIM_LINK } from '../../vocabulary.js';
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

/**
 * Relationships to entities without every involvement key. The kind is the newest key, so one
 * without it lacks the kind alone (written before the kind was kept) or every key (written before
 * there were keys): one check finds both, and one backfill sets them all.
 */
const missingKeys = (label: StatementLabel) => ({
  cypher: `RETURN EXISTS { MATCH (:${label})-[r:${INVOLVEMENTS}]->(:Entity) WHERE r.statementKind IS NULL } AS needed`,
});

/**
 * The values of a flat JSON map of strings, in Cypher (which cannot parse JSON): split between
 * entries and after each key. Exact for texts whose only escapes are quotes; close enough for
 * search otherwise, and the event's next write sets the exact text (see eventSearchText).
 */
const jsonValues = (j: string) =>
  `CASE WHEN ${j} IS NULL OR size(${j}) < 7 THEN [] ELSE
    [x IN split(substring(${j}, 2, size(${j}) - 4), '","') | replace(split(x, '":"')[1], '\\\\"', '"')] END`;

const eventSearchText = (after: string, size: number) => ({
  cypher: `MATCH (s:Event) WHERE s.id > $after
    WITH s ORDER BY s.id LIMIT $size
    WITH s, ${jsonValues('s.labelJson')} + ${jsonValues('s.summaryJson')} AS texts
    SET s.searchText = reduce(t = '', x IN [v IN texts WHERE v IS NOT NULL] | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + x)
    RETURN max(s.id) AS last`,
  params: { after, size: int(size) },
});

export const BACKFILLS: readonly Backfill[] = [
  { id: 'involvement-keys-claims', needed: missingKeys('Claim'), batch: involvementKeys('Claim') },
  { id: 'involvement-keys-events', needed: missingKeys('Event'), batch: involvementKeys('Event') },
  {
    id: 'event-search-text',
    needed: { cypher: 'RETURN EXISTS { MATCH (s:Event) WHERE s.searchText IS NULL } AS needed' },
    batch: eventSearchText,
  },
];

/**
 * Claim links stored as the retired CONTRADICTS, and the articles that state them. No backfill can
 * turn them into DISPUTES or CONDEMNS: which one the article meant decides whether the other claim
 * counts as denied, so a person must choose and ingest the article again. The links come from the
 * articles' references (and the links' own article lists, for links whose references are gone).
 */
export const retiredClaimLinks: CypherQuery<{ links: number; articles: string[] }> = {
  cypher: `CALL () {
      MATCH (:Claim)-[x:${RETIRED_CLAIM_LINK}]->(:Claim)
      RETURN count(x) AS links, reduce(all = [], a IN collect(coalesce(x.articles, [])) | all + a) AS linked
    }
    CALL () {
      MATCH (r:Report)-[:REFERS]->(:Reference {type: '${RETIRED_CLAIM_LINK}'})
      RETURN collect(r.article) AS referring
    }
    RETURN links, COLLECT { UNWIND linked + referring AS a RETURN DISTINCT a ORDER BY a } AS articles`,
};
