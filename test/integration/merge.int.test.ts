// Many reports, one statement, on a real Neo4j: the seed and five made-up reports of the same visit
// (test/fixtures/fixture-visit-*.json). Merging by key and by proposal, candidates not merged with
// their scores, corroboration counts, a denial from another article, and what sameAs rejects.
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { candidates, PER_ENTITY } from '../../src/db/queries/sameness.js';
import { IngestError, type IngestReport } from '../../src/ingest/ingest.js';
import { ARTICLE_KEY } from '../helpers.js';
import { keyOf, NAMES, type Name, NO_ORPHANS, seedKey, useVisitReports } from '../visit-reports.js';

const { seed, docs, ingest, startWith, census, statementOf, orphans, graph } = useVisitReports();

describe('one statement, many reports', () => {
  let said: Partial<Record<Name, IngestReport>>;
  beforeAll(async () => {
    said = await startWith(NAMES);
  });

  it('merges an event the document names by key (sameAs)', () => {
    expect(said.harian?.merged).toContainEqual({
      report: keyOf('harian', 'event:farewell'),
      statement: seedKey('event:farewell-ceremony'),
      how: 'EXPLICIT',
      score: null,
    });
  });

  it('proposes and merges an event with the same kind, most participants, day and place', () => {
    // Participants 5 of 7 in common (0.714 × 0.6), the same day (0.25), the same station (0.15).
    expect(said.harian?.merged).toContainEqual({
      report: keyOf('harian', 'event:departure'),
      statement: seedKey('event:train-departure'),
      how: 'PROPOSED',
      score: 0.829,
    });
  });

  it('reports a candidate below the threshold with its score, and does not merge it', async () => {
    expect(said.pagi?.notMerged).toContainEqual(
      expect.objectContaining({
        report: keyOf('pagi', 'claim:western-worry'),
        statement: seedKey('claim:deepening-defence-cooperation'),
        score: 0.333,
        shared: 2,
        merged: false,
        reason: 'score below 0.75',
      }),
    );
    expect(await statementOf(keyOf('pagi', 'claim:western-worry'))).toMatchObject({
      key: keyOf('pagi', 'claim:western-worry'),
      sources: 1,
    });
  });

  it('counts the sources and outlets that report a statement', async () => {
    // The seed, two explicit reports, two proposed.
    expect(await statementOf(seedKey('event:train-departure'))).toMatchObject({
      key: seedKey('event:train-departure'),
      reports: 5,
      sources: 5,
      outlets: 5,
    });
    // The seed, the daily (explicit), the aggregator (proposed), and the TV site (proposed through
    // the aggregator's report): Kozlov at the ceremony, four times.
    expect(await statementOf(keyOf('kanal', 'event:send-off'))).toMatchObject({
      key: seedKey('event:farewell-ceremony'),
      sources: 4,
    });
    const [kozlov] = await graph.cypher(
      `MATCH (:Event {id: $key})-[p:PARTICIPANT]->(:Entity {id: 'person:alexander-kozlov'}) RETURN p.articles AS articles`,
      { key: seedKey('event:farewell-ceremony') },
    );
    expect(kozlov?.articles).toEqual([
      ARTICLE_KEY,
      'fixture-visit-digest',
      'fixture-visit-harian',
      'fixture-visit-kanal',
    ]);
  });

  it('marks a statement contested when sources give different first days (Monday, Tuesday)', async () => {
    expect(await statementOf(keyOf('kanal', 'event:visit'))).toMatchObject({
      key: seedKey('event:kim-visit-russia'),
      sources: 3,
      contested: true,
      denied: false,
    });
  });

  it('marks the alleged deal denied by the Kremlin’s report in another article', async () => {
    expect(await statementOf(keyOf('portal', 'claim:no-agreement'))).toMatchObject({
      key: seedKey('claim:ammunition-for-technology'),
      sources: 2,
      contested: true,
      denied: true,
    });
  });

  it('leaves nothing orphaned', async () => {
    expect(await orphans()).toEqual(NO_ORPHANS);
  });
});

describe('sameAs', () => {
  it('rejects a key no event or claim has, naming the path, and writes nothing', async () => {
    await graph.reset();
    await ingest(seed);
    const before = await census();
    const doc = structuredClone(docs.harian);
    doc.events[1].sameAs = `${ARTICLE_KEY}/event:no-such-ceremony`;
    const error = await ingest(doc).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).problems).toEqual([
      {
        path: '$.events[1].sameAs',
        message: `no event or claim with key "${ARTICLE_KEY}/event:no-such-ceremony" is in the graph`,
      },
    ]);
    expect(await census()).toEqual(before);
  });

  it('rejects naming a claim of another kind', async () => {
    const doc = structuredClone(docs.portal);
    doc.claims[1].sameAs = seedKey('claim:unsc-arms-ban');
    const error = (await ingest(doc).catch((e: unknown) => e)) as IngestError;
    expect(error.problems).toEqual([
      {
        path: '$.claims[1].sameAs',
        message: `"${seedKey('claim:unsc-arms-ban')}" is a claim of kind UNResolution; this one is ArmsDeal`,
      },
    ]);
  });

  it('with distinct: true, nothing is proposed', async () => {
    const doc = structuredClone(docs.harian);
    doc.events[0].distinct = true;
    const said = await ingest(doc);
    expect(said.merged.map((m) => m.report)).not.toContain(keyOf('harian', 'event:departure'));
    expect(await statementOf(keyOf('harian', 'event:departure'))).toMatchObject({
      key: keyOf('harian', 'event:departure'),
      sources: 1,
    });
  });
});

describe('finding candidates', () => {
  interface PlanNode {
    operatorType: string;
    children: PlanNode[];
  }
  const operators = (plan: PlanNode): string[] => [
    plan.operatorType.replace(/@.*$/, ''),
    ...plan.children.flatMap(operators),
  ];

  it('seeks the involvement index per participant', async () => {
    const query = candidates([
      {
        report: 'fixture-x/event:meeting',
        of: 'Event',
        kind: 'Meeting',
        entities: ['person:kim-jong-un', 'person:vladimir-putin'],
        from: '2022-09-12',
        to: '2024-09-14',
      },
    ]);
    const session = graph.db.driver.session({ database: graph.db.name });
    try {
      // Planned afresh each time, not taken from the plan cache. Neo4j drops a hint it cannot
      // honour with only a notification, and on a loaded machine its planner has once come back
      // without the seek: a plan is asked for up to three times, and each failed one is reported.
      const plans: { operators: string[]; notifications: string[] }[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        await session.run('CALL db.clearQueryCaches()');
        const result = await session.run(`EXPLAIN ${query.cypher}`, query.params ?? {});
        plans.push({
          // The driver types the plan as a plain object; its tree has operatorType and children.
          operators: operators(result.summary.plan as unknown as PlanNode),
          notifications: result.summary.notifications.map((n) => `${n.code}: ${n.description}`),
        });
        if (plans.at(-1)?.operators.some((o) => /RelationshipIndexSeek/.test(o))) break;
      }
      expect(
        plans.at(-1)?.operators.some((o) => /RelationshipIndexSeek/.test(o)),
        JSON.stringify(plans),
      ).toBe(true);
    } finally {
      await session.close();
    }
  });

  // After the plan test: its claims, all of one kind at one entity, change the statistics the
  // planner reads, and a graph whose every claim is one hub's is not the graph that plan is for.
  it('finds a statement of the report’s kind behind more than PER_ENTITY of other kinds', async () => {
    // A hub's year: PER_ENTITY + 50 statements of another kind first, then the one of the report's,
    // their relationships keyed as a version that did not keep the kind wrote them.
    await graph.cypher(
      `CREATE (e:Entity:Person {id: 'person:candidate-hub', type: 'Person', label: 'hub'})
       WITH e UNWIND range(1, $others) AS i
       CREATE (c:Claim:Statement {id: 'candidate-hub-' + toString(1000 + i) + '/claim:s', kind: 'Statement',
                                  sortDate: date('2030-01-01') + duration({days: i % 300})})
       CREATE (c)-[:PARTICIPANT {role: 'SUBJECT', entityKey: e.id, statementLabel: 'Claim',
                                 statementDate: c.sortDate, statementKey: c.id}]->(e)`,
      { others: PER_ENTITY + 50 },
    );
    await graph.cypher(
      `MATCH (e:Entity {id: 'person:candidate-hub'})
       CREATE (c:Claim:ArmsDeal {id: 'candidate-hub-late/claim:deal', kind: 'ArmsDeal', sortDate: date('2030-12-01')})
       CREATE (c)-[:PARTICIPANT {role: 'SUBJECT', entityKey: e.id, statementLabel: 'Claim',
                                 statementDate: c.sortDate, statementKey: c.id}]->(e)`,
    );
    // As at start-up: the backfill gives them the kind.
    await migrate(graph.db);
    const found = await graph.db.read(
      candidates([
        {
          report: 'fixture-x/claim:deal',
          of: 'Claim',
          kind: 'ArmsDeal',
          entities: ['person:candidate-hub'],
          from: '2030-01-01',
          to: '2030-12-31',
        },
      ]),
    );
    expect(found.map((c) => c.statement)).toEqual(['candidate-hub-late/claim:deal']);
  });
});
