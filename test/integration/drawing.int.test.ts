// Drawing a graph (GraphNode, GraphEdge): a neighbourhood or a path is one statement that reads
// what a drawing shows; the objects drawn are loaded only when `node` is asked for, one statement
// per kind of object; and an edge keeps its id when another article states its relationship.
import { beforeAll, describe, expect, it } from 'vitest';
import { SEMANTIC_RELATIONSHIPS } from '../../src/vocabulary.js';
import { useStatementCount } from '../helpers.js';
import { useVisitReports } from '../visit-reports.js';

const { graph, startWith, ingest, docs } = useVisitReports();

const measure = useStatementCount(graph);

beforeAll(async () => {
  await startWith([]);
});

const KIM = 'person:kim-jong-un';
const SEMANTIC = SEMANTIC_RELATIONSHIPS.values.join('|');

const NODE_FIELDS = 'id key type category label labelId: label(lang: "id") claimStatus eventStatus';
/** The object behind a drawn node, with fields a drawing does not read (aliases, status, dates). */
const OBJECT = `__typename id
  ... on Person { key label labelId: label(lang: "id") wikidata aliases { lang text } }
  ... on Entity { key label labelId: label(lang: "id") }
  ... on Event { key label labelId: label(lang: "id") eventStatus: status reportCount time { start precision } }
  ... on Claim { key summary status }`;
const FULL_NODE = `node { ${OBJECT} }`;
const EDGE_FIELDS = 'id source target type role label';

interface DrawnNode {
  id: string;
  key: string;
  type: string;
  category: string;
  label: string;
  labelId: string;
  claimStatus: string | null;
  eventStatus: string | null;
  node?: Record<string, any>;
}
interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  label: string | null;
}

/** Each edge as `start type end role label`, by the keys of its ends. */
const described = (nodes: DrawnNode[], edges: DrawnEdge[]) => {
  const keyOf = new Map(nodes.map((n) => [n.id, n.key]));
  return edges
    .map((e) => `${keyOf.get(e.source)} ${e.type} ${keyOf.get(e.target)} ${e.role} ${e.label}`)
    .sort();
};

/** The text of a JSON map by language in English, else any: what an edge's label shows. */
const english = (json: unknown) => {
  if (typeof json !== 'string') return null;
  const map = JSON.parse(json) as Record<string, string>;
  return map.en ?? Object.values(map)[0] ?? null;
};

/** Every relationship the database holds among these keys, described as `described` does. */
async function storedEdges(keys: string[]) {
  const rows = await graph.cypher(
    `MATCH (a)-[r:${SEMANTIC}]->(b) WHERE a.id IN $keys AND b.id IN $keys
     RETURN a.id AS start, type(r) AS type, b.id AS end, r.role AS role, r.titleJson AS titleJson,
       r.roleJson AS roleJson, r.cue AS cue`,
    { keys },
  );
  return rows
    .map((r) => {
      const label = r.role ?? english(r.titleJson) ?? english(r.roleJson) ?? r.cue ?? null;
      return `${r.start} ${r.type} ${r.end} ${r.role ?? null} ${label}`;
    })
    .sort();
}

/** What a drawn node's labels must be: those of the object it draws. */
const labelsOf = (n: DrawnNode) => ({ label: n.label, labelId: n.labelId });
const objectLabels = (n: DrawnNode) =>
  n.category === 'Claim'
    ? { label: n.node?.summary, labelId: n.node?.summary }
    : { label: n.node?.label, labelId: n.node?.labelId };

describe('a neighbourhood drawn', () => {
  const query = (node: string) => `query($key: String!) {
    neighborhood(key: $key, depth: 2, first: 200) {
      truncated nodes { ${NODE_FIELDS} ${node} } edges { ${EDGE_FIELDS} }
    }
  }`;

  it('without `node` is one statement, with the labels of the objects and every relationship among them', async () => {
    const plain = await measure(query(''), { key: KIM });
    expect(plain.statements).toBe(1);
    const full = await measure(query(FULL_NODE), { key: KIM });
    const { nodes, edges } = plain.data.neighborhood as { nodes: DrawnNode[]; edges: DrawnEdge[] };
    const objects = full.data.neighborhood.nodes as DrawnNode[];
    expect(nodes.length).toBeGreaterThan(20);
    expect(new Set(nodes.map((n) => n.category))).toEqual(new Set(['Entity', 'Event', 'Claim']));
    // The same nodes in the same order, each labelled as the object it draws is, in both languages.
    expect(nodes.map((n) => n.id)).toEqual(objects.map((n) => n.id));
    expect(nodes.map(labelsOf)).toEqual(objects.map(objectLabels));
    // A claim's or event's status is drawn from the neighbourhood's own statement, as the object has it.
    const statuses = (n: DrawnNode) => [n.claimStatus, n.eventStatus];
    expect(nodes.map(statuses)).toEqual(
      objects.map((n) => [
        n.category === 'Claim' ? n.node?.status : null,
        n.category === 'Event' ? n.node?.eventStatus : null,
      ]),
    );
    expect(nodes.some((n) => n.claimStatus !== null) && nodes.some((n) => n.eventStatus !== null)).toBe(true);
    expect(nodes.find((n) => n.key === 'country:north-korea')).toMatchObject({
      type: 'Country',
      category: 'Entity',
      label: 'North Korea',
      labelId: 'Korea Utara',
    });
    // Every relationship among the nodes, with its role and the qualifier it shows.
    const keys = nodes.map((n) => n.key);
    expect(described(nodes, edges)).toEqual(await storedEdges(keys));
    expect(edges.some((e) => e.type === 'PARTICIPANT' && e.role !== null)).toBe(true);
    expect(edges.some((e) => e.type === 'HOLDS_ROLE' && e.label !== null)).toBe(true);
    expect(edges.some((e) => e.type === 'REPORTED_BY' && e.label !== null)).toBe(true);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it('with `node`, gives each whole object, the objects of one kind read in one statement', async () => {
    const { data, statements } = await measure(query(FULL_NODE), { key: KIM });
    const nodes = data.neighborhood.nodes as DrawnNode[];
    const ids = nodes.map((n) => n.node?.id);
    const byId = await measure(`query($ids: [ID!]!) { nodes(ids: $ids) { ${OBJECT} } }`, { ids });
    expect(nodes.map((n) => n.node)).toEqual(byId.data.nodes);
    const kim = nodes.find((n) => n.key === KIM)?.node;
    expect(kim).toMatchObject({ __typename: 'Person', key: KIM, label: 'Kim Jong-un' });
    expect(kim?.aliases.length).toBeGreaterThan(0);
    const event = nodes.find((n) => n.category === 'Event')?.node;
    expect(event?.eventStatus).toEqual(expect.any(String));
    expect(nodes.find((n) => n.category === 'Claim')?.node?.status).toEqual(expect.any(String));
    // The neighbourhood, then one statement for each of entities, events and claims.
    expect(statements).toBe(1 + 3);
  });
});

describe('paths drawn', () => {
  const query = (node: string) => `{
    paths(from: "person:yoon-suk-yeol", to: "person:vladimir-putin", maxHops: 4) {
      nodes { ${NODE_FIELDS} ${node} } edges { ${EDGE_FIELDS} }
      steps { relation role forward from { key label } to { key } edge { id } }
    }
  }`;

  it('without `node` are one statement; with it, the nodes are the whole objects', async () => {
    const plain = await measure(query(''));
    expect(plain.statements).toBe(1);
    const paths = plain.data.paths as { nodes: DrawnNode[]; edges: DrawnEdge[]; steps: any[] }[];
    expect(paths.length).toBeGreaterThan(0);
    const full = await measure(query(FULL_NODE));
    expect(full.statements).toBeLessThanOrEqual(1 + 3);
    for (const [i, path] of paths.entries()) {
      const objects = full.data.paths[i].nodes as DrawnNode[];
      expect(path.nodes.map((n) => n.id)).toEqual(objects.map((n) => n.id));
      expect(path.nodes.map(labelsOf)).toEqual(objects.map(objectLabels));
      expect(objects.every((n) => n.node?.__typename === n.type)).toBe(true);
      // Each edge is a relationship the database holds between the path's nodes.
      const stored = await storedEdges(path.nodes.map((n) => n.key));
      for (const edge of described(path.nodes, path.edges)) expect(stored).toContain(edge);
      expect(path.steps.map((s) => s.edge.id)).toEqual(path.edges.map((e) => e.id));
      expect(path.steps.map((s) => s.role)).toEqual(path.edges.map((e) => e.role));
    }
  });
});

describe('an edge id', () => {
  const QUERY = `query($key: String!) { neighborhood(key: $key, depth: 1, first: 200) {
    nodes { id key } edges { ${EDGE_FIELDS} } } }`;

  /** The edges around Kim by what they join: `start type end role` to id. */
  async function edgeIds() {
    const { data } = await measure(QUERY, { key: KIM });
    const { nodes, edges } = data.neighborhood as { nodes: DrawnNode[]; edges: DrawnEdge[] };
    const keyOf = new Map(nodes.map((n) => [n.id, n.key]));
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    return new Map(
      edges.map((e) => [`${keyOf.get(e.source)} ${e.type} ${keyOf.get(e.target)} ${e.role}`, e.id]),
    );
  }

  it('stays the same when another article states the relationship, and tells two roles apart', async () => {
    const before = await edgeIds();
    // The fixture reports the farewell ceremony too: its article joins what the seed's states.
    await ingest(docs.harian);
    const grown = await graph.cypher(
      `MATCH (:Event)-[r:PARTICIPANT]->(:Entity {id: $key}) WHERE size(r.articles) > 1 RETURN count(r) AS n`,
      { key: KIM },
    );
    expect(Number(grown[0]?.n)).toBeGreaterThan(0);
    const after = await edgeIds();
    for (const [edge, id] of before) expect(after.get(edge), edge).toBe(id);

    // A second role between an event drawn and Kim is a second edge, with an id of its own.
    const drawn = [...after.keys()].find((e) => /^\S+\/event:\S+ PARTICIPANT /.test(e) && e.includes(KIM));
    const [statement, , , role] = (drawn ?? '').split(' ');
    expect(drawn).toBeDefined();
    const other = role === 'SUBJECT' ? 'TARGET' : 'SUBJECT';
    await graph.cypher(
      `MATCH (s:Event {id: $statement}) MATCH (e:Entity {id: $key}) CREATE (s)-[:PARTICIPANT {role: $other}]->(e)`,
      { statement, key: KIM, other },
    );
    const both = await edgeIds();
    const first = both.get(`${statement} PARTICIPANT ${KIM} ${role}`);
    const second = both.get(`${statement} PARTICIPANT ${KIM} ${other}`);
    expect(first).toBe(after.get(`${statement} PARTICIPANT ${KIM} ${role}`));
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
  });
});
