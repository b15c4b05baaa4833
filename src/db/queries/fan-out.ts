// How many items each list the API follows holds per parent: the statistics the query cost model
// prices nested lists by (src/http/cost.ts). One statement per edge of edges.ts, and one per list
// kept in a relationship's property (the quotes that state a relation or an attribution).
import type { CypherQuery } from '../run.js';
import { EDGES, type EdgeName } from './edges.js';

/** Counts over the parents that hold at least one item. */
export interface FanOutRow {
  /** Parents with at least one item. */
  parents: number;
  /** The most items one parent holds (null when no parent holds any). */
  max: number | null;
  /** The 95th percentile of items per parent, over the parents that hold any. */
  p95: number | null;
}

const SUMMARY = 'RETURN count(*) AS parents, max(n) AS max, percentileDisc(n, 0.95) AS p95';

/**
 * Items per parent as the edge's field lists them: a grouped edge lists each target once (an
 * article reached through many quotes is one article), an ungrouped one each relationship.
 */
function edgeFanOut(name: EdgeName): CypherQuery<FanOutRow> {
  const edge = EDGES[name];
  const items = edge.grouped ? 'count(DISTINCT y)' : 'count(*)';
  return {
    cypher: `MATCH (x:${edge.from})${edge.pattern}(y:${edge.to}) WITH x, ${items} AS n ${SUMMARY}`,
    params: {},
  };
}

/** The evidence ids kept on the relationships of these edges, per relationship. */
function evidenceIdsFanOut(edges: EdgeName[]): CypherQuery<FanOutRow> {
  const matches = edges.map((name) => {
    const edge = EDGES[name];
    return `MATCH (:${edge.from})${edge.pattern}(:${edge.to}) RETURN DISTINCT r`;
  });
  return {
    cypher: `CALL () { ${matches.join(' UNION ')} }
      WITH size(coalesce(r.evidenceIds, [])) AS n WHERE n > 0 ${SUMMARY}`,
    params: {},
  };
}

/** The articles that state a relation between entities, per relationship. */
const relationSourcesFanOut: CypherQuery<FanOutRow> = {
  cypher: `MATCH (:${EDGES.entityRelations.from})${EDGES.entityRelations.pattern}(:${EDGES.entityRelations.to})
    WITH DISTINCT r WITH size(coalesce(r.articles, [])) AS n WHERE n > 0 ${SUMMARY}`,
  params: {},
};

/** Lists kept in a relationship's property, by the name the statistics give them. */
const PROPERTY_LISTS = {
  /** The quotes that state a relation between entities. */
  relationEvidence: evidenceIdsFanOut(['entityRelations']),
  /** The articles that state a relation between entities (its sources, and those of each value). */
  relationSources: relationSourcesFanOut,
  /** The quotes that name the source of a claim or a report. */
  attributionEvidence: evidenceIdsFanOut(['claimAttributions', 'eventReportedBy']),
};

export type PropertyList = keyof typeof PROPERTY_LISTS;
export type FanOutName = EdgeName | PropertyList;

// Object.keys types its answer string[]; the keys of EDGES and PROPERTY_LISTS are these names.
export const FAN_OUT_NAMES = [...Object.keys(EDGES), ...Object.keys(PROPERTY_LISTS)] as FanOutName[];

const isPropertyList = (name: FanOutName): name is PropertyList => Object.hasOwn(PROPERTY_LISTS, name);

export const fanOut = (name: FanOutName): CypherQuery<FanOutRow> =>
  isPropertyList(name) ? PROPERTY_LISTS[name] : edgeFanOut(name);
