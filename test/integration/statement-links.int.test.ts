// The links between statements (claim links, part of, about) are derived from the references of
// their reports. Deriving them reads a statement's reports once per direction, not once for each
// type a link can have: a claim can have eleven, and its reports grow with every article.
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveStatements } from '../../src/db/queries/statements.js';
import { profiledDbHits, useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

/** The statement of deriveStatements that derives links. */
const deriveLinks = (claim: string) => deriveStatements('Claim', [claim])[2] ?? { cypher: '' };

/**
 * A claim of `reports` reports, each from its own article and disputing the report of claim
 * `prefix/other`, whose report supports the first report of this one.
 */
async function writeClaim(prefix: string, reports: number) {
  await graph.cypher(
    `CREATE (o:Claim {id: $prefix + '/other'})<-[:REPORTS]-(ro:Report {id: $prefix + '/other-report', article: 'other'})
     CREATE (ro)-[:REFERS]->(:Reference {type: 'SUPPORTS', to: $prefix + '/report-0'})
     CREATE (c:Claim {id: $prefix + '/claim'})
     WITH c
     UNWIND range(0, $reports - 1) AS i
     CREATE (c)<-[:REPORTS]-(r:Report {id: $prefix + '/report-' + i, article: 'article-' + i})
     CREATE (r)-[:REFERS]->(:Reference {type: 'DISPUTES', to: $prefix + '/other-report'})`,
    { prefix, reports },
  );
  await graph.cypher(deriveLinks(`${prefix}/claim`).cypher, deriveLinks(`${prefix}/claim`).params);
}

const FEW = 2;
const MANY = 42;

beforeAll(async () => {
  await writeClaim('few', FEW);
  await writeClaim('many', MANY);
  await graph.cypher('CALL db.prepareForReplanning(120)');
});

describe('deriving the links of a claim', () => {
  it('links it to the claims its reports refer to, and from those that refer to its reports', async () => {
    const links = await graph.cypher(
      `MATCH (a:Claim)-[x]->(b:Claim) WHERE a.id STARTS WITH 'many/'
       RETURN a.id AS from, type(x) AS type, b.id AS to, size(x.articles) AS articles ORDER BY from`,
    );
    expect(links).toEqual([
      { from: 'many/claim', type: 'DISPUTES', to: 'many/other', articles: MANY },
      { from: 'many/other', type: 'SUPPORTS', to: 'many/claim', articles: 1 },
    ]);
  });

  it('reads its reports once per direction, not once per type of link', async () => {
    // Run again on links already derived, it changes nothing.
    const hits = (prefix: string) => profiledDbHits(graph.db, deriveLinks(`${prefix}/claim`), 'WRITE');
    const [few, many] = [await hits('few'), await hits('many')];
    // Each report costs about 11 db hits a pass (the report, its reference, the linked report): 22
    // for the two directions, 77 when every type of link read the reports again.
    const perReport = (many - few) / (MANY - FEW);
    expect(perReport, `db hits: ${few} for ${FEW} reports, ${many} for ${MANY}`).toBeLessThan(40);
  });
});
