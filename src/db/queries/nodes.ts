// Loading nodes by id, many in one statement, each projected as its label's row (rows.ts).
import type { CypherQuery } from '../run.js';
import { type NodeLabel, project, type RowOf } from './rows.js';

export const nodesById = <L extends NodeLabel>(
  label: L,
  ids: readonly string[],
): CypherQuery<{ node: RowOf[L] }> => ({
  cypher: `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN ${project(label, 'n')} AS node`,
  params: { ids },
});

/** Article texts are read only where a field needs them: they are the largest values in the graph. */
export const articleTexts = (ids: readonly string[]): CypherQuery<{ id: string; text: string }> => ({
  cypher: 'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.text AS text',
  params: { ids },
});
