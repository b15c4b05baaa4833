// Queries a client writes from the schema alone, with default page sizes and up to four lists
// deep, which the cost limit must let through; and abusive ones it must refuse. Variables $id and
// $ids are global ids of the seed (a claim; two entities and a claim).
import { ARTICLE_KEY } from './helpers.js';

const A = ARTICLE_KEY;
const CLAIM = `${A}/claim:unsc-arms-ban`;
const EVENT = `${A}/event:kim-visit-russia`;

export const REALISTIC: [name: string, query: string][] = [
  [
    'an article, paragraphs, evidence, mentions',
    `{ article(key: "${A}") { key title publishedOn paragraphs { edges { node { index text
      evidence { edges { node { quote mentions { surface entity { key label } } } } } } } } } }`,
  ],
  [
    'an article, its entities and their mentions',
    `{ article(key: "${A}") { entities { totalCount edges { node { key label type
      mentions { edges { surface node { quote paragraph { index } } } } } } } } }`,
  ],
  [
    'an article, its events and claims',
    `{ article(key: "${A}") {
      events { edges { node { key label participants { role entity { key label } } } } }
      claims { edges { node { key summary status evidence { quote } } } } } }`,
  ],
  [
    'an article, paragraphs, evidence, claims and events',
    `{ article(key: "${A}") { paragraphs { edges { node { index evidence { edges { node { quote
      claims { key summary } events { key label } } } } } } } } }`,
  ],
  [
    'articles, claims, participants',
    `{ articles { totalCount edges { node { key title claims { edges { node { key kind
      participants { role entity { key } } } } } } } } }`,
  ],
  [
    'articles, events, participants',
    `{ articles { edges { node { key events { edges { node { key label
      participants { role entity { key label } } } } } } } } }`,
  ],
  [
    'a claim with participants, sources and evidence',
    `{ claim(key: "${CLAIM}") { key summary wording status hedge
      participants { role entity { key label events { edges { node { key label } } } } }
      attributedTo { cue entity { key } evidence { quote } }
      evidence { quote paragraph { index } } } }`,
  ],
  [
    'a claim and its links',
    `{ claim(key: "${CLAIM}") { key links { type direction claim { key summary
      participants { role entity { key } } } } contradicts { key } cites { key } citedBy { key } } }`,
  ],
  [
    'claims with participants and evidence',
    `{ claims { totalCount edges { node { key kind status summary
      participants { role entity { key label } } evidence { quote } } } } }`,
  ],
  [
    'claims of Russia',
    `{ claims(filter: { participant: "country:russia" }) { totalCount edges { node { key summary
      attributedTo { entity { key label } } } } } }`,
  ],
  ['claim facets', '{ claims { totalCount facets { kinds { value count } statuses { value count } } } }'],
  [
    'claims, events they are about, participants',
    `{ claims { edges { node { key about { key label participants { role entity { key label } } } } } } }`,
  ],
  [
    'entities with their names',
    '{ entities { totalCount edges { node { key label type labels { lang text } aliases { lang text } } } } }',
  ],
  [
    'entities, claims, participants',
    `{ entities { edges { node { key claims { edges { roles node { key
      participants { role entity { key } } } } } } } } }`,
  ],
  [
    'entities, events, participants',
    `{ entities { edges { node { key events { edges { roles node { key label
      participants { role entity { key label } } } } } } } } }`,
  ],
  [
    'entities, mentions, paragraphs',
    `{ entities { edges { node { key mentions { totalCount edges { surface node { quote
      paragraph { index text } } } } } } } }`,
  ],
  [
    'an entity, its claims with participants and evidence',
    `{ entity(key: "country:russia") { key label claims { totalCount edges { roles node { key summary status
      participants { role entity { key label } } evidence { quote } } } } } }`,
  ],
  [
    'a person, events, places and participants',
    `{ entity(key: "person:kim-jong-un") { key events { edges { roles node { key label
      time { start precision } location { key label } participants { role entity { key } } } } } } }`,
  ],
  [
    'an entity, relations, their sources and values',
    `{ entity(key: "place:artyom") { relations { edges { node { type sourceCount contested
      sources { article { key } outlet distance { value bound } evidence { quote } }
      values { property disagree values { value text sources { article { key } outlet } } } } } } } }`,
  ],
  [
    'an entity, relations, relations of the other',
    `{ entity(key: "country:russia") { relations { edges { node { type direction other { key label
      relations { edges { node { type other { key } } } } } } } } } }`,
  ],
  [
    'a person and the offices held',
    `{ entity(key: "person:vladimir-putin") { key ... on Person { roles { edges { node { title
      other { key label } evidence { quote } } } } } } }`,
  ],
  [
    'a place, what it contains and what happened there',
    `{ entity(key: "place:russian-far-east") { key ... on Place { containedIn { key }
      contains { edges { node { key label ... on Place { eventsHere { edges { node { key label } } } } } } }
      eventsHere { edges { node { key label participants { role entity { key } } } } } } } }`,
  ],
  [
    'a source, its articles, claims and reports',
    `{ entity(key: "org:ria") { key articles { edges { node { key title } } }
      assertedClaims { edges { cue node { key summary } } } reportedEvents { edges { node { key label } } } } }`,
  ],
  [
    'an event, participants and their claims',
    `{ event(key: "${EVENT}") { key label summary status participants { role entity { key label
      claims { edges { node { key summary } } } } } evidence { quote } claims { edges { node { key status } } } } }`,
  ],
  [
    'an event, its parts and theirs',
    `{ event(key: "${EVENT}") { key parts { key label parts { key label }
      participants { role entity { key } } location { key label } } partOf { key } reportedBy { cue entity { key } } } }`,
  ],
  [
    'events, participants, roles, evidence',
    `{ events { edges { node { key label participants { role entity { key label
      ... on Person { roles { edges { node { title evidence { quote } } } } } } } } } } }`,
  ],
  [
    'events, claims, evidence, mentions',
    `{ events { edges { node { key claims { edges { node { key evidence { quote
      mentions { surface entity { key } } } } } } } } } }`,
  ],
  [
    'events of a person, with facets',
    `{ events(filter: { participant: "person:kim-jong-un" }) { totalCount facets { kinds { value count } }
      edges { node { key label location { key } participants { role entity { key } } } } } }`,
  ],
  [
    'an entity, its claims counted by kind, status and role',
    `{ entity(key: "country:russia") { key ... on Entity { claims { totalCount
      facets { kinds { value count } statuses { value count } roles { value count } } } } } }`,
  ],
  [
    'entities and the kinds of their claims and events',
    `{ entities { edges { node { key claims { facets { kinds { value count } } }
      events { facets { kinds { value count } roles { value count } } } } } } }`,
  ],
  [
    'a neighbourhood',
    `{ neighborhood(key: "country:russia") { truncated nodes { id key label category }
      edges { id type source target role } } }`,
  ],
  [
    'a neighbourhood two hops out, with the objects drawn',
    `{ neighborhood(key: "person:kim-jong-un", depth: 2) { nodes { id label
      node { ... on Event { key label } ... on Entity { key type } } } edges { type source target } } }`,
  ],
  [
    'a node by id',
    `query($id: ID!) { node(id: $id) { id ... on Claim { key summary participants { role entity { key
      claims { edges { node { key } } } } } } } }`,
  ],
  [
    'nodes by ids',
    `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key label
      claims { edges { node { key participants { role entity { key } } } } } } } }`,
  ],
  [
    'paths between two people',
    `{ paths(from: "person:kim-jong-un", to: "person:vladimir-putin") { length nodes { id label }
      steps { relation role forward from { label } edge { type } } } }`,
  ],
  [
    'a name search and the claims found',
    `{ search(query: "korea") { totalCount edges { score matchedName node { key label
      claims { edges { node { key summary participants { role entity { key } } } } } } } } }`,
  ],
  [
    'a search of everything, with quotes',
    `{ searchAll(query: "walrus") { totalCount edges { score matched { field text }
      quote { quote paragraph { index } } node { id ... on Claim { key summary } ... on Event { key label } } } } }`,
  ],
  [
    'a timeline of a person',
    `{ timeline(entity: "person:kim-jong-un") { totalCount edges { node { sortDate date { start }
      item { __typename ... on Event { key label participants { role entity { key } } }
      ... on Claim { key summary evidence { quote } } } } } } }`,
  ],
  [
    'the vocabularies',
    '{ vocabulary { entityTypes { value count } claimKinds { value count } roles { value count } } }',
  ],
];

/** Three levels of the same list under each other, each with `first: n`. */
const hubWalk = (n: number) => `{ entities(first: ${n}) { edges { node { claims(first: ${n}) { edges { node {
  participants { entity { claims(first: ${n}) { edges { node { key summary } } } } } } } } } } } }`;

export const ABUSIVE: [name: string, query: string, message: RegExp][] = [
  [
    'an alias flood',
    `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: entity(key: "country:russia") { key }`).join(' ')} }`,
    /Aliases limit of 15 exceeded, found 16/,
  ],
  [
    'aliases of nested pages under the alias limit',
    `{ ${Array.from(
      { length: 15 },
      (_, i) => `a${i}: entities(first: 100) { edges { node { claims(first: 100) { edges { node { key summary
        participants { role entity { key label } } } } } } } }`,
    ).join(' ')} }`,
    /^Query cost [\d,]+ exceeds the limit of 20,000; most expensive: Query\.a\d+\.edges\.node\.claims/,
  ],
  [
    'deep nesting',
    `{ entity(key: "country:russia") { ${'relations { edges { node { other { '.repeat(4)}key${' } } } }'.repeat(4)} } }`,
    /depth limit of 14 exceeded, found 18/,
  ],
  ['a page-size bomb on a hub walk', hubWalk(100), /^Query cost [\d,]+ exceeds the limit of 20,000/],
  ['a hub walk with pages of 50', hubWalk(50), /^Query cost [\d,]+ exceeds the limit of 20,000/],
  [
    'pages of 100 three lists deep',
    `{ articles(first: 100) { edges { node { paragraphs(first: 100) { edges { node {
      evidence(first: 100) { edges { node { quote } } } } } } } } } }`,
    /^Query cost [\d,]+ exceeds the limit of 20,000/,
  ],
  [
    'a neighbourhood of every claim',
    `{ claims(first: 100) { edges { node { participants { entity { events(first: 100) { edges { node {
      participants { entity { key mentions(first: 100) { edges { node { quote } } } } } } } } } } } } } }`,
    /^Query cost [\d,]+ exceeds the limit of 20,000/,
  ],
  [
    'a negative page beside a page-size bomb',
    `{ a: entities(first: -1000000) { edges { node { key } } } ${hubWalk(100).slice(1, -1)} }`,
    /^Query cost [\d,]+ exceeds the limit of 20,000/,
  ],
  ['too many tokens', `{ ${'__typename '.repeat(2_001)} }`, /Token limit of 2000 exceeded/],
];
