// Several articles are written in one transaction (ingestDocuments), and a statement's key changes
// when another report comes first. A statement renamed and then deleted in a transaction must leave
// its key free for another statement in the same transaction, as it would across transactions.
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteArticleData } from '../../src/db/queries/removal.js';
import { absorbStatements } from '../../src/db/queries/sameness.js';
import { setStatements } from '../../src/db/queries/statements.js';
import { useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

const rename = (from: string, to: string) =>
  setStatements('Claim', [{ from, props: { id: to, sortDate: '2023-09-13' } }]);

beforeEach(async () => {
  await graph.reset();
  await graph.cypher(`CREATE (a:Article {id: 'art'}),
    (:Claim {id: 'first'})-[:REPORTED_IN]->(a),
    (:Report {id: 'r1'})-[:REPORTS]->(:Claim {id: 'second'}),
    (:Report {id: 'r2'})-[:REPORTS]->(:Claim {id: 'third'})`);
});

const claims = () =>
  graph.cypher(`MATCH (c:Claim) RETURN c.id AS id, COUNT { (c)<-[:REPORTS]-() } AS reports ORDER BY id`);

describe('a statement key freed in the transaction that renamed it', () => {
  it('is taken by the statement another absorbed it into', async () => {
    await graph.db.writeTx(async (tx) => {
      await tx.run(rename('second', 'taken'));
      await tx.run(absorbStatements('Claim', [{ statement: 'taken', into: 'third' }]));
      await tx.run(rename('third', 'taken'));
    });
    expect(await claims()).toEqual([
      { id: 'first', reports: 0 },
      { id: 'taken', reports: 2 },
    ]);
  });

  it('is taken after the renamed statement went with its article', async () => {
    await graph.db.writeTx(async (tx) => {
      await tx.run(rename('first', 'taken'));
      await tx.run(deleteArticleData('art', false));
      await tx.run(rename('third', 'taken'));
    });
    expect(await claims()).toEqual([
      { id: 'second', reports: 1 },
      { id: 'taken', reports: 1 },
    ]);
  });
});
