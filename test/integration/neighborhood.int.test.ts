// A hub's neighbourhood costs what a small entity's does: each node brings at most PER_NODE
// neighbours of each kind, an entity its newest statements read from the involvement indexes, so
// the walk reads the same whether the centre takes part in a hundred statements or thousands.
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { NEIGHBORHOOD_ROW, PER_NODE } from '../../src/db/queries/graph.js';
import type { CypherQuery, Database } from '../../src/db/run.js';
import { walkNeighborhood } from '../../src/graph/neighborhood.js';
import { profiledDbHits, useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

const HUB = 'person:hub';
const OTHER = 'person:other';
const OFFICE = 'org:office';
const FEW = 100;
const MORE = 3_000;

/**
 * `count` claims and as many events of the hub, one of each a day, the newest on `newest`, going
 * back; each claim also names OTHER, each event happens at OFFICE.
 */
const writeStatements = (prefix: string, count: number, newest: string) =>
  graph.cypher(
    `MATCH (hub:Entity {id: $hub}), (other:Entity {id: $other}), (office:Entity {id: $office})
     UNWIND range(0, $count - 1) AS i
     WITH hub, other, office, i, date($newest) - duration({days: i}) AS day
     CREATE (c:Claim {id: $prefix + '/claim:c' + toString(100000 + i), kind: 'Statement', summary: 'claim ' + toString(i),
                      status: 'ASSERTED', sortDate: day})
     CREATE (c)-[:PARTICIPANT {role: 'SUBJECT'}]->(hub)
     CREATE (c)-[:PARTICIPANT {role: 'COUNTERPART'}]->(other)
     CREATE (c)-[:ATTRIBUTED_TO {cue: 'said'}]->(hub)
     CREATE (ev:Event {id: $prefix + '/event:e' + toString(100000 + i), kind: 'Meeting', label: 'meeting ' + toString(i),
                       sortDate: day})
     CREATE (ev)-[:PARTICIPANT {role: 'ATTENDEE'}]->(hub)
     CREATE (ev)-[:AT]->(office)`,
    { hub: HUB, other: OTHER, office: OFFICE, prefix, count, newest },
  );

/** The neighbourhood as the API walks it, and the db hits of every statement the walk ran. */
async function profiledWalk(key: string, depth: number, first: number) {
  let hits = 0;
  const profile = async (query: CypherQuery<unknown>) => {
    hits += await profiledDbHits(graph.db, query);
  };
  // The walk's statements run as the API runs them, and each once more under PROFILE.
  const counting = {
    read: async <R>(query: CypherQuery<R>) => {
      await profile(query);
      return graph.db.read(query);
    },
    // The walk only reads; a Database with just `read` is all it uses.
  } as Database;
  const walked = await walkNeighborhood(counting, key, depth, first);
  if (!walked) throw new Error(`no entity ${key}`);
  return { hits, walked, keys: walked.nodes.map((n) => n.id) };
}

const claim = (prefix: string, i: number) => `${prefix}/claim:c${100000 + i}`;
const event = (prefix: string, i: number) => `${prefix}/event:e${100000 + i}`;

beforeAll(async () => {
  await graph.cypher(
    `UNWIND $ids AS id CREATE (:Entity {id: id, type: split(id, ':')[0], label: id, labelsJson: '{}'})`,
    { ids: [HUB, OTHER, OFFICE, 'org:body'] },
  );
  await graph.cypher(
    `MATCH (hub:Entity {id: $hub}), (office:Entity {id: $office}), (body:Entity {id: 'org:body'})
     CREATE (hub)-[:HOLDS_ROLE {key: 'official'}]->(office)
     CREATE (office)-[:MEMBER_OF {key: 'member'}]->(body)`,
    { hub: HUB, office: OFFICE },
  );
  await writeStatements('recent', FEW, '2024-12-31');
  // The index keys the derivation sets are given here by the start-up backfill.
  await migrate(graph.db);
  await graph.cypher('CALL db.prepareForReplanning(120)');
});

describe('the neighbourhood of a hub', () => {
  it('brings each node’s newest statements and its relations, at most PER_NODE of each, and says the cap cut', async () => {
    const { walked, keys } = await profiledWalk(HUB, 1, 200);
    // Each node's first before any node's second, then by key: the office (first by relation),
    // the newest statement (first by date), and on; statements of one day by key, descending.
    const newest = Array.from({ length: PER_NODE / 2 }, (_, i) => [
      event('recent', i),
      claim('recent', i),
    ]).flat();
    expect(keys).toEqual([HUB, OFFICE, ...newest]);
    expect(walked.truncated).toBe(true);
    // Every relationship among them is drawn: the hub's role, and each statement's to the hub and
    // the office.
    const drawn = walked.edges.map((e) => `${e.source.id} ${e.type} ${e.target.id}`);
    expect(drawn).toContain(`${HUB} HOLDS_ROLE ${OFFICE}`);
    expect(drawn).toContain(`${event('recent', 0)} AT ${OFFICE}`);
    expect(drawn.filter((d) => d.startsWith(claim('recent', 0)))).toEqual([
      `${claim('recent', 0)} ATTRIBUTED_TO ${HUB}`,
      `${claim('recent', 0)} PARTICIPANT ${HUB}`,
    ]);
  });

  it('an entity with few neighbours brings them all; the next level is capped', async () => {
    const { walked, keys } = await profiledWalk('org:body', 2, 200);
    expect(keys).toEqual([
      'org:body',
      OFFICE,
      HUB,
      ...Array.from({ length: PER_NODE }, (_, i) => event('recent', i)),
    ]);
    // The office has more events than it may bring.
    expect(walked.truncated).toBe(true);
    const one = await profiledWalk('org:body', 1, 200);
    expect(one.keys).toEqual(['org:body', OFFICE]);
    expect(one.walked.truncated).toBe(false);
  });

  it('comes whole when it is larger than a row of its statement holds', async () => {
    const { walked, keys } = await profiledWalk(HUB, 2, 200);
    expect(keys.length).toBeGreaterThan(NEIGHBORHOOD_ROW);
    expect(walked.edges.length).toBeGreaterThan(NEIGHBORHOOD_ROW);
    expect(keys[0]).toBe(HUB);
    expect(new Set(keys).size).toBe(keys.length);
    // Every relationship stored among the nodes is drawn, once.
    const [stored] = await graph.cypher(
      `MATCH (x)-[r:PARTICIPANT|ATTRIBUTED_TO|AT|HOLDS_ROLE|MEMBER_OF]->(y) WHERE x.id IN $keys AND y.id IN $keys
       RETURN count(r) AS n`,
      { keys },
    );
    expect(walked.edges.length).toBe(Number(stored?.n));
  });

  it(`reads as much with ${MORE} more (older) statements as with ${FEW}, and shows the same`, async () => {
    const before = { 2: await profiledWalk(HUB, 2, 200), 3: await profiledWalk(HUB, 3, 200) };
    await writeStatements('older', MORE, '2019-12-31');
    await migrate(graph.db);
    await graph.cypher('CALL db.prepareForReplanning(120)');
    for (const depth of [2, 3] as const) {
      const after = await profiledWalk(HUB, depth, 200);
      expect(after.keys, `depth ${depth}`).toEqual(before[depth].keys);
      expect(after.walked.edges.length, `depth ${depth}`).toBe(before[depth].walked.edges.length);
      // Read through the hub's every relationship, the walk would cost tens of times more; read
      // newest first from the indexes, it costs about the same.
      const hits = `depth ${depth}: db hits ${before[depth].hits} with ${FEW}, ${after.hits} with ${FEW + MORE}`;
      expect(after.hits, hits).toBeLessThan(before[depth].hits * 1.25);
      expect(after.hits, hits).toBeLessThan(MORE * 2);
    }
  });
});
