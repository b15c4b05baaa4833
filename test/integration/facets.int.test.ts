// Facets: counts grouped by kind, status, type or role over a whole filtered list, computed in
// the database; they agree with paging through the list and counting by hand.
import { describe, expect, it } from 'vitest';
import { ARTICLE_KEY, useGraph, useStatementCount } from '../helpers.js';

const graph = useGraph();
const measure = useStatementCount(graph);

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};
const asMap = (list: { value: string; count: number }[]) =>
  Object.fromEntries(list.map((f) => [f.value, f.count]));

describe('facets on the root lists', () => {
  it('claims involving Russia: kinds, statuses and Russia’s roles, as paging through them finds', async () => {
    const { claims } = await ask(`{ claims(filter: {participant: "country:russia"}, first: 100) {
      totalCount
      facets { kinds { value count } statuses { value count } roles { value count } }
      edges { node { kind status participants { role entity { key } } } }
    } }`);
    const nodes = claims.edges.map((e: any) => e.node);
    expect(claims.totalCount).toBe(nodes.length);
    expect(asMap(claims.facets.kinds)).toEqual(tally(nodes.map((n: any) => n.kind)));
    expect(asMap(claims.facets.statuses)).toEqual(tally(nodes.map((n: any) => n.status)));
    const roles = nodes.flatMap((n: any) => [
      ...new Set(
        n.participants
          .filter((p: any) => p.entity.key === 'country:russia')
          .map((p: any) => p.role as string),
      ),
    ]);
    expect(asMap(claims.facets.roles)).toEqual(tally(roles as string[]));
    const counts = claims.facets.kinds.map((f: any) => f.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it('events by kind and status follow the filter; entities by type', async () => {
    const data = await ask(`{
      events(filter: {kinds: ["tour", "arrival"]}) { totalCount facets { kinds { value count } statuses { value count } } }
      entities { totalCount facets { types { value count } } }
    }`);
    expect(asMap(data.events.facets.kinds)).toEqual({ Tour: 3, Arrival: 2 });
    expect(data.events.facets.statuses.reduce((a: number, f: any) => a + f.count, 0)).toBe(5);
    expect(asMap(data.entities.facets.types)).toMatchObject({ Person: 5 });
    expect(data.entities.facets.types.reduce((a: number, f: any) => a + f.count, 0)).toBe(
      data.entities.totalCount,
    );
  });
});

const FACETS = {
  claims: 'kinds { value count } statuses { value count } roles { value count }',
  events: 'kinds { value count } statuses { value count } roles { value count }',
  entities: 'types { value count }',
};

/** Every item of a nested list, read page by page with cursors of 2, and the facets on each page. */
async function pageThrough(
  wrap: (inner: string) => string,
  pick: (data: any) => any,
  field: string,
  kind: keyof typeof FACETS,
  node: string,
): Promise<{ nodes: any[]; facets: any }> {
  const nodes: any[] = [];
  let after: string | null = null;
  let facets: any;
  for (let i = 0; i < 100; i++) {
    const data: any = await ask(
      `query($after: String) { ${wrap(`${field}(first: 2, after: $after) {
        facets { ${FACETS[kind]} } pageInfo { hasNextPage endCursor } edges { node { ${node} } } }`)} }`,
      { after },
    );
    const connection = pick(data);
    facets ??= connection.facets;
    // The facets count the whole list, whichever page is read.
    expect(connection.facets).toEqual(facets);
    nodes.push(...connection.edges.map((e: any) => e.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, facets };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

const STATEMENT = 'key kind status participants { role entity { key } }';
/** The roles of a statement's participants, each role once per statement (of `only` when given). */
const rolesOf = (nodes: any[], only?: string) =>
  tally(
    nodes.flatMap((n: any) => [
      ...new Set<string>(
        n.participants.filter((p: any) => !only || p.entity.key === only).map((p: any) => p.role),
      ),
    ]),
  );

describe('facets on nested lists', () => {
  it('an entity’s claims: kinds, statuses and its own roles, as paging through them finds', async () => {
    const { nodes, facets } = await pageThrough(
      (inner) => `entity(key: "country:russia") { ... on Entity { ${inner} } }`,
      (d) => d.entity.claims,
      'claims',
      'claims',
      STATEMENT,
    );
    expect(nodes.length).toBeGreaterThan(4);
    expect(asMap(facets.kinds)).toEqual(tally(nodes.map((n) => n.kind)));
    expect(asMap(facets.statuses)).toEqual(tally(nodes.map((n) => n.status)));
    // Russia's roles, not its fellow participants'.
    expect(asMap(facets.roles)).toEqual(rolesOf(nodes, 'country:russia'));
    expect(asMap(facets.roles)).not.toEqual(rolesOf(nodes));
    // The same counts as the root list filtered to Russia.
    const root = await ask(`{ claims(filter: {participant: "country:russia"}) {
      facets { kinds { value count } statuses { value count } roles { value count } } } }`);
    expect(facets).toEqual(root.claims.facets);
  });

  it('follow the list’s filter: role, kinds, statuses', async () => {
    const data = await ask(`{
      entity(key: "country:russia") { claims(role: SUBJECT, statuses: [ASSERTED]) {
        totalCount facets { kinds { value count } statuses { value count } roles { value count } } } }
      claims(filter: {participant: "country:russia", role: SUBJECT, statuses: [ASSERTED]}) {
        totalCount facets { kinds { value count } statuses { value count } roles { value count } } }
    }`);
    expect(data.entity.claims.totalCount).toBeGreaterThan(0);
    expect(data.entity.claims.facets).toEqual(data.claims.facets);
    expect(asMap(data.entity.claims.facets.statuses)).toEqual({ ASSERTED: data.entity.claims.totalCount });
  });

  it('an article’s claims, events and entities, an event’s claims, a place’s events', async () => {
    const article = (inner: string) => `article(key: "${ARTICLE_KEY}") { ${inner} }`;
    const claims = await pageThrough(article, (d) => d.article.claims, 'claims', 'claims', STATEMENT);
    expect(asMap(claims.facets.kinds)).toEqual(tally(claims.nodes.map((n) => n.kind)));
    expect(asMap(claims.facets.statuses)).toEqual(tally(claims.nodes.map((n) => n.status)));
    // No entity owns an article's list: every participant's roles.
    expect(asMap(claims.facets.roles)).toEqual(rolesOf(claims.nodes));

    const events = await pageThrough(article, (d) => d.article.events, 'events', 'events', STATEMENT);
    expect(asMap(events.facets.kinds)).toEqual(tally(events.nodes.map((n) => n.kind)));
    expect(asMap(events.facets.statuses)).toEqual(tally(events.nodes.map((n) => n.status)));
    expect(asMap(events.facets.roles)).toEqual(rolesOf(events.nodes));

    const entities = await pageThrough(
      article,
      (d) => d.article.entities,
      'entities',
      'entities',
      'key type',
    );
    expect(asMap(entities.facets.types)).toEqual(tally(entities.nodes.map((n) => n.type)));

    const { event } = await ask(`{ events(filter: {participant: "person:kim-jong-un"}, first: 1) {
      edges { node { key } } } }`).then((d) => ({ event: d.events.edges[0].node.key }));
    const eventClaims = await pageThrough(
      (inner) => `event(key: "${event}") { ${inner} }`,
      (d) => d.event.claims,
      'claims',
      'claims',
      STATEMENT,
    );
    expect(asMap(eventClaims.facets.kinds)).toEqual(tally(eventClaims.nodes.map((n) => n.kind)));

    const here = await pageThrough(
      (inner) => `entity(key: "country:russia") { ... on Place { ${inner} } }`,
      (d) => d.entity.eventsHere,
      'eventsHere',
      'events',
      STATEMENT,
    );
    expect(here.nodes.length).toBeGreaterThan(4);
    expect(asMap(here.facets.kinds)).toEqual(tally(here.nodes.map((n) => n.kind)));
    expect(asMap(here.facets.roles)).toEqual(rolesOf(here.nodes));
  });

  it('an entity’s events and a source’s claims and reports; each parent of a level its own counts', async () => {
    const events = await pageThrough(
      (inner) => `entity(key: "person:kim-jong-un") { ${inner} }`,
      (d) => d.entity.events,
      'events',
      'events',
      STATEMENT,
    );
    expect(asMap(events.facets.kinds)).toEqual(tally(events.nodes.map((n) => n.kind)));
    expect(asMap(events.facets.roles)).toEqual(rolesOf(events.nodes, 'person:kim-jong-un'));

    const asserted = await pageThrough(
      (inner) => `entity(key: "org:ria") { ${inner} }`,
      (d) => d.entity.assertedClaims,
      'assertedClaims',
      'claims',
      STATEMENT,
    );
    expect(asMap(asserted.facets.kinds)).toEqual(tally(asserted.nodes.map((n) => n.kind)));
    const reported = await pageThrough(
      (inner) => `entity(key: "org:ria") { ${inner} }`,
      (d) => d.entity.reportedEvents,
      'reportedEvents',
      'events',
      STATEMENT,
    );
    expect(asMap(reported.facets.kinds)).toEqual(tally(reported.nodes.map((n) => n.kind)));

    // Many parents in one level: each entity's facets are its own list's.
    const { entities } = await ask(`{ entities(first: 30) { edges { node { key
      claims(first: 100) { edges { node { kind } } facets { kinds { value count } } } } } } }`);
    const withClaims = entities.edges.filter((e: any) => e.node.claims.edges.length > 0);
    expect(withClaims.length).toBeGreaterThan(3);
    for (const { node } of entities.edges) {
      expect(asMap(node.claims.facets.kinds)).toEqual(tally(node.claims.edges.map((e: any) => e.node.kind)));
    }
  });

  it('are counted only when selected: one statement per facet for every parent of a level', async () => {
    const run = async (facets: string) =>
      (
        await measure(
          `{ entities(first: 30) { edges { node { key claims(first: 1) { edges { node { key } } ${facets} } } } } }`,
        )
      ).statements;
    expect(await run('')).toBe(1);
    expect(await run('facets { kinds { value } }')).toBe(2);
    expect(await run('facets { kinds { value } roles { value count } }')).toBe(3);
  });
});
