// The questions the comparison benchmark asks, each once per system: this service's GraphQL,
// @neo4j/graphql's GraphQL over the same graph, and hand-written Cypher (the floor). Each entry
// also says how to bring the three answers to one shape, so they are checked equal in content
// before anything is timed. A new question (facets, sorting…) is one more entry in QUERIES.
// The Cypher here is the benchmark's own yardstick, kept apart from the service's src/db/queries.
// Answers are JSON of three different shapes, read field by field: hence `any` in the normalisers.
import { luceneQuery, PER_NODE } from '../src/db/queries/graph.js';
import { nameKey } from '../src/ingest/text.js';
import { SEMANTIC_RELATIONSHIPS } from '../src/vocabulary.js';

const SEM = SEMANTIC_RELATIONSHIPS.values.join('|');
const KIM = 'person:kim-jong-un';
const RUSSIA = 'country:russia';

export interface BenchQuery {
  name: string;
  description: string;
  ours: { query: string; variables?: Record<string, unknown> };
  peer: { query: string; variables?: Record<string, unknown> };
  raw: { cypher: string; params: Record<string, unknown> };
  /** Each system's answer in one shape: what "the same answer" means for this question. */
  normalise: {
    ours(data: any): unknown;
    peer(data: any): unknown;
    raw(rows: any[]): unknown;
  };
}

const sortBy = <T>(xs: T[], key: (x: T) => string) =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

const sorted = (xs: string[]) => [...xs].sort();

const labelPairs = (json: string | null | undefined) =>
  sorted(
    Object.entries(JSON.parse(json ?? '{}') as Record<string, string>).map(
      ([lang, text]) => `${lang}:${text}`,
    ),
  );

const aliasPairs = (json: string | null | undefined) =>
  sorted(
    Object.entries(JSON.parse(json ?? '{}') as Record<string, string[]>).flatMap(([lang, texts]) =>
      texts.map((t) => `${lang}:${t}`),
    ),
  );

/**
 * Evidence quotes in one order: by where they start, then end, then by their words. A statement
 * reported by several articles has quotes from each, and two articles can quote at the same offset.
 */
const byPlace = (quotes: { quote: string; start: number; end: number }[]) =>
  sortBy(quotes, (e) => `${String(e.start).padStart(9)} ${String(e.end).padStart(9)} ${e.quote}`);

const participants = (ps: { role: string; key: string }[]) => sorted(ps.map((p) => `${p.role} ${p.key}`));

// --- Statements the library cannot compile: @cypher fields of the peer, and the floor's own. ---

/**
 * Breadth first to `depth` 2 at most, `first` nodes at most, by the service's rule: each node
 * brings at most PER_NODE neighbours of each kind (an entity its newest statements, from the
 * involvement indexes, and its related entities by key; a statement its neighbours, entities
 * first, by key); a level keeps each node's first before any node's second, then by key.
 */
const STREAMS = [
  ['Event', 'PARTICIPANT'],
  ['Event', 'REPORTED_BY'],
  ['Event', 'AT'],
  ['Claim', 'PARTICIPANT'],
  ['Claim', 'ATTRIBUTED_TO'],
] as const;

const ranked = (ordered: string) => `${ordered}
      WITH collect(y) AS ys UNWIND range(0, size(ys) - 1) AS rank RETURN ys[rank] AS y, rank`;

const neighbourLevel = (level: number) => `
WITH known, frontier, truncated, CASE WHEN $depth >= ${level} THEN $first - size(known) ELSE 0 END AS room
CALL (known, frontier, room) {
  UNWIND CASE WHEN room > 0 THEN range(0, size(frontier) - 1) ELSE [] END AS i
  WITH known, frontier[i] AS x, i, size(frontier) AS width
  CALL (x, known) {
    WITH x, known WHERE x:Entity
    CALL (x, known) {
      ${STREAMS.map(
        ([label, rel]) => `MATCH (y:${label})-[r:${rel}]->()
      WHERE r.entityKey = x.id AND r.statementLabel = '${label}' AND r.statementDate IS NOT NULL
        AND r.statementKey IS NOT NULL AND NOT y IN known
      WITH DISTINCT y, r.entityKey AS e0, r.statementLabel AS e1, r.statementDate AS d, r.statementKey AS k
      ORDER BY e0 DESC, e1 DESC, d DESC, k DESC LIMIT ${PER_NODE + 1}
      RETURN y, d, k`,
      ).join('\n      UNION ')}
    }
    ${ranked(`WITH y ORDER BY d DESC, k DESC LIMIT ${PER_NODE + 1}`)}
    UNION ALL
    WITH x, known WHERE x:Entity
    MATCH (x)-[:HOLDS_ROLE|MEMBER_OF|LOCATED_IN|DISTANCE_FROM]-(y) WHERE NOT y IN known
    ${ranked(`WITH DISTINCT y ORDER BY y.id LIMIT ${PER_NODE + 1}`)}
    UNION ALL
    WITH x, known WHERE NOT x:Entity
    MATCH (x)-[:${SEM}]-(y) WHERE NOT y IN known
    ${ranked(`WITH DISTINCT y ORDER BY CASE WHEN y:Entity THEN 0 ELSE 1 END, y.id LIMIT ${PER_NODE + 1}`)}
  }
  WITH y, min(CASE WHEN rank < ${PER_NODE} THEN rank * width + i END) AS at, max(rank) >= ${PER_NODE} AS over
  ORDER BY at, y.id
  RETURN collect(CASE WHEN at IS NOT NULL THEN y END) AS found, any(o IN collect(over) WHERE o) AS over
}
WITH known + found[..room] AS known, found[..room] AS frontier, truncated OR over OR size(found) > room AS truncated`;

const NEIGHBORHOOD = `
MATCH (c:Entity {id: $key})
WITH [c] AS known, [c] AS frontier, false AS truncated
${neighbourLevel(1)}
${neighbourLevel(2)}
CALL (known) {
  UNWIND known AS x
  MATCH (x)-[r:${SEM}]->(y) WHERE y IN known
  RETURN collect({source: x.id, type: type(r), target: y.id, role: r.role}) AS edges
}
RETURN {
  nodes: [n IN known | {key: n.id, type: CASE WHEN n:Entity THEN n.type WHEN n:Claim THEN n.kind ELSE 'Event' END}],
  edges: edges,
  truncated: truncated
} AS result`;

const PATHS = `
MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${SEM}*..4]-(b))
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT $first
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN {
  nodes: [n IN ns | n.id],
  steps: [i IN range(0, size(rs) - 1) | {relation: type(rs[i]), forward: startNode(rs[i]) = ns[i]}]
} AS path`;

const TIMELINE = `
CALL () {
  MATCH (:Entity {id: $entity})<-[:PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|AT]-(x:Event) RETURN x
  UNION MATCH (:Entity {id: $entity})<-[:PARTICIPANT|ATTRIBUTED_TO]-(x:Claim) RETURN x
}
WITH x ORDER BY x.sortDate, CASE WHEN x:Event THEN 0 ELSE 1 END, x.id LIMIT $first
`;

export const CYPHER_FIELDS = {
  neighborhood: {
    field: 'neighborhood(key: String!, depth: Int!, first: Int!)',
    returns: 'Neighborhood!',
    cypher: NEIGHBORHOOD,
    column: 'result',
  },
  paths: {
    field: 'paths(from: String!, to: String!, first: Int!)',
    returns: '[Path!]!',
    cypher: PATHS,
    column: 'path',
  },
  timeline: {
    field: 'timeline(entity: String!, first: Int!)',
    returns: '[TimelineItem!]!',
    cypher: `${TIMELINE} RETURN x`,
    column: 'x',
  },
};

// --- The questions. ---

const entityByKey = (key: string): BenchQuery => ({
  name: 'Q1',
  description: `one entity by key, with its names (${key})`,
  ours: {
    query: `query ($key: String!) { entity(key: $key) { __typename key label labels { lang text } aliases { lang text } } }`,
    variables: { key },
  },
  peer: {
    query: `query ($key: ID!) { entities(where: { id: { eq: $key } }) { type id label labelsJson aliasesJson } }`,
    variables: { key },
  },
  raw: {
    cypher: `MATCH (e:Entity {id: $key})
      RETURN e.type AS type, e.id AS key, e.label AS label, e.labelsJson AS labelsJson, e.aliasesJson AS aliasesJson`,
    params: { key },
  },
  normalise: {
    ours: (d) => {
      const e = d.entity;
      return {
        type: e.__typename,
        key: e.key,
        label: e.label,
        labels: sorted(e.labels.map((l: any) => `${l.lang}:${l.text}`)),
        aliases: sorted(e.aliases.map((l: any) => `${l.lang}:${l.text}`)),
      };
    },
    peer: (d) => {
      const e = d.entities[0];
      return {
        type: e.type,
        key: e.id,
        label: e.label,
        labels: labelPairs(e.labelsJson),
        aliases: aliasPairs(e.aliasesJson),
      };
    },
    raw: ([e]) => ({
      type: e.type,
      key: e.key,
      label: e.label,
      labels: labelPairs(e.labelsJson),
      aliases: aliasPairs(e.aliasesJson),
    }),
  },
});

/**
 * An entity's claims in time order, each once. An entity can take part in one claim in two roles
 * (two PARTICIPANT relationships), and a relationship field lists such a claim once per
 * relationship: the library's plain `claims(limit:, sort:)` repeats it, so it answers this
 * question through a @cypher field instead.
 */
export const CLAIMS_IN_TIME = `MATCH (this)<-[:PARTICIPANT]-(c:Claim)
  WITH DISTINCT c ORDER BY c.sortDate, c.id LIMIT $first
  RETURN c`;

const claimsOf = (name: string, key: string): BenchQuery => ({
  name,
  description: `first 20 claims of ${key} in time order, with their participants`,
  ours: {
    query: `query ($key: String!) { entity(key: $key) { claims(first: 20) { edges { node {
      key summary status participants { role entity { key } } } } } } }`,
    variables: { key },
  },
  peer: {
    query: `query ($key: ID!) { entities(where: { id: { eq: $key } }) {
      claimsInTime(first: 20) {
        id summary status participantsConnection { edges { properties { ... on Participation { role } } node { id } } } } } }`,
    variables: { key },
  },
  raw: {
    cypher: `MATCH (:Entity {id: $key})<-[:PARTICIPANT]-(c:Claim)
      WITH DISTINCT c ORDER BY c.sortDate, c.id LIMIT 20
      RETURN c.id AS key, c.summary AS summary, c.status AS status,
        [(c)-[r:PARTICIPANT]->(p:Entity) | {role: r.role, key: p.id}] AS participants`,
    params: { key },
  },
  normalise: {
    ours: (d) =>
      d.entity.claims.edges.map(({ node: c }: any) => ({
        key: c.key,
        summary: c.summary,
        status: c.status,
        participants: participants(c.participants.map((p: any) => ({ role: p.role, key: p.entity.key }))),
      })),
    peer: (d) =>
      d.entities[0].claimsInTime.map((c: any) => ({
        key: c.id,
        summary: c.summary,
        status: c.status,
        participants: participants(
          c.participantsConnection.edges.map((e: any) => ({ role: e.properties.role, key: e.node.id })),
        ),
      })),
    raw: (rows) => rows.map((c) => ({ ...c, participants: participants(c.participants) })),
  },
});

const claimsOfKind = (kind: string, peerField: string): BenchQuery => ({
  name: 'Q3',
  description: `first 20 ${kind} claims in time order, with their evidence quotes`,
  ours: {
    query: `query ($kinds: [ClaimKind!]) { claims(filter: { kinds: $kinds }, first: 20) { edges { node {
      key summary evidence { quote start end } } } } }`,
    variables: { kinds: [kind] },
  },
  peer: {
    query: `{ ${peerField}(limit: 20, sort: [{ sortDate: ASC }, { id: ASC }]) {
      id summary evidence(sort: [{ start: ASC }]) { quote start end } } }`,
  },
  raw: {
    cypher: `MATCH (c:Claim) WHERE c.kind = $kind
      WITH c ORDER BY c.sortDate, c.id LIMIT 20
      RETURN c.id AS key, c.summary AS summary,
        [(c)-[:EVIDENCED_BY]->(e:Evidence) | {quote: e.quote, start: e.start, end: e.end}] AS evidence`,
    params: { kind },
  },
  normalise: {
    ours: (d) =>
      d.claims.edges.map(({ node: c }: any) => ({
        key: c.key,
        summary: c.summary,
        evidence: byPlace(c.evidence),
      })),
    peer: (d) =>
      d[peerField].map((c: any) => ({
        key: c.id,
        summary: c.summary,
        evidence: byPlace(c.evidence),
      })),
    raw: (rows) => rows.map((c) => ({ ...c, evidence: byPlace(c.evidence) })),
  },
});

/** Search compares the set of entities found; the query is chosen to find fewer than a page. */
const search = (text: string): BenchQuery => {
  const lucene = luceneQuery(nameKey(text).split(' '));
  const keys = (xs: string[]) => {
    if (xs.length >= 20) throw new Error(`search "${text}" found a full page: choose words that find fewer`);
    return sorted(xs);
  };
  return {
    name: 'Q4',
    description: `full-text search "${text}"`,
    ours: {
      query: `query ($q: String!) { search(query: $q, first: 20) { edges { node { key } } } }`,
      variables: { q: text },
    },
    peer: {
      query: `query ($q: String!) { searchEntities(phrase: $q, first: 20) { edges { score node { id } } } }`,
      variables: { q: lucene },
    },
    raw: {
      cypher: `CALL db.index.fulltext.queryNodes('entity_name_keys', $lucene) YIELD node, score
        RETURN node.id AS key ORDER BY score DESC, key LIMIT 20`,
      params: { lucene },
    },
    normalise: {
      ours: (d) => keys(d.search.edges.map((e: any) => e.node.key)),
      peer: (d) => keys(d.searchEntities.edges.map((e: any) => e.node.id)),
      raw: (rows) => keys(rows.map((r) => r.key)),
    },
  };
};

const neighborhoodShape = (n: any) => ({
  nodes: sorted(n.nodes.map((x: any) => `${x.type} ${x.key}`)),
  edges: sorted(n.edges.map((e: any) => `${e.source} ${e.type} ${e.target} ${e.role ?? ''}`)),
  truncated: n.truncated,
});

const neighborhood = (key: string): BenchQuery => ({
  name: 'Q5',
  description: `depth-2 neighbourhood of ${key}, at most 200 nodes`,
  ours: {
    query: `query ($key: String!) { neighborhood(key: $key, depth: 2, first: 200) {
      nodes { id key type } edges { source type target role } truncated } }`,
    variables: { key },
  },
  peer: {
    query: `query ($key: String!) { neighborhood(key: $key, depth: 2, first: 200) {
      nodes { key type } edges { source type target role } truncated } }`,
    variables: { key },
  },
  raw: { cypher: NEIGHBORHOOD, params: { key, depth: 2, first: 200 } },
  normalise: {
    ours: (d) => {
      // Our edges name their ends by global id; the nodes say which key each id is.
      const n = d.neighborhood;
      const keyOf = new Map<string, string>(n.nodes.map((x: any) => [x.id, x.key]));
      return neighborhoodShape({
        ...n,
        edges: n.edges.map((e: any) => ({ ...e, source: keyOf.get(e.source), target: keyOf.get(e.target) })),
      });
    },
    peer: (d) => neighborhoodShape(d.neighborhood),
    raw: ([r]) => neighborhoodShape(r.result),
  },
});

const pathShape = (p: { nodes: string[]; steps: { relation: string; forward: boolean }[] }) =>
  `${p.nodes.join(' > ')} | ${p.steps.map((s) => `${s.relation}${s.forward ? '>' : '<'}`).join(' ')}`;

const paths = (from: string, to: string): BenchQuery => ({
  name: 'Q6',
  description: `shortest paths ${from} -> ${to} (at most 4 hops, 5 paths)`,
  ours: {
    query: `query ($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 4, first: 5) {
      nodes { key } steps { relation forward } } }`,
    variables: { from, to },
  },
  peer: {
    query: `query ($from: String!, $to: String!) { paths(from: $from, to: $to, first: 5) { nodes steps { relation forward } } }`,
    variables: { from, to },
  },
  raw: { cypher: PATHS, params: { from, to, first: 5 } },
  normalise: {
    ours: (d) =>
      d.paths.map((p: any) => pathShape({ nodes: p.nodes.map((n: any) => n.key), steps: p.steps })),
    peer: (d) => d.paths.map(pathShape),
    raw: (rows) => rows.map((r) => pathShape(r.path)),
  },
});

const timeline = (entity: string): BenchQuery => ({
  name: 'Q7',
  description: `first page (20) of the timeline of ${entity}`,
  ours: {
    query: `query ($entity: String!) { timeline(entity: $entity, first: 20) { edges { node { sortDate
      item { __typename ... on Event { key } ... on Claim { key } } } } } }`,
    variables: { entity },
  },
  peer: {
    query: `query ($entity: String!) { timeline(entity: $entity, first: 20) {
      __typename ... on Event { id sortDate } ... on Claim { id kind sortDate } } }`,
    variables: { entity },
  },
  raw: {
    cypher: `${TIMELINE} RETURN x.id AS key, toString(x.sortDate) AS sortDate,
      CASE WHEN x:Claim THEN x.kind ELSE 'Event' END AS type`,
    params: { entity, first: 20 },
  },
  normalise: {
    ours: (d) =>
      d.timeline.edges.map(({ node: n }: any) => `${n.sortDate} ${n.item.__typename} ${n.item.key}`),
    peer: (d) => d.timeline.map((x: any) => `${x.sortDate} ${x.kind ?? x.__typename} ${x.id}`),
    raw: (rows) => rows.map((r) => `${r.sortDate} ${r.type} ${r.key}`),
  },
});

export const QUERIES: BenchQuery[] = [
  entityByKey(KIM),
  claimsOf('Q2', KIM),
  claimsOf('Q2r', RUSSIA),
  claimsOfKind('ArmsDeal', 'armsDeals'),
  search('kim jong'),
  neighborhood(KIM),
  paths('person:yoon-suk-yeol', 'person:vladimir-putin'),
  timeline(KIM),
];
