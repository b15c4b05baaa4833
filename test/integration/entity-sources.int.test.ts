// What each article says of an entity is kept apart from the entity (on the article's NAMES
// relationship), and the entity keeps only their fold: ingesting one more article that names a hub
// reads and writes as much as for an entity named once. Removal folds again only where the
// article came first. Databases written in the earlier form are brought to this one before a write.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ingestDocument, removeArticle } from '../../src/ingest/ingest.js';
import { upgradeEntitySources } from '../../src/ingest/prepared.js';
import { ARTICLE_KEY, readSeed, useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });
const SECOND_KEY = 'fixture-second-article';
const readSecond = async (): Promise<Record<string, any>> =>
  JSON.parse(await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'second-article.json'), 'utf8'));

const entity = async (id: string) => {
  const [row] = await graph.cypher(
    `MATCH (e:Entity {id: $id})
     RETURN e.labelsJson AS labels, e.aliasesJson AS aliases, e.sourcesJson AS sourceMap,
       e.foldJson IS NOT NULL AS folded,
       [(a:Article)-[:NAMES]->(e) | a.id] AS namedBy`,
    { id },
  );
  return row
    ? {
        labels: JSON.parse(String(row.labels)),
        aliases: JSON.parse(String(row.aliases)),
        sourceMap: row.sourceMap,
        folded: row.folded,
        namedBy: [...(row.namedBy as string[])].sort(),
      }
    : null;
};

describe("an entity's names across articles", () => {
  it("keeps each article's source on its own relationship and only the fold on the entity", async () => {
    await graph.reset();
    await ingestDocument(graph.db, await readSeed());
    const before = await entity('country:russia');
    await ingestDocument(graph.db, await readSecond());
    const russia = await entity('country:russia');
    expect(russia).toMatchObject({
      folded: true,
      sourceMap: null,
      namedBy: [ARTICLE_KEY, SECOND_KEY].sort(),
    });
    expect(russia?.labels).toEqual(before?.labels);
    expect(russia?.aliases).toEqual({
      en: ['Russian Federation'],
      id: ['Federasi Rusia', 'Negeri Beruang Merah'],
    });
  });

  it('loses the names only a removed article gave, and takes the labels of the next article when the first goes', async () => {
    await graph.reset();
    await ingestDocument(graph.db, await readSeed());
    const seedOnly = await entity('country:russia');
    await ingestDocument(graph.db, await readSecond());
    // The later article decides only its own new names.
    await removeArticle(graph.db, SECOND_KEY);
    expect(await entity('country:russia')).toEqual({ ...seedOnly, namedBy: [ARTICLE_KEY] });

    // The seed came first: without it, the second article's names are the entity's.
    await ingestDocument(graph.db, await readSecond());
    await removeArticle(graph.db, ARTICLE_KEY);
    const second = (await readSecond()).entities.find((e: any) => e.id === 'country:rusia');
    const left = await entity('country:russia');
    expect(left?.labels).toEqual(second.labels);
    expect(left?.namedBy).toEqual([SECOND_KEY]);
    const [gone] = await graph.cypher('MATCH (e:Entity {id: "person:kim-jong-un"}) RETURN count(e) AS n');
    expect(Number(gone?.n)).toBe(0);
  });

  it('brings entities written in the earlier form (every source in one property) to the current one', async () => {
    await graph.reset();
    await graph.cypher(
      `CREATE (:Article {id: 'old-1'}), (:Article {id: 'old-2'})
       CREATE (:Entity:Country {id: 'country:old', type: 'Country', label: 'Oldland',
         labelsJson: '{"en":"Oldland"}', aliasesJson: '{}', sourcesJson: $sources})`,
      {
        sources: JSON.stringify({
          'old-2': { rank: '2023-09-18|old-2', labels: { en: 'Old Land', id: 'Tanah Lama' }, aliases: {} },
          'old-1': { rank: '2023-09-17|old-1', labels: { en: 'Oldland' }, aliases: { en: ['OL'] } },
        }),
      },
    );
    expect(await upgradeEntitySources(graph.db)).toBe(1);
    const old = await entity('country:old');
    expect(old).toEqual({
      labels: { en: 'Oldland' },
      aliases: { en: ['OL', 'Old Land'], id: ['Tanah Lama'] },
      sourceMap: null,
      folded: true,
      namedBy: ['old-1', 'old-2'],
    });
    // Done once: a second start finds nothing to do.
    expect(await upgradeEntitySources(graph.db)).toBe(0);
    await removeArticle(graph.db, 'old-1');
    expect((await entity('country:old'))?.labels).toEqual({ en: 'Old Land', id: 'Tanah Lama' });
  });
});
