// Round trips: a nested query costs a fixed number of Cypher statements, however many parents
// each level has; and every root query starts from an index or a constraint, never a scan.
import { describe, expect, it } from 'vitest';
import { EDGES, type EdgeName } from '../../src/db/queries/edges.js';
import {
  countSearch,
  luceneQuery,
  neighborhood,
  pageSearch,
  shortestPaths,
  startNode,
  TIMELINE_ORDER,
  timeline,
} from '../../src/db/queries/graph.js';
import {
  ARTICLES_ORDER,
  articles,
  type ClaimFilter,
  claims,
  ENTITIES_ORDER,
  type EventFilter,
  entities,
  events,
  TIME_ORDER,
} from '../../src/db/queries/lists.js';
import { nodesById } from '../../src/db/queries/nodes.js';
import type { Order } from '../../src/db/queries/order.js';
import { edgePages, type RootSource, rootPage } from '../../src/db/queries/pages.js';
import type { NodeLabel } from '../../src/db/queries/rows.js';
import type { CypherQuery } from '../../src/db/run.js';
import { ENTITY_TYPES } from '../../src/vocabulary.js';
import { ARTICLE_KEY, useGraph, useStatementCount } from '../helpers.js';

const graph = useGraph();

const countedRequest = useStatementCount(graph);

/** Runs a query and returns its data and the number of statements it cost (at least one). */
async function measure(query: string, variables: Record<string, unknown> = {}) {
  const result = await countedRequest(query, variables);
  expect(result.statements).toBeGreaterThan(0);
  return result;
}

const measured: Record<string, number[]> = {};

describe('a nested query costs the same number of statements for one parent or all', () => {
  // `statements`: what the request compiler makes of it. Every page below a root field is read in
  // the root field's statement; only what it does not compile (an attribution's evidence, read
  // by id) takes one more statement per level.
  type Edges<T> = { edges: { node: T }[] };
  type Entity = { mentions: Edges<unknown>; relations: Edges<unknown> };
  type Participants = { participants: { entity: Entity }[] };
  type Data = {
    claims: Edges<Participants>;
    entities: Edges<{ claims: Edges<unknown> }>;
    events: Edges<Participants>;
  };
  const cases: {
    name: string;
    query: string;
    levels: number;
    statements: number;
    count: (data: Data) => number;
  }[] = [
    {
      // claims -> participants -> entity.mentions -> paragraph: three levels of lists.
      name: 'claims > participants > mentions > paragraph',
      query: `query($n: Int) { claims(first: $n) { edges { node {
        participants { role entity { key mentions(first: 2) { edges { node { quote paragraph { index } } } } } }
      } } } }`,
      levels: 3,
      statements: 1,
      count: (d) =>
        d.claims.edges.flatMap((c) => c.node.participants.flatMap((p) => p.entity.mentions.edges)).length,
    },
    {
      // people and countries -> claims -> attributions and evidence -> paragraph.
      name: 'entities > claims > attributedTo/evidence > paragraph',
      query: `query($n: Int) { entities(types: [Person, Country], first: $n) { edges { node { key
        claims(first: 4) { edges { roles node { key
          attributedTo { cue entity { key } evidence { quote } }
          evidence { start paragraph { index } article { key } }
        } } }
      } } } }`,
      levels: 3,
      statements: 2,
      count: (d) => d.entities.edges.flatMap((e) => e.node.claims.edges).length,
    },
    {
      // events -> participants -> entity.relations -> other entity's events.
      name: 'events > participants > relations > events',
      query: `query($n: Int) { events(first: $n) { edges { node { key
        participants { entity { key relations(first: 2) { edges { node { type other { key events(first: 1) { totalCount } } } } } } }
        location { key } partOf { key } reportedBy { cue entity { key } }
      } } } }`,
      levels: 3,
      statements: 1,
      count: (d) =>
        d.events.edges.flatMap((e) => e.node.participants.flatMap((p) => p.entity.relations.edges)).length,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const one = await measure(c.query, { n: 1 });
      const some = await measure(c.query, { n: 4 });
      // All of them: the root lists here have 10 to 13 items (a larger page would pass the cost limit).
      const all = await measure(c.query, { n: 13 });
      measured[c.name] = [one.statements, some.statements, all.statements];
      // More parents, more rows at every level ...
      expect(c.count(all.data)).toBeGreaterThan(c.count(one.data));
      expect(c.count(all.data)).toBeGreaterThan(10);
      // ... and not one statement more.
      expect(all.statements).toBe(one.statements);
      expect(some.statements).toBe(one.statements);
      expect(all.statements).toBe(c.statements);
    });
  }

  it('walking up containing places batches a level for every place at once', async () => {
    const query = `query($n: Int) { entities(types: [Location], first: $n) { edges { node { key ... on Place { containedIn { key } } } } } }`;
    const all = await measure(query, { n: 100 });
    const places = all.data.entities.edges.length;
    expect(places).toBeGreaterThan(8);
    measured['locations > containedIn'] = [all.statements];
    // The page with its count, then one statement per level of LOCATED_IN (the deepest chain is
    // four places: station, Artyom, Primorye, Russia), not one per place.
    expect(all.statements).toBeLessThanOrEqual(1 + 4);
    // One place whose chain branches: Artyom lies in three places at once, asked in one statement.
    const station = await measure(
      `{ entity(key: "place:artyom-station") { ... on Place { containedIn { key } } } }`,
    );
    expect(station.data.entity.containedIn).toHaveLength(4);
    measured['artyom station > containedIn'] = [station.statements];
    // The entity, then three levels: the station, Artyom, and {Primorye, Far East, Russia} together.
    expect(station.statements).toBe(1 + 3);
  });

  it('refetching many objects by global id is one statement per label', async () => {
    const { data } = await measure(`{ entities(first: 100) { edges { node { id } } } }`);
    const ids = (data.entities.edges as { node: { id: string } }[]).map((e) => e.node.id);
    const refetch = await measure(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key } } }`, {
      ids,
    });
    expect(refetch.data.nodes).toHaveLength(ids.length);
    expect(refetch.statements).toBe(1);
    measured[`nodes(${ids.length} entities)`] = [refetch.statements];
  });

  it('shortest paths are one statement when some are found: the ends are checked only when none are', async () => {
    const { data, statements } = await measure(
      `{ paths(from: "person:yoon-suk-yeol", to: "person:vladimir-putin", maxHops: 4) { length } }`,
    );
    expect(data.paths.length).toBeGreaterThan(0);
    expect(statements).toBe(1);
    // None within two hops: both keys are then looked up, to tell "no path" from "no such entity".
    const none = await measure(
      `{ paths(from: "person:yoon-suk-yeol", to: "person:vladimir-putin", maxHops: 2) { length } }`,
    );
    expect(none.data.paths).toEqual([]);
    expect(none.statements).toBe(3);
    measured.paths = [statements];
  });

  it('reports the counts', () => {
    console.log('statements per request (n = 1, 4, all):', JSON.stringify(measured));
    expect(Object.keys(measured).length).toBe(7);
  });
});

describe('every root query starts from an index or a constraint', () => {
  interface PlanNode {
    operatorType: string;
    children: PlanNode[];
  }
  const operators = (plan: PlanNode): string[] => [
    plan.operatorType.replace(/@.*$/, ''),
    ...plan.children.flatMap(operators),
  ];

  async function explain(query: CypherQuery<unknown>): Promise<string[]> {
    const session = graph.db.driver.session({ database: graph.db.name, defaultAccessMode: 'READ' });
    try {
      const result = await session.run(`EXPLAIN ${query.cypher}`, query.params ?? {});
      const plan = result.summary.plan;
      if (!plan) throw new Error('no plan');
      return operators(plan as unknown as PlanNode);
    } finally {
      await session.close();
    }
  }

  const SCANS = ['NodeByLabelScan', 'AllNodesScan', 'UnionNodeByLabelsScan', 'IntersectionNodeByLabelsScan'];
  const STARTS =
    /^(NodeUniqueIndexSeek|NodeIndexSeek|NodeIndexSeekByRange|NodeIndexScan|NodeIndexContainsScan|NodeIndexEndsWithScan|MultiNodeIndexSeek|ProcedureCall)/;

  const noFilter: ClaimFilter = {
    kinds: [],
    statuses: [],
    participant: null,
    role: null,
    attributedTo: null,
    from: null,
    to: null,
  };
  const allFilters: ClaimFilter = {
    kinds: ['ArmsDeal'],
    statuses: ['ALLEGED'],
    participant: 'country:north-korea',
    role: 'SUPPLIER',
    attributedTo: 'group:experts',
    from: '2023-01-01',
    to: '2023-12-31',
  };
  const noEventFilter: EventFilter = { kinds: [], participant: null, location: null, from: null, to: null };
  const eventFilters: EventFilter = {
    kinds: ['Ceremony'],
    participant: 'person:kim-jong-un',
    location: 'country:russia',
    from: '2023-09-01',
    to: '2023-09-30',
  };
  const types = [...ENTITY_TYPES.values];
  const lucene = luceneQuery(['korea', 'utara']);
  const all = { entity: null, from: '0001-01-01', to: '9999-12-31' };
  const kim = { entity: 'person:kim-jong-un', from: '2023-09-01', to: '2023-09-30' };
  const ids = ['person:kim-jong-un', `${ARTICLE_KEY}/claim:unsc-arms-ban`];

  const window = { limit: 20, backward: false, after: null, before: null };
  const page = (source: RootSource, order: Order) => rootPage(source, { order, window, total: true });
  const roots: Record<string, CypherQuery<unknown>> = {
    articles: page(articles, ARTICLES_ORDER),
    entities: page(entities(types), ENTITIES_ORDER),
    'entities(Person)': page(entities(['Person']), ENTITIES_ORDER),
    claims: page(claims(noFilter), TIME_ORDER),
    'claims(filtered)': page(claims(allFilters), TIME_ORDER),
    'claims(role only)': page(claims({ ...noFilter, role: 'BODY' }), TIME_ORDER),
    events: page(events(noEventFilter), TIME_ORDER),
    'events(filtered)': page(events(eventFilters), TIME_ORDER),
    countSearch: countSearch(lucene, types),
    pageSearch: pageSearch(lucene, 'korea utara', ['Country'], 0, 20),
    timeline: page(timeline(all), TIMELINE_ORDER),
    'timeline(entity)': page(timeline(kim), TIMELINE_ORDER),
    startNode: startNode('person:kim-jong-un'),
    neighborhood: neighborhood('person:kim-jong-un', 3, 100),
    shortestPaths: shortestPaths('person:yoon-suk-yeol', 'person:vladimir-putin', 4, 5),
  };
  for (const label of ['Article', 'Paragraph', 'Evidence', 'Entity', 'Event', 'Claim'] as NodeLabel[]) {
    roots[`nodesById(${label})`] = nodesById(label, ids);
  }
  for (const name of Object.keys(EDGES) as EdgeName[]) {
    roots[`edgePages(${name})`] = edgePages(name, ids, {
      filter: {},
      order: EDGES[name].order,
      window,
      total: true,
    });
  }

  for (const [name, query] of Object.entries(roots)) {
    it(name, async () => {
      const ops = await explain(query);
      expect(
        ops.filter((op) => SCANS.includes(op)),
        ops.join(' < '),
      ).toEqual([]);
      expect(
        ops.some((op) => STARTS.test(op)),
        ops.join(' < '),
      ).toBe(true);
    });
  }
});
