// Root lists: each starts from an index (a constraint's or a property index), never a label scan.
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { project } from './nodes.js';

const page = (skip: number, limit: number) => ({ skip: int(skip), limit: int(limit) });

export const countArticles = (): CypherQuery => ({
  cypher: 'MATCH (a:Article) WHERE a.publishedOn IS NOT NULL RETURN count(a) AS total',
});

export const pageArticles = (skip: number, limit: number): CypherQuery => ({
  cypher: `MATCH (a:Article) WHERE a.publishedOn IS NOT NULL
    RETURN ${project('Article', 'a')} AS node ORDER BY a.publishedOn DESC, a.id SKIP $skip LIMIT $limit`,
  params: page(skip, limit),
});

export interface EntityFilter {
  types: string[] | null;
}

const entityWhere = 'WHERE e.type IN $types';

export const countEntities = (types: string[]): CypherQuery => ({
  cypher: `MATCH (e:Entity) ${entityWhere} RETURN count(e) AS total`,
  params: { types },
});

export const pageEntities = (types: string[], skip: number, limit: number): CypherQuery => ({
  cypher: `MATCH (e:Entity) ${entityWhere}
    RETURN ${project('Entity', 'e')} AS node ORDER BY e.type, e.label, e.id SKIP $skip LIMIT $limit`,
  params: { types, ...page(skip, limit) },
});

export interface ClaimFilter {
  kinds: string[];
  statuses: string[];
  participant: string | null;
  role: string | null;
  attributedTo: string | null;
  from: string | null;
  to: string | null;
}

// The date range is always present (open ends become the widest dates), so every claim query
// starts from the sortDate index; participant and speaker narrow it by pattern.
function claimMatch(f: ClaimFilter): string {
  return `MATCH (c:Claim) WHERE c.sortDate >= date($from) AND c.sortDate <= date($to)
      AND ($kinds = [] OR c.kind IN $kinds) AND ($statuses = [] OR c.status IN $statuses)
    ${f.participant ? 'AND EXISTS { MATCH (c)-[r:PARTICIPANT]->(:Entity {id: $participant}) WHERE $role IS NULL OR r.role = $role }' : ''}
    ${!f.participant && f.role ? 'AND EXISTS { MATCH (c)-[r:PARTICIPANT]->(:Entity) WHERE r.role = $role }' : ''}
    ${f.attributedTo ? 'AND EXISTS { MATCH (c)-[:ATTRIBUTED_TO]->(:Entity {id: $attributedTo}) }' : ''}`;
}

const claimParams = (f: ClaimFilter) => ({ ...f, from: f.from ?? '0001-01-01', to: f.to ?? '9999-12-31' });

export const countClaims = (f: ClaimFilter): CypherQuery => ({
  cypher: `${claimMatch(f)} RETURN count(c) AS total`,
  params: claimParams(f),
});

export const pageClaims = (f: ClaimFilter, skip: number, limit: number): CypherQuery => ({
  cypher: `${claimMatch(f)}
    RETURN ${project('Claim', 'c')} AS node ORDER BY c.sortDate, c.id SKIP $skip LIMIT $limit`,
  params: { ...claimParams(f), ...page(skip, limit) },
});

export interface EventFilter {
  kinds: string[];
  participant: string | null;
  location: string | null;
  from: string | null;
  to: string | null;
}

function eventMatch(f: EventFilter): string {
  return `MATCH (e:Event) WHERE e.sortDate >= date($from) AND e.sortDate <= date($to)
      AND ($kinds = [] OR e.kind IN $kinds)
    ${f.participant ? 'AND EXISTS { MATCH (e)-[:PARTICIPANT]->(:Entity {id: $participant}) }' : ''}
    ${f.location ? 'AND EXISTS { MATCH (e)-[:AT]->(:Entity)-[:LOCATED_IN*0..5]->(:Entity {id: $location}) }' : ''}`;
}

const eventParams = (f: EventFilter) => ({ ...f, from: f.from ?? '0001-01-01', to: f.to ?? '9999-12-31' });

export const countEvents = (f: EventFilter): CypherQuery => ({
  cypher: `${eventMatch(f)} RETURN count(e) AS total`,
  params: eventParams(f),
});

export const pageEvents = (f: EventFilter, skip: number, limit: number): CypherQuery => ({
  cypher: `${eventMatch(f)}
    RETURN ${project('Event', 'e')} AS node ORDER BY e.sortDate, e.id SKIP $skip LIMIT $limit`,
  params: { ...eventParams(f), ...page(skip, limit) },
});
