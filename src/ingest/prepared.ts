// Every statement the write path sends, planned ahead. Neo4j plans a statement the first time it
// sees it, and the write statements are large enough that, on a cold server, planning them all
// inside the first article's transaction can outlast the transaction timeout. So each is planned
// once per process (EXPLAIN, in a transaction of its own) before the first write, and every
// statement of the write path is sent with its parameters in one map (oneMap), so the plans hit.
import { combine, oneMap } from '../db/queries/combine.js';
import * as ingest from '../db/queries/ingest.js';
import * as removal from '../db/queries/removal.js';
import * as sameness from '../db/queries/sameness.js';
import * as statements from '../db/queries/statements.js';
import type { CypherQuery, Database, Tx } from '../db/run.js';
import type { ArticleDocument } from './document.js';
import { planArticleWrite } from './plan.js';
import { derivedLinks } from './refresh.js';
import { type EntitySource, entityFromSources } from './sources.js';

/** A transaction whose statements all travel with one-map parameters. */
export const withOneMap = (tx: Tx): Tx => ({
  get updates() {
    return tx.updates;
  },
  run: (query) => tx.run(oneMap(query)),
});

const EMPTY: ArticleDocument = {
  formatVersion: 1,
  article: { id: 'x', language: 'id', publishedOn: '2000-01-01', related: [], text: 'x' },
  entities: [],
  relations: [],
  events: [],
  claims: [],
};

/** The statements of the write path, with parameters of the types they are sent with. */
export function writePathStatements(): CypherQuery[] {
  return [
    ingest.prefetch('x', [], []),
    combine(
      planArticleWrite({
        doc: EMPTY,
        resolution: { graphId: new Map(), linked: [], created: [], existing: new Map() },
        relations: new Map(),
        grouping: { created: [], joined: [], absorbed: [] },
        contentHash: '',
      }),
    ),
    derivedLinks([], []),
    statements.statementInputs([], []),
    combine([statements.setStatements('Event', []), statements.setStatements('Claim', [])]),
    removal.articleContributions('x'),
    removal.deleteArticleData('x', false),
    removal.deleteArticleData('x', true),
    ...removal.deleteLegacyRelations('x'),
    ...ingest.RELATION_TYPES.values.map((t) => ingest.writeRelations(t, [])),
    removal.deleteRelations([]),
    ingest.updateEntities([]),
    removal.otherSources('x', []),
    removal.remainingStatements([]),
    removal.deleteOrphanEntities([]),
    sameness.statementsOfReports([]),
    sameness.afterResolution([], [], []),
  ];
}

const prepared = new WeakSet<object>();

/** Batches small enough that a large graph's upgrade never holds one huge transaction. */
const UPGRADE_BATCH = 500;

/**
 * Rewrites entities that still keep every article's source in one property (see
 * entitiesWithSourceMaps): each article's source goes on its NAMES relationship and the entity
 * keeps their fold. Only the write path reads either, so this runs before the first write.
 */
export async function upgradeEntitySources(db: Database): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.writeTx(async (tx) => {
      const batch = await tx.run(ingest.entitiesWithSourceMaps(UPGRADE_BATCH));
      if (batch.length === 0) return 0;
      const entities = batch.map((e) => {
        // Written by the earlier version as a map of article id to EntitySource.
        const sources = JSON.parse(e.sourcesJson) as Record<string, EntitySource>;
        const names = Object.entries(sources).map(([article, source]) => ({
          article,
          entity: e.id,
          sourceJson: JSON.stringify(source),
        }));
        return { row: { id: e.id, ...(entityFromSources(sources) ?? { foldJson: null }) }, names };
      });
      await tx.run(ingest.updateEntities(entities.map((e) => e.row)));
      await tx.run(ingest.writeNames(entities.flatMap((e) => e.names)));
      await tx.run(ingest.dropSourceMaps(batch.map((e) => e.id)));
      return batch.length;
    });
    if (n === 0) return done;
    done += n;
  }
}

/** Plans the write path's statements once per driver, each in a transaction of its own. */
export async function prepareWrites(db: Database): Promise<void> {
  if (prepared.has(db.driver)) return;
  await upgradeEntitySources(db);
  for (const query of writePathStatements()) {
    const q = oneMap(query);
    await db.writeTx((tx) => tx.run({ cypher: `EXPLAIN ${q.cypher}`, params: q.params }));
  }
  prepared.add(db.driver);
}
