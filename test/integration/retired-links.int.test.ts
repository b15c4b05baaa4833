// A database written before CONTRADICTS was split into DISPUTES and CONDEMNS: its links are still
// served by the deprecated fields, start-up names the articles to ingest again, and /ready shows it.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { deriveStatements } from '../../src/db/queries/statements.js';
import { createYogaServer } from '../../src/yoga.js';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();
const A = `${ARTICLE_KEY}/claim:nk-cites-us-hostility`;
const B = `${ARTICLE_KEY}/claim:nk-seeks-high-tech-weapons`;
const WARNING =
  '1 claim link(s) are the retired CONTRADICTS ("disputes or condemns"); the deprecated contradicts and ' +
  'contradictedBy fields still return them, disputes, condemns and denials do not. Ingest again, with each ' +
  `link as DISPUTES (denies it is true) or CONDEMNS (holds it wrong or unlawful), the article(s): ${ARTICLE_KEY}`;

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const derive = async () => {
  for (const q of deriveStatements('Claim', [A, B])) await graph.db.writeTx((tx) => tx.run(q));
};

describe('claim links written as CONTRADICTS before the split', () => {
  it('start-up finds none in a database written since', async () => {
    expect((await migrate(graph.db)).warnings).toEqual([]);
  });

  it('are named at start-up with the articles to ingest again, shown by /ready, and still served', async () => {
    // As the older version wrote them: the report's reference, and the link derived from it.
    await graph.cypher(
      `MATCH (r:Report {id: $a}) CREATE (r)-[:REFERS]->(:Reference {type: 'CONTRADICTS', to: $b})
       WITH r MATCH (a:Claim {id: $a}), (b:Claim {id: $b}) CREATE (a)-[:CONTRADICTS {articles: [$article]}]->(b)`,
      { a: A, b: B, article: ARTICLE_KEY },
    );
    const { warnings } = await migrate(graph.db);
    expect(warnings).toEqual([WARNING]);

    const yoga = createYogaServer(graph.db, {
      service: { readiness: { neo4j: async () => true, warnings: () => warnings } },
    });
    const ready = await yoga.fetch('http://localhost/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up', warnings: [WARNING] });

    const { a, b } = await ask(
      `query($a: String!, $b: String!) {
        a: claim(key: $a) { contradicts { key } disputes { key } condemns { key } links { type claim { key } } }
        b: claim(key: $b) { contradictedBy { key } disputedBy { key } denied denials { claim { key } } }
      }`,
      { a: A, b: B },
    );
    expect(a).toEqual({ contradicts: [{ key: B }], disputes: [], condemns: [], links: [] });
    expect(b).toEqual({
      contradictedBy: [{ key: A }],
      disputedBy: [],
      denied: false,
      denials: [],
    });
  });

  it('stay while their reference does, and go when the article no longer states them', async () => {
    await derive();
    const count = async () =>
      Number((await graph.cypher('MATCH (:Claim)-[x:CONTRADICTS]->(:Claim) RETURN count(x) AS c'))[0]?.c);
    expect(await count()).toBe(1);
    // What ingesting the article again does to its old references.
    await graph.cypher(
      `MATCH (:Report {id: $a})-[:REFERS]->(ref:Reference {type: 'CONTRADICTS'}) DETACH DELETE ref`,
      {
        a: A,
      },
    );
    await derive();
    expect(await count()).toBe(0);
    expect((await migrate(graph.db)).warnings).toEqual([]);
  });
});
