// A hub entity's first page costs a page: an entity's claims, events and timeline are read from the
// involvement indexes in date order and stop after the page, however many statements the entity
// takes part in. The graph is written the way an older version left it (no index keys on the
// relationships), so the start-up backfill is what makes the pages right.
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { EDGES } from '../../src/db/queries/edges.js';
import { TIMELINE_ORDER, timeline } from '../../src/db/queries/graph.js';
import { claims, TIME_ORDER } from '../../src/db/queries/lists.js';
import { edgePages, rootPage } from '../../src/db/queries/pages.js';
import type { CypherQuery } from '../../src/db/run.js';
import { profiledDbHits, useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

const HUB = 'person:hub';
const SMALL = 'person:small';
const HUB_CLAIMS = 3_000;
const SMALL_CLAIMS = 30;

/** Claims of one entity, one a day from 2020-01-01, each also naming a co-participant. */
const writeClaims = (entity: string, count: number, prefix: string) =>
  graph.cypher(
    `MATCH (e:Entity {id: $entity}), (other:Entity {id: 'person:other'})
     UNWIND range(1, $count) AS i
     CREATE (c:Claim {id: $prefix + '/claim:c' + toString(100000 + i), kind: 'Statement', summary: 'claim ' + toString(i),
                      status: 'ASSERTED', sortDate: date('2020-01-01') + duration({days: i})})
     CREATE (c)-[:PARTICIPANT {role: 'SUBJECT'}]->(e)
     CREATE (c)-[:PARTICIPANT {role: 'COUNTERPART'}]->(other)
     CREATE (c)-[:ATTRIBUTED_TO {cue: 'said'}]->(e)
     CREATE (ev:Event {id: $prefix + '/event:e' + toString(100000 + i), kind: 'Meeting', label: 'meeting ' + toString(i),
                       sortDate: date('2020-01-01') + duration({days: i})})
     CREATE (ev)-[:PARTICIPANT {role: 'ATTENDEE'}]->(e)
     CREATE (ev)-[:AT]->(e)`,
    { entity, count, prefix },
  );

const dbHits = (query: CypherQuery<unknown>) => profiledDbHits(graph.db, query);

const window = { limit: 20, backward: false, after: null, before: null };
const firstPage = {
  entityClaims: (id: string) =>
    edgePages('entityClaims', [id], { filter: {}, order: EDGES.entityClaims.order, window, total: false }),
  entityAssertedClaims: (id: string) =>
    edgePages('entityAssertedClaims', [id], {
      filter: {},
      order: EDGES.entityAssertedClaims.order,
      window,
      total: false,
    }),
  entityEvents: (id: string) =>
    edgePages('entityEvents', [id], { filter: {}, order: EDGES.entityEvents.order, window, total: false }),
  entityEventsHere: (id: string) =>
    edgePages('entityEventsHere', [id], {
      filter: {},
      order: EDGES.entityEventsHere.order,
      window,
      total: false,
    }),
  'claims(participant)': (id: string) =>
    rootPage(
      claims({
        kinds: [],
        statuses: [],
        participant: id,
        role: null,
        attributedTo: null,
        from: null,
        to: null,
      }),
      { order: TIME_ORDER, window, total: false },
    ),
  'timeline(entity)': (id: string) =>
    rootPage(timeline({ entity: id, from: '0001-01-01', to: '9999-12-31' }), {
      order: TIMELINE_ORDER,
      window,
      total: false,
    }),
};

beforeAll(async () => {
  await graph.cypher(
    `UNWIND $ids AS id CREATE (:Entity {id: id, type: 'Person', label: id, labelsJson: '{}'})`,
    { ids: [HUB, SMALL, 'person:other'] },
  );
  await writeClaims(HUB, HUB_CLAIMS, 'hub-article');
  await writeClaims(SMALL, SMALL_CLAIMS, 'small-article');
  // What an upgrade does at start-up: the backfill gives the old relationships their index keys.
  await migrate(graph.db);
  // Neo4j samples index statistics in the background, and plans by them: written a moment ago,
  // the graph would be planned on whatever was sampled so far. Plans are compared on statistics
  // that describe the graph, as a database that has been running has them.
  await graph.cypher('CALL db.prepareForReplanning(120)');
});

describe('a hub entity', () => {
  it('lists its claims in date order, forwards and backwards, after the backfill', async () => {
    const { data } = await graph.gql(`{
      entity(key: "${HUB}") {
        first: claims(first: 3) { totalCount edges { roles node { key } } }
        last: claims(last: 2) { edges { node { key } } }
      }
      timeline(entity: "${HUB}", first: 4) { edges { node { item { __typename ... on Event { key } ... on Claim { key } } } } }
    }`);
    expect(data.entity.first.totalCount).toBe(HUB_CLAIMS);
    expect(data.entity.first.edges).toEqual(
      [1, 2, 3].map((i) => ({
        roles: ['SUBJECT'],
        node: { key: `hub-article/claim:c${100000 + i}` },
      })),
    );
    expect(data.entity.last.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual([
      `hub-article/claim:c${100000 + HUB_CLAIMS - 1}`,
      `hub-article/claim:c${100000 + HUB_CLAIMS}`,
    ]);
    // Events before claims on the same day.
    expect(data.timeline.edges.map((e: { node: { item: { key: string } } }) => e.node.item.key)).toEqual([
      'hub-article/event:e100001',
      'hub-article/claim:c100001',
      'hub-article/event:e100002',
      'hub-article/claim:c100002',
    ]);
  });

  for (const [name, page] of Object.entries(firstPage)) {
    it(`${name}: the first page reads about as much for ${HUB_CLAIMS} statements as for ${SMALL_CLAIMS}`, async () => {
      const [hub, small] = [await dbHits(page(HUB)), await dbHits(page(SMALL))];
      // Read through the entity's every relationship, the hub's page would cost about a hundred
      // times the small one's; read through every statement in date order, the small one's would
      // cost the whole graph. From the index, each costs its page.
      expect(hub, `db hits: hub ${hub}, small ${small}`).toBeLessThan(small * 2);
      expect(Math.max(hub, small), `db hits: hub ${hub}, small ${small}`).toBeLessThan(HUB_CLAIMS / 2);
    });
  }
});
