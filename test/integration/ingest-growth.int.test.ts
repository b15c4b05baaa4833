// What an article write reads does not grow with the graph around it. The places a report names
// are read with every place they lie in (for comparing places); each containment an article states
// adds a route between places, so a walk of every path would grow with the articles written, while
// a walk of distinct places reads each place once.
import { beforeAll, describe, expect, it } from 'vitest';
import { afterResolution } from '../../src/db/queries/sameness.js';
import { PLACES_WITHIN, statementInputs } from '../../src/db/queries/statements.js';
import type { CypherQuery } from '../../src/db/run.js';
import { profiledDbHits, useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

const dbHits = (query: CypherQuery<unknown>) => profiledDbHits(graph.db, query);

/** Five levels of `width` places each, every place within every place of the next level. */
const LEVELS = 5;
const place = (prefix: string, level: number, i: number) => `location:${prefix}-${level}-${i}`;

async function writePlaces(prefix: string, width: number) {
  const ids = Array.from({ length: LEVELS + 1 }, (_, level) =>
    Array.from({ length: width }, (_, i) => place(prefix, level, i)),
  );
  await graph.cypher(`UNWIND $ids AS id CREATE (:Entity:Location {id: id, type: 'Location', label: id})`, {
    ids: ids.flat(),
  });
  await graph.cypher(
    `UNWIND range(0, size($ids) - 2) AS level
     UNWIND $ids[level] AS from UNWIND $ids[level + 1] AS to
     MATCH (a:Entity {id: from}), (b:Entity {id: to})
     CREATE (a)-[:LOCATED_IN {key: ''}]->(b)`,
    { ids },
  );
  await graph.cypher(
    `MATCH (p:Entity {id: $at})
     CREATE (:Event {id: $prefix + '/event:e', kind: 'Meeting'})-[:AT]->(p)`,
    { at: place(prefix, 0, 0), prefix },
  );
  return ids.slice(1).flat().sort();
}

const WIDE = 5;
let within: { narrow: string[]; wide: string[] };

/** A place said to lie in `count` places, each of them in a place of its own. */
async function writeCrowded(count: number) {
  await graph.cypher(
    `CREATE (c:Entity:Location {id: 'location:crowded', type: 'Location', label: 'crowded'})
     CREATE (:Event {id: 'crowded/event:e', kind: 'Meeting'})-[:AT]->(c)
     WITH c UNWIND range(1, $count) AS i
     CREATE (c)-[:LOCATED_IN {key: ''}]->(p:Entity:Location {id: 'location:crowded-in-' + i, type: 'Location'})
     CREATE (p)-[:LOCATED_IN {key: ''}]->(:Entity:Location {id: 'location:crowded-above-' + i, type: 'Location'})`,
    { count },
  );
}
const CROWDED = 400;

beforeAll(async () => {
  within = { narrow: await writePlaces('narrow', 1), wide: await writePlaces('wide', WIDE) };
  await writeCrowded(CROWDED);
  await graph.cypher('CALL db.prepareForReplanning(120)');
});

describe('the places a write compares', () => {
  const reads = {
    'candidates and places (afterResolution)': (prefix: string) =>
      afterResolution([], [], [place(prefix, 0, 0)]),
    'statement inputs (statementInputs)': (prefix: string) => statementInputs([`${prefix}/event:e`], []),
  };

  it('are read with every place they lie in, each once', async () => {
    for (const prefix of ['narrow', 'wide'] as const) {
      const [read] = await graph.db.read(afterResolution([], [], [place(prefix, 0, 0)]));
      expect(read?.places.map((p) => ({ ...p, within: [...p.within].sort() }))).toEqual([
        { id: place(prefix, 0, 0), within: within[prefix] },
      ]);
      const [input] = await graph.db.read(statementInputs([`${prefix}/event:e`], []));
      const places = input?.places as unknown as { id: string; within: string[] }[];
      expect(places.map((p) => ({ ...p, within: [...p.within].sort() }))).toEqual([
        { id: place(prefix, 0, 0), within: within[prefix] },
      ]);
    }
  });

  it(`are read as lying in ${PLACES_WITHIN} places at most, however many places the graph says`, async () => {
    const [read] = await graph.db.read(afterResolution([], [], ['location:crowded']));
    expect(read?.places[0]?.within).toHaveLength(PLACES_WITHIN);
    const [input] = await graph.db.read(statementInputs(['crowded/event:e'], []));
    const places = input?.places as unknown as { id: string; within: string[] }[];
    expect(places[0]?.within).toHaveLength(PLACES_WITHIN);
    // The walk stops at the bound: it does not read the crowded place's 2 × CROWDED places first.
    for (const query of [
      afterResolution([], [], ['location:crowded']),
      statementInputs(['crowded/event:e'], []),
    ]) {
      const hits = await dbHits(query);
      expect(hits, `db hits ${hits}`).toBeLessThan(CROWDED);
    }
  });

  for (const [name, read] of Object.entries(reads)) {
    it(`${name}: reads each place once, not each route between them`, async () => {
      const [narrow, wide] = [await dbHits(read('narrow')), await dbHits(read('wide'))];
      // The wide place lies in WIDE times as many places over WIDE² times as many containments per
      // level as the narrow one, and is reached by WIDE^LEVELS routes (3,125) to its furthest.
      const routes = Array.from({ length: LEVELS }, (_, i) => WIDE ** (i + 1)).reduce((a, b) => a + b);
      expect(wide, `db hits: wide ${wide}, narrow ${narrow}`).toBeLessThan(narrow + 4 * WIDE * WIDE * LEVELS);
      expect(wide, `db hits: wide ${wide}, narrow ${narrow}`).toBeLessThan(routes);
    });
  }
});
