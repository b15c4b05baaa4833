// What subscribers are told about statements an ingestion or a removal touched: kind, status,
// sources and participants, read by key (after a write) or by article (before a removal).
import type { ClaimKind, ClaimStatus, EventStatus } from '../../vocabulary.js';
import type { CypherQuery } from '../run.js';

interface SummaryFields {
  key: string;
  sourceCount: number;
  participants: string[];
}

/** A claim's kind and status are from the vocabulary; an event's kind is free text. */
export type StatementSummaryRow =
  | (SummaryFields & { of: 'Claim'; kind: ClaimKind; status: ClaimStatus })
  | (SummaryFields & { of: 'Event'; kind: string; status: EventStatus });

const SUMMARY = `s.id AS key, CASE WHEN s:Event THEN 'Event' ELSE 'Claim' END AS of, s.kind AS kind,
    s.status AS status, coalesce(s.sourceCount, 1) AS sourceCount,
    COLLECT { MATCH (s)-[:PARTICIPANT]->(e:Entity) RETURN DISTINCT e.id ORDER BY e.id } AS participants`;

/** The statements with these keys, as they are now. */
export const statementSummaries = (keys: string[]): CypherQuery<StatementSummaryRow> => ({
  cypher: `UNWIND $keys AS key
    CALL (key) {
      MATCH (s:Event {id: key}) RETURN s
      UNION MATCH (s:Claim {id: key}) RETURN s
    }
    RETURN DISTINCT ${SUMMARY}`,
  params: { keys },
});

/** The statements an article reports, as they are before it goes. */
export const articleStatementSummaries = (articleId: string): CypherQuery<StatementSummaryRow> => ({
  cypher: `MATCH (:Article {id: $id})<-[:IN_ARTICLE]-(:Report)-[:REPORTS]->(s)
    WITH DISTINCT s
    RETURN ${SUMMARY}`,
  params: { id: articleId },
});
