// The Cypher of an article write. Labels and relationship types come only from the vocabulary's
// values, which the parameter types below admit and nothing else; every value is a parameter.
// Each write statement stands alone as a unit subquery, so a plan of them can also run as one
// statement (combine.ts).
import {
  CLAIM_KINDS,
  type ClaimKind,
  ENTITY_TYPES,
  type EntityType,
  RELATION_TYPES,
  type RelationType,
} from '../../vocabulary.js';
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';

export { CLAIM_KINDS, ENTITY_TYPES, RELATION_TYPES };

/** The version of the graph model articles are written in; an article of another version is rewritten. */
export const MODEL_VERSION = 2;

const ENTITY_FIELDS = 'id: e.id, type: e.type, foldJson: e.foldJson';

/** A name look-up of a document entity: its type, its name keys, and them as a full-text query. */
export interface NameLookup {
  docId: string;
  type: string;
  keys: string[];
  lucene: string;
}

/**
 * The graph entities that may be the entities of some documents by name, read before their
 * transaction: through the full-text index, then matched exactly on type and name key. A query of a
 * full-text index inside a transaction that has written indexes that transaction's writes first,
 * again after every write: read here, before any write, a batch of documents costs one query per
 * name instead. Rows by document (its index in the list) and document entity, for those with
 * candidates or an id the graph has. Those the graph has by id need no look-up: it finds them by id
 * unless an earlier document of the batch took them out of the graph, and then (`search`) the
 * write looks their names up itself.
 */
export const nameCandidates = (
  docs: NameLookup[][],
): CypherQuery<{ doc: number; docId: string; ids: string[]; search: boolean }> => ({
  cypher: `UNWIND range(0, size($docs) - 1) AS doc
    UNWIND $docs[doc] AS l
    OPTIONAL MATCH (known:Entity {id: l.docId})
    CALL (l, known) {
      WITH l WHERE known IS NULL
      CALL db.index.fulltext.queryNodes('entity_name_keys', l.lucene) YIELD node AS e
      WITH l, e WHERE e.type = l.type AND any(k IN e.nameKeys WHERE k IN l.keys)
      RETURN collect(DISTINCT e.id) AS ids
    }
    WITH doc, l, ids, known IS NOT NULL AS search WHERE search OR size(ids) > 0
    RETURN doc, l.docId AS docId, ids, search`,
  params: { docs },
});

/**
 * What a write must know before it is planned, in one round trip: the stored version of the
 * article (and its reports a split took out), the entities the document names by id, and, for the
 * others, the entities of their candidates (nameCandidates, and what the same transaction wrote
 * under their names) that still share a normalised name with them; the full-text index only for
 * those nameCandidates left to the write (`search`).
 */
export const prefetch = (
  articleId: string,
  ids: string[],
  lookups: (NameLookup & { candidates: string[]; search: boolean })[],
): CypherQuery => ({
  cypher: `OPTIONAL MATCH (a:Article {id: $articleId})
    // An article another version of the model wrote counts as changed: it is written again.
    WITH a IS NOT NULL AS stored, CASE WHEN a.model = $model THEN a.contentHash END AS hash,
      coalesce(a.separated, []) AS separated
    CALL () {
      UNWIND $ids AS id MATCH (e:Entity {id: id})
      RETURN collect({${ENTITY_FIELDS}}) AS byId
    }
    CALL (byId) {
      UNWIND $lookups AS l
      WITH l WHERE NOT l.docId IN [x IN byId | x.id]
      CALL (l) {
        CALL (l) {
          UNWIND l.candidates AS id
          MATCH (e:Entity {id: id})
          RETURN e
          UNION
          WITH l WHERE l.search
          CALL db.index.fulltext.queryNodes('entity_name_keys', l.lucene) YIELD node AS e
          RETURN e
        }
        WITH e WHERE e.type = l.type AND any(k IN e.nameKeys WHERE k IN l.keys)
        RETURN collect(DISTINCT {${ENTITY_FIELDS}}) AS found
      }
      RETURN collect({docId: l.docId, found: found}) AS byName
    }
    RETURN stored, hash, separated, byId, byName`,
  params: { articleId, ids, lookups, model: MODEL_VERSION },
});

/** The stored sources of the relations a document states, to add its own to. */
export const relationSources = (
  rows: { type: string; from: string; to: string; key: string }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
    WHERE type(r) = row.type AND r.key = row.key
    RETURN row.type AS type, row.from AS from, row.to AS to, row.key AS key, r.sourcesJson AS sourcesJson`,
  params: { rows },
});

export const upsertArticle = (props: Record<string, unknown>): CypherQuery => ({
  cypher: `MERGE (a:Article {id: $props.id})
    SET a += $props, a.publishedOn = date($props.publishedOn), a.ingestedAt = datetime()`,
  params: { props },
});

export const createParagraphs = (
  articleId: string,
  rows: { id: string; index: number; start: number; end: number; text: string }[],
): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    UNWIND $rows AS row
    CREATE (p:Paragraph {id: row.id, index: row.index, start: row.start, end: row.end, text: row.text})
    CREATE (p)-[:IN_ARTICLE]->(a)
    WITH a, p ORDER BY p.index
    WITH collect(p) AS ps
    UNWIND range(0, size(ps) - 2) AS i
    WITH ps[i] AS x, ps[i + 1] AS y
    CREATE (x)-[:NEXT]->(y)`,
  params: { articleId, rows },
});

export const createEvidence = (articleId: string, rows: unknown[]): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    UNWIND $rows AS row
    MATCH (p:Paragraph {id: row.paragraphId})
    CREATE (e:Evidence {id: row.id, quote: row.quote, prefix: row.prefix, suffix: row.suffix,
                        start: row.start, end: row.end})
    CREATE (e)-[:IN_ARTICLE]->(a)
    CREATE (e)-[:IN_PARAGRAPH]->(p)`,
  params: { articleId, rows },
});

export const createEntities = (label: EntityType, rows: unknown[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row CREATE (e:Entity:${label}) SET e = row`,
  params: { rows },
});

/** Sets the names of existing entities, with the fold of all their sources. */
export const updateEntities = (rows: unknown[]): CypherQuery => ({
  cypher: 'UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e += row',
  params: { rows },
});

/**
 * What the article says of each entity it names (its labels, aliases, description), kept on a
 * relationship of its own: an entity's names are folded from these, and taking the article away
 * takes its relationship with it.
 */
export const writeNames = (rows: { article: string; entity: string; sourceJson: string }[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Article {id: row.article}) MATCH (e:Entity {id: row.entity})
    MERGE (a)-[n:NAMES]->(e)
    SET n.sourceJson = row.sourceJson`,
  params: { rows },
});

/**
 * Entities written before names were folded keep every article's source in one property that
 * grows with each article naming them; a batch of those, to be rewritten in the current form.
 */
export const entitiesWithSourceMaps = (size: number): CypherQuery<{ id: string; sourcesJson: string }> => ({
  cypher: `MATCH (e:Entity) WHERE e.sourcesJson IS NOT NULL
    RETURN e.id AS id, e.sourcesJson AS sourcesJson LIMIT $size`,
  params: { size: int(size) },
});

export const dropSourceMaps = (ids: string[]): CypherQuery => ({
  cypher: 'UNWIND $ids AS id MATCH (e:Entity {id: id}) REMOVE e.sourcesJson',
  params: { ids },
});

export const createMentions = (
  rows: { evidenceId: string; entityId: string; surface: string }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (ev:Evidence {id: row.evidenceId}) MATCH (e:Entity {id: row.entityId})
    CREATE (ev)-[:MENTIONS {surface: row.surface}]->(e)`,
  params: { rows },
});

/** One relationship per fact: a second article stating it adds itself to the same relationship. */
export const writeRelations = (
  type: RelationType,
  rows: { from: string; to: string; props: unknown }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
    MERGE (a)-[r:${type} {key: row.props.key}]->(b)
    SET r = row.props`,
  params: { rows },
});

/** The article's reports, each with its article, what it involves, its sources and its evidence. */
export const createReports = (
  articleId: string,
  rows: {
    reports: unknown[];
    involves: unknown[];
    accordingTo: unknown[];
    evidence: unknown[];
    references: unknown[];
  },
): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    CALL (a) {
      UNWIND $rows.reports AS row
      CREATE (r:Report) SET r = row, r.sortDate = date(row.sortDate)
      CREATE (r)-[:IN_ARTICLE]->(a)
    }
    CALL () {
      UNWIND $rows.involves AS row
      MATCH (r:Report {id: row.report}) MATCH (e:Entity {id: row.entity})
      CREATE (r)-[:INVOLVES {role: row.role, manner: row.manner, mannerWording: row.mannerWording}]->(e)
    }
    CALL () {
      UNWIND $rows.accordingTo AS row
      MATCH (r:Report {id: row.report}) MATCH (e:Entity {id: row.entity})
      CREATE (r)-[:ACCORDING_TO {cue: row.cue, manner: row.manner, mannerWording: row.mannerWording, evidenceIds: row.evidenceIds}]->(e)
    }
    CALL () {
      UNWIND $rows.evidence AS row
      MATCH (r:Report {id: row.report}) MATCH (ev:Evidence {id: row.evidence})
      MERGE (r)-[:QUOTES]->(ev)
    }
    CALL () {
      UNWIND $rows.references AS row
      MATCH (r:Report {id: row.report})
      CREATE (r)-[:REFERS]->(:Reference {type: row.type, to: row.to})
    }`,
  params: { articleId, rows },
});

/** New statements, one per report that joins none: the report's key is the statement's. */
export const createEvents = (rows: { id: string; kind: string }[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    CREATE (s:Event {id: row.id, kind: row.kind})
    WITH s, row MATCH (r:Report {id: row.id}) CREATE (r)-[:REPORTS]->(s)`,
  params: { rows },
});

export const createClaims = (label: ClaimKind, rows: { id: string; kind: string }[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    CREATE (s:Claim:${label} {id: row.id, kind: row.kind})
    WITH s, row MATCH (r:Report {id: row.id}) CREATE (r)-[:REPORTS]->(s)`,
  params: { rows },
});
