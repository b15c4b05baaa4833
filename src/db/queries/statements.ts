// Statements (Event and Claim nodes) rebuilt from their reports. The relationships the API reads
// (PARTICIPANT, AT, ATTRIBUTED_TO, REPORTED_BY, EVIDENCED_BY, REPORTED_IN, PART_OF, ABOUT and the
// claim links) are derived here, one per fact, each naming the articles that support it; nothing
// else writes them, so a statement always shows exactly what its reports say.
import { CLAIM_LINK_TYPES, RETIRED_CLAIM_LINK } from '../../vocabulary.js';
import type { CypherQuery } from '../run.js';

export type StatementLabel = 'Event' | 'Claim';

/** The articles of a group of rows, each once, in order: the same list whatever order they came in. */
const ARTICLES = 'COLLECT { UNWIND articles AS art RETURN DISTINCT art ORDER BY art }';

/**
 * Each block merges the relationships the reports call for and keeps them in a list; what else the
 * statement has of that type goes. Deleting by "not in the list just merged" keeps every match
 * anchored at the statement: a NOT EXISTS from the far end would walk a hub entity's every report.
 */
const rebuild = (name: string, merge: string, existing: string) => `
    CALL (s) {
      ${merge}
      RETURN collect(x) AS ${name}
    }
    CALL (s, ${name}) {
      ${existing} WHERE NOT x IN ${name}
      DELETE x
    }`;

/** Who takes part, in which role: the first report's manner where one gives it, every report's article. */
const participants = rebuild(
  'participants',
  `OPTIONAL MATCH (s)<-[:REPORTS]-(r:Report)-[i:INVOLVES]->(e:Entity)
      WITH e, r, i ORDER BY r.rank
      WITH e, i.role AS role, collect(i.manner)[0] AS manner, collect(i.mannerWording)[0] AS mannerWording,
           collect(r.article) AS articles
      WHERE e IS NOT NULL
      MERGE (s)-[x:PARTICIPANT {role: role}]->(e)
      SET x.manner = manner, x.mannerWording = mannerWording, x.articles = ${ARTICLES}`,
  'MATCH (s)-[x:PARTICIPANT]->()',
);

const location = rebuild(
  'places',
  `OPTIONAL MATCH (s)<-[:REPORTS]-(r:Report) WHERE r.locationId IS NOT NULL
      OPTIONAL MATCH (e:Entity {id: r.locationId})
      WITH e, collect(r.article) AS articles WHERE e IS NOT NULL
      MERGE (s)-[x:AT]->(e)
      SET x.articles = ${ARTICLES}`,
  'MATCH (s)-[x:AT]->()',
);

/** Who a claim is attributed to, or who reported an event: the first report's cue and manner, every report's evidence. */
const sources = (type: 'ATTRIBUTED_TO' | 'REPORTED_BY') =>
  rebuild(
    'sources',
    `OPTIONAL MATCH (s)<-[:REPORTS]-(r:Report)-[c:ACCORDING_TO]->(e:Entity)
      WITH e, r, c ORDER BY r.rank
      WITH e, collect(c.cue)[0] AS cue, collect(c.manner)[0] AS manner, collect(c.mannerWording)[0] AS mannerWording,
           collect(r.article) AS articles,
           reduce(ids = [], given IN collect(c.evidenceIds) | ids + [id IN given WHERE NOT id IN ids]) AS evidenceIds
      WHERE e IS NOT NULL
      MERGE (s)-[x:${type}]->(e)
      SET x.cue = cue, x.manner = manner, x.mannerWording = mannerWording, x.evidenceIds = evidenceIds, x.articles = ${ARTICLES}`,
    `MATCH (s)-[x:${type}]->()`,
  );

/** Links the statement once to each node its reports reach by `hop`: their quotes, their articles. */
const throughReports = (name: string, hop: string, label: string, type: string) =>
  rebuild(
    name,
    `OPTIONAL MATCH (s)<-[:REPORTS]-(:Report)-[:${hop}]->(n:${label})
      WITH DISTINCT n WHERE n IS NOT NULL
      MERGE (s)-[x:${type}]->(n)`,
    `MATCH (s)-[x:${type}]->()`,
  );

const provenance =
  throughReports('evidence', 'QUOTES', 'Evidence', 'EVIDENCED_BY') +
  throughReports('articles', 'IN_ARTICLE', 'Article', 'REPORTED_IN');

/**
 * Links between statements, from the references of their reports, both ways: a statement's
 * reports refer to other reports (outgoing), and other reports refer to its reports (incoming). A
 * reference to a key no report has yet waits, and becomes a link when that report arrives. Only
 * the types a statement of the label can have: events are part of events and claims are about
 * them; claims link to claims. The retired CONTRADICTS is derived too, from the references an
 * older version stored, so that ingesting such an article again (or removing it) takes its links
 * away like any other. One block per direction, whatever the number of types: the reports and
 * their references are read once and each link is merged with its type from the reference (the
 * types come from the list below, never from a document), where a block per type read every
 * report again for each of the eleven types of a claim.
 */
const CLAIM_LINKS = [...CLAIM_LINK_TYPES.values, RETIRED_CLAIM_LINK];
const LINKS: Record<StatementLabel, { out: string[]; in: string[] }> = {
  Event: { out: ['PART_OF'], in: ['PART_OF', 'ABOUT'] },
  Claim: { out: ['ABOUT', ...CLAIM_LINKS], in: CLAIM_LINKS },
};

const typeList = (types: string[]) => `[${types.map((t) => `'${t}'`).join(', ')}]`;

const outgoing = (types: string[]) =>
  rebuild(
    'outgoing',
    `OPTIONAL MATCH (s)<-[:REPORTS]-(r:Report)-[:REFERS]->(ref:Reference) WHERE ref.type IN ${typeList(types)}
      OPTIONAL MATCH (:Report {id: ref.to})-[:REPORTS]->(o) WHERE o <> s
      WITH ref.type AS type, o, collect(r.article) AS articles WHERE o IS NOT NULL
      MERGE (s)-[x:$(type)]->(o)
      SET x.articles = ${ARTICLES}`,
    `MATCH (s)-[x:${types.join('|')}]->()`,
  );

const incoming = (types: string[]) =>
  rebuild(
    'incoming',
    `OPTIONAL MATCH (s)<-[:REPORTS]-(t:Report)
      OPTIONAL MATCH (ref:Reference {to: t.id})<-[:REFERS]-(r:Report)-[:REPORTS]->(o)
        WHERE ref.type IN ${typeList(types)} AND o <> s
      WITH ref.type AS type, o, collect(r.article) AS articles WHERE o IS NOT NULL
      MERGE (o)-[x:$(type)]->(s)
      SET x.articles = ${ARTICLES}`,
    `MATCH (s)<-[x:${types.join('|')}]-()`,
  );

const links = (label: StatementLabel) => outgoing(LINKS[label].out) + incoming(LINKS[label].in);

/**
 * Rebuilds every derived relationship of the given statements from their reports, in three parts
 * (who and where; quotes and articles; links to other statements), each a unit subquery that can
 * run alone. The write path sends the parts of both labels as one statement (derivedLinks in
 * src/ingest/refresh.ts), planned before the first write (src/ingest/prepared.ts).
 */
export const deriveStatements = (label: StatementLabel, ids: string[]): CypherQuery[] => {
  const each = (blocks: string) => ({
    cypher: `UNWIND $ids AS id
    MATCH (s:${label} {id: id})
    ${blocks}`,
    params: { ids },
  });
  return [
    each(
      `${participants}${label === 'Event' ? location : ''}${sources(label === 'Event' ? 'REPORTED_BY' : 'ATTRIBUTED_TO')}`,
    ),
    each(provenance),
    each(links(label)),
  ];
};

/**
 * How many places a place is read as lying in, at most. On a map a place lies in a handful (a
 * district, a province, a country, a region); articles that wrongly say a place lies in another
 * could otherwise make each write walk every place the graph holds.
 */
export const PLACES_WITHIN = 32;

/**
 * The ids of the places `p` lies in, up to five steps out, each once, PLACES_WITHIN at most, in the
 * order a breadth-first walk reaches them. Read as distinct end nodes, the walk visits each place
 * once (Neo4j prunes it breadth-first); a list of every path would grow with the number of routes
 * between places, which every article stating a containment adds to.
 */
export const placesWithin = (p: string) =>
  `COLLECT { MATCH (${p})-[:LOCATED_IN*1..5]->(q:Entity) WITH DISTINCT q LIMIT ${PLACES_WITHIN} RETURN q.id }`;

/**
 * What deriving statements' own properties needs: their reports, how often each is disputed, its
 * places with what they lie in. With the claims they dispute or are disputed by, whose denial may
 * have changed.
 */
export const statementInputs = (events: string[], claims: string[]): CypherQuery => ({
  cypher: `CALL () {
      UNWIND $claims AS id
      MATCH (:Claim {id: id})-[:DISPUTES]-(o:Claim)
      RETURN collect(DISTINCT o.id) AS neighbours
    }
    CALL (neighbours) {
      UNWIND $events AS id MATCH (s:Event {id: id}) RETURN s, 'Event' AS of
      UNION
      UNWIND $claims + neighbours AS id MATCH (s:Claim {id: id}) RETURN DISTINCT s, 'Claim' AS of
    }
    RETURN s.id AS id, of,
      [(s)<-[:REPORTS]-(r:Report) | r {.*, sortDate: toString(r.sortDate)}] AS reports,
      COUNT { (s)<-[:DISPUTES]-(:Claim) } AS disputedBy,
      COLLECT { MATCH (s)-[:AT]->(p:Entity) RETURN {id: p.id, within: ${placesWithin('p')}} } AS places`,
  params: { events, claims },
});
/**
 * The relationships from a statement to the entities it involves, and the keys each carries so
 * that an entity's statements are read in time order from an index (schema/neo4j/005_involvements.cypher).
 */
export const INVOLVEMENTS = 'PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|AT';
export const INVOLVEMENT_KEYS = [
  'entityKey',
  'statementLabel',
  'statementKind',
  'statementDate',
  'statementKey',
] as const;

/** Sets the involvement keys on statement `s`'s relationships to entities, as a unit subquery. */
export const setInvolvementKeys = (label: StatementLabel, s: string) => `
    CALL (${s}) {
      MATCH (${s})-[x:${INVOLVEMENTS}]->(e:Entity)
      SET x.entityKey = e.id, x.statementLabel = '${label}', x.statementKind = ${s}.kind,
        x.statementDate = ${s}.sortDate, x.statementKey = ${s}.id
    }`;

/** A relationship's properties as the API shows them: without the keys kept for the index. */
export function withoutInvolvementKeys<P extends Record<string, unknown>>(props: P): P {
  if (!('statementKey' in props)) return props;
  const shown = { ...props };
  for (const key of INVOLVEMENT_KEYS) delete shown[key];
  return shown;
}

/**
 * Clears the key of statement `s` before it is deleted. A statement's key changes when another
 * report comes first (setStatements), and several articles are written in one transaction: when a
 * statement renamed earlier in the transaction is deleted, Neo4j still counts the new key as taken
 * until the commit, so another statement could not be given that key in the same transaction.
 */
export const RELEASE_KEY = (s: string) => `SET ${s}.id = null`;

/**
 * Sets the properties derived from the reports; the key may change, so rows name the key it had.
 * The date and key are copied onto the statement's relationships to entities (see INVOLVEMENTS).
 */
export const setStatements = (
  label: StatementLabel,
  rows: { from: string; props: unknown }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (s:${label} {id: row.from})
    SET s += row.props, s.sortDate = date(row.props.sortDate)
    WITH s
    ${setInvolvementKeys(label, 's')}`,
  params: { rows },
});
