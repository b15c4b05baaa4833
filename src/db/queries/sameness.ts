// The Cypher of deciding which statement a report belongs to: the statements a document names by
// key, candidates for the others (read from the involvement index, a bounded seek per participant),
// joining a report to a statement, and splitting one back out.
import type { CypherQuery } from '../run.js';
import { relationSources } from './ingest.js';
import { placesWithin, RELEASE_KEY, type StatementLabel } from './statements.js';

/** A statement as a report of it refers to it: its key, label, kind and the articles reporting it. */
export type TargetRow = {
  key: string;
  statement: string;
  of: StatementLabel;
  kind: string;
  articles: string[];
};

/** The statements that the given report keys (any report of them, not only the first) belong to. */
export const statementsOfReports = (keys: string[]): CypherQuery<TargetRow> => ({
  cypher: `UNWIND $keys AS key
    MATCH (:Report {id: key})-[:REPORTS]->(s)
    RETURN key, s.id AS statement, CASE WHEN s:Event THEN 'Event' ELSE 'Claim' END AS of, s.kind AS kind,
      [(s)<-[:REPORTS]-(r:Report) | r.article] AS articles`,
  params: { keys },
});

export type CandidateReportRow = {
  article: string;
  entities: string[];
  startDate: string | null;
  endDate: string | null;
  locationId: string | null;
};

export type CandidateRow = {
  report: string;
  statement: string;
  of: StatementLabel;
  kind: string;
  reports: CandidateReportRow[];
  /** One of its reports was split out of another statement (its article lists it as separated). */
  apart: boolean;
};

/** How many statements each participant contributes at most, and how many candidates a report keeps. */
export const PER_ENTITY = 200;
export const PER_REPORT = 10;

/**
 * Statements of the report's label and kind that share a participant with it and are dated within
 * its window, best first by participants shared. Each participant is one seek of the involvement
 * index by kind (entity, label, kind, date), cut at PER_ENTITY: a hub entity costs that many rows,
 * not its every statement, and every row is of the report's kind. The seek is a hint (USING INDEX
 * SEEK, which a scan does not satisfy), so it does not depend on the graph's statistics: on a small
 * or freshly emptied graph, or one whose index a backfill has just filled, the planner would
 * otherwise choose a scan.
 */
export const candidates = (
  rows: { report: string; of: StatementLabel; kind: string; entities: string[]; from: string; to: string }[],
): CypherQuery<CandidateRow> => ({
  cypher: `UNWIND $rows AS row
    CALL (row) {
      UNWIND row.entities AS key
      CALL (row, key) {
        MATCH (y)-[x:PARTICIPANT]->()
        USING INDEX SEEK x:PARTICIPANT(entityKey, statementLabel, statementKind, statementDate, statementKey)
        WHERE x.entityKey = key AND x.statementLabel = row.of AND x.statementKind = row.kind
          AND x.statementDate >= date(row.from) AND x.statementDate <= date(row.to)
          AND x.statementKey IS NOT NULL
        WITH DISTINCT y LIMIT ${PER_ENTITY}
        RETURN y
      }
      WITH y, count(*) AS shared
      RETURN y ORDER BY shared DESC, y.id LIMIT ${PER_REPORT}
    }
    RETURN row.report AS report, y.id AS statement, row.of AS of, y.kind AS kind,
      [(y)<-[:REPORTS]-(r:Report) | {article: r.article, entities: [(r)-[:INVOLVES]->(e:Entity) | e.id],
        startDate: r.startDate, endDate: r.endDate, locationId: r.locationId}] AS reports,
      EXISTS { MATCH (y)<-[:REPORTS]-(r:Report) MATCH (a:Article {id: r.article})
        WHERE r.localId IN coalesce(a.separated, []) } AS apart`,
  params: { rows },
});

export type RelationLookup = { type: string; from: string; to: string; key: string };
export type RelationSourcesRow = {
  type: string;
  from: string;
  to: string;
  key: string;
  sourcesJson: string | null;
};

/**
 * What a write reads once its entities are resolved, in one round trip: the stored sources of the
 * relations the document states (relationSources), the candidates for its reports (candidates),
 * and the places the new reports and the candidates' reports name, with what each lies in.
 */
export const afterResolution = (
  relations: RelationLookup[],
  rows: Parameters<typeof candidates>[0],
  places: string[],
): CypherQuery<{
  relations: RelationSourcesRow[];
  candidates: CandidateRow[];
  places: { id: string; within: string[] }[];
}> => {
  const found = candidates(rows);
  // Its rows travel as $relations: the candidates' are $rows.
  const sources = relationSources([]);
  return {
    cypher: `CALL () {
      CALL () {
        ${sources.cypher.replaceAll('$rows', '$relations')}
      }
      RETURN collect({type: type, from: from, to: to, key: key, sourcesJson: sourcesJson}) AS relations
    }
    CALL () {
      CALL () {
        ${found.cypher}
      }
      RETURN collect({report: report, statement: statement, of: of, kind: kind, reports: reports, apart: apart}) AS candidates
    }
    CALL (candidates) {
      UNWIND $places + reduce(ids = [], c IN candidates | ids + [r IN c.reports WHERE r.locationId IS NOT NULL | r.locationId]) AS id
      WITH DISTINCT id
      MATCH (p:Entity {id: id})
      RETURN collect({id: id, within: ${placesWithin('p')}}) AS places
    }
    RETURN relations, candidates, places`,
    params: { relations, rows, places },
  };
};

/** Reports that join statements already in the graph (found by the statement's key). */
export const joinStatements = (
  label: StatementLabel,
  rows: { report: string; statement: string }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (s:${label} {id: row.statement}) MATCH (r:Report {id: row.report})
    CREATE (r)-[:REPORTS]->(s)`,
  params: { rows },
});

/** Statements merged into another: their reports move over, and they go with their derived links. */
export const absorbStatements = (
  label: StatementLabel,
  rows: { statement: string; into: string }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (t:${label} {id: row.statement}) MATCH (s:${label} {id: row.into})
    CALL (t, s) {
      MATCH (r:Report)-[x:REPORTS]->(t)
      CREATE (r)-[:REPORTS]->(s)
      DELETE x
    }
    ${RELEASE_KEY('t')}
    DETACH DELETE t`,
  params: { rows },
});

export type SplitRow = {
  statement: string;
  of: StatementLabel;
  kind: string;
  article: string;
  localId: string;
  reports: number;
};

/** The report by its key, with its statement and how many reports that statement has. */
export const reportToSplit = (key: string): CypherQuery<SplitRow> => ({
  cypher: `MATCH (r:Report {id: $key})-[:REPORTS]->(s)
    RETURN s.id AS statement, CASE WHEN s:Event THEN 'Event' ELSE 'Claim' END AS of, r.kind AS kind,
      r.article AS article, r.localId AS localId, COUNT { (s)<-[:REPORTS]-(:Report) } AS reports`,
  params: { key },
});

/**
 * Takes the report out of its statement and remembers on its article that it stands apart, so
 * that a new version of the article does not merge it again by proposal.
 */
export const detachReport = (key: string): CypherQuery => ({
  cypher: `MATCH (r:Report {id: $key})-[x:REPORTS]->()
    DELETE x
    WITH r MATCH (a:Article {id: r.article})
    SET a.separated = [id IN coalesce(a.separated, []) WHERE id <> r.localId] + r.localId`,
  params: { key },
});
