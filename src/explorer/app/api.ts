// The explorer's only way to the data: the public GraphQL API, over JSON POSTs to /graphql.
// Each query names just the fields the page shows, so this file doubles as a client example.

export class ApiError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('the service does not answer: is it running?');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string }[];
  } | null;
  if (!body) throw new ApiError(`the service answered HTTP ${response.status} without JSON`);
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError('the service answered without data');
  return body.data;
}

export interface SearchHit {
  matchedName: string;
  node: { key: string; type: string; label: string; labelId: string };
}

export const SEARCH = `query ExplorerSearch($query: String!) {
  search(query: $query, first: 8) {
    edges { matchedName node { key type label labelId: label(lang: "id") } }
  }
}`;

export interface GraphNodeData {
  id: string;
  key: string;
  type: string;
  category: 'Entity' | 'Event' | 'Claim';
  label: string;
  claimStatus: string | null;
}

export interface GraphEdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  label: string | null;
}

export interface NeighborhoodData {
  truncated: boolean;
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
}

const GRAPH_NODE = 'id key type category label claimStatus';
const GRAPH_EDGE = 'id source target type role label';

export const NEIGHBORHOOD = `query ExplorerNeighborhood($key: String!, $depth: Int!, $first: Int!) {
  neighborhood(key: $key, depth: $depth, first: $first) {
    truncated
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
  }
}`;

export interface PathData {
  length: number;
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  steps: {
    forward: boolean;
    relation: string;
    role: string | null;
    from: { key: string };
    to: { key: string };
  }[];
}

export const PATHS = `query ExplorerPaths($from: String!, $to: String!) {
  paths(from: $from, to: $to, maxHops: 4, first: 3) {
    length
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
    steps { forward relation role from { key } to { key } }
  }
}`;

export interface PartialDateData {
  start: string;
  end: string | null;
  precision: 'DAY' | 'MONTH' | 'YEAR';
  approximate: boolean;
  partOfDay: string | null;
  original: string | null;
}

const DATE = 'start end precision approximate partOfDay original';

export interface TimelineEntryData {
  date: PartialDateData | null;
  sortDate: string;
  item: { __typename: string; key: string; label?: string; summary?: string; status?: string };
}

export const TIMELINE = `query ExplorerTimeline($entity: String!) {
  timeline(entity: $entity, first: 100) {
    totalCount
    edges { node { date { ${DATE} } sortDate item {
      __typename
      ... on Event { key label }
      ... on Claim { key summary status }
    } } }
  }
}`;

export interface EvidenceData {
  quote: string;
  start: number;
  end: number;
  paragraph: { index: number; start: number; end: number; text: string };
  article: { key: string; title: string | null; publishedOn: string; dateline: string | null };
}

const EVIDENCE =
  'quote start end paragraph { index start end text } article { key title publishedOn dateline }';

export interface AttributionData {
  cue: string;
  entity: { key: string; label: string };
  evidence: EvidenceData[];
}

export interface ClaimData {
  __typename: string;
  key: string;
  kind: string;
  summary: string;
  wording: string;
  status: string;
  hedge: string | null;
  time: PartialDateData | null;
  assertedByArticle: boolean;
  attributedTo: AttributionData[];
  participants: { role: string; entity: { key: string; label: string; type: string } }[];
  evidence: EvidenceData[];
  article: { key: string; title: string | null; publishedOn: string; dateline: string | null };
  links: { type: string; direction: string; claim: { key: string; summary: string; status: string } }[];
}

const CLAIM = `__typename key kind summary wording status hedge time { ${DATE} } assertedByArticle
  attributedTo { cue entity { key label } evidence { ${EVIDENCE} } }
  participants { role entity { key label type } }
  evidence { ${EVIDENCE} }
  article { key title publishedOn dateline }
  links { type direction claim { key summary status } }`;

export const CLAIM_QUERY = `query ExplorerClaim($key: String!) { claim(key: $key) { ${CLAIM} } }`;

export interface EventData {
  key: string;
  kind: string;
  label: string;
  labelId: string;
  status: string;
  time: PartialDateData | null;
  location: { key: string; label: string } | null;
  partOf: { key: string; label: string } | null;
  participants: { role: string; entity: { key: string; label: string; type: string } }[];
  reportedBy: AttributionData[];
  evidence: EvidenceData[];
  article: { key: string; title: string | null; publishedOn: string; dateline: string | null };
  claims: { edges: { node: { key: string; summary: string; status: string } }[] };
}

export const EVENT_QUERY = `query ExplorerEvent($key: String!) {
  event(key: $key) {
    key kind label labelId: label(lang: "id") status time { ${DATE} }
    location { key label } partOf { key label }
    participants { role entity { key label type } }
    reportedBy { cue entity { key label } evidence { ${EVIDENCE} } }
    evidence { ${EVIDENCE} }
    article { key title publishedOn dateline }
    claims(first: 20) { edges { node { key summary status } } }
  }
}`;

export interface EntityData {
  key: string;
  type: string;
  label: string;
  labelId: string;
  labels: { lang: string; text: string }[];
  aliases: { lang: string; text: string }[];
  description: string | null;
  wikidata: string | null;
  claims: { totalCount: number; edges: { roles: string[]; node: ClaimSummary }[] };
  assertedClaims: { totalCount: number; edges: { cue: string; node: ClaimSummary }[] };
}

export interface ClaimSummary {
  key: string;
  summary: string;
  status: string;
  hedge: string | null;
  attributedTo: { cue: string; entity: { key: string; label: string } }[];
}

const CLAIM_SUMMARY = 'key summary status hedge attributedTo { cue entity { key label } }';

export const ENTITY_QUERY = `query ExplorerEntity($key: String!) {
  entity(key: $key) {
    key type label labelId: label(lang: "id") labels { lang text } aliases { lang text }
    description wikidata
    claims(first: 50) { totalCount edges { roles node { ${CLAIM_SUMMARY} } } }
    assertedClaims(first: 50) { totalCount edges { cue node { ${CLAIM_SUMMARY} } } }
  }
}`;
