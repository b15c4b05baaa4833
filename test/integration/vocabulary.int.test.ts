// Input a new client writes: names where keys go, kinds in the wrong case, keys without their
// article. Each gets an answer or an error that says what to write instead, never a silent
// empty list; and the vocabularies can be listed with their counts.
import { describe, expect, it } from 'vitest';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

async function refused(query: string, variables?: Record<string, unknown>) {
  const res = await graph.gql(query, variables);
  expect(res.errors, JSON.stringify(res.data)).toHaveLength(1);
  const [error] = res.errors ?? [];
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  return error as { message: string; extensions: Record<string, any> };
}

describe('a name where an entity key goes', () => {
  it('claims(filter: {participant: "Putin"}) says no entity has that key and suggests Vladimir Putin', async () => {
    const error = await refused('{ claims(filter: {participant: "Putin"}) { edges { node { key } } } }');
    expect(error.message).toMatch(/^"filter\.participant": no entity has the key "Putin"/);
    expect(error.message).toContain('"person:vladimir-putin" (Vladimir Putin)');
    expect(error.extensions.argument).toBe('filter.participant');
    expect(error.extensions.suggestions[0]).toEqual({
      key: 'person:vladimir-putin',
      label: 'Vladimir Putin',
      type: 'Person',
    });
  });

  it('a misspelt key suggests the entity it nearly names', async () => {
    const error = await refused('{ events(filter: {participant: "person:kim-jong-eun"}) { totalCount } }');
    expect(error.extensions.suggestions.map((s: any) => s.key)).toContain('person:kim-jong-un');
  });

  it('every entity key argument is checked: attributedTo, location, timeline, neighbourhood, paths', async () => {
    for (const [query, arg] of [
      ['{ claims(filter: {attributedTo: "Yoon"}) { totalCount } }', 'filter.attributedTo'],
      ['{ events(filter: {location: "Vladivostok"}) { totalCount } }', 'filter.location'],
      ['{ timeline(entity: "Kim") { totalCount } }', 'entity'],
      ['{ neighborhood(key: "Russia") { nodes { id } } }', 'key'],
      ['{ paths(from: "country:russia", to: "Kim") { length } }', 'to'],
    ] as const) {
      const error = await refused(query);
      expect(error.extensions.argument, query).toBe(arg);
    }
  });

  it('entity(key:) with a key that names nothing says so and suggests the closest, instead of a bare null', async () => {
    const error = await refused('{ entity(key: "Putin") { key } }');
    expect(error.message).toMatch(/^"key": no entity has the key "Putin"/);
    expect(error.extensions.suggestions[0].key).toBe('person:vladimir-putin');
    const res = await graph.gql(
      '{ entity(key: "Putin") { key } russia: entity(key: "country:russia") { key } }',
    );
    expect(res.data).toEqual({ entity: null, russia: { key: 'country:russia' } });
  });

  it('event(key:) and claim(key:) with keys that name nothing say so and show what keys look like', async () => {
    const event = await refused('{ event(key: "event:no-such-meeting") { key } }');
    expect(event.message).toMatch(/^"key": no event has the key "event:no-such-meeting" \(keys look like "/);
    const claim = await refused(`{ claim(key: "${ARTICLE_KEY}/claim:nope") { key } }`);
    expect(claim.message).toMatch(/^"key": no claim has the key /);
  });

  it('a key that exists but has nothing in the list still gives an empty list, not an error', async () => {
    const data = await ask(
      '{ claims(filter: {participant: "place:russian-aquarium"}) { totalCount edges { node { key } } } }',
    );
    expect(data.claims).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('event kinds in any case', () => {
  it('"ceremony" finds the Ceremony', async () => {
    const data = await ask('{ events(filter: {kinds: ["ceremony"]}) { edges { node { key kind } } } }');
    expect(data.events.edges).toEqual([
      { node: { key: `${ARTICLE_KEY}/event:farewell-ceremony`, kind: 'Ceremony' } },
    ]);
  });

  it('a kind no event has is refused with the kinds that exist', async () => {
    const error = await refused('{ events(filter: {kinds: ["Parade"]}) { totalCount } }');
    expect(error.message).toMatch(/^"filter\.kinds": no event has the kind "Parade"; the kinds are /);
    expect(error.extensions.validValues).toEqual(
      expect.arrayContaining(['Ceremony', 'Confrontation', 'Visit']),
    );
  });

  it('claim kinds and statuses are enums: a wrong value is a validation error naming the valid one', async () => {
    const res = await graph.gql('{ claims(filter: {statuses: [asserted]}) { totalCount } }');
    expect(res.errors?.[0]?.message).toMatch(/Value "asserted" does not exist in "ClaimStatus" enum/);
  });
});

describe('event and claim keys as clients see them', () => {
  it('with or without the article', async () => {
    const data = await ask(`{
      a: event(key: "${ARTICLE_KEY}/event:farewell-ceremony") { key }
      b: event(key: "event:farewell-ceremony") { key }
      c: claim(key: "claim:unsc-arms-ban") { key }
    }`);
    expect(data).toEqual({
      a: { key: `${ARTICLE_KEY}/event:farewell-ceremony` },
      b: { key: `${ARTICLE_KEY}/event:farewell-ceremony` },
      c: { key: `${ARTICLE_KEY}/claim:unsc-arms-ban` },
    });
  });
});

describe('the vocabulary query', () => {
  it('lists kinds, statuses, roles and types with their counts', async () => {
    const { vocabulary } = await ask(`{ vocabulary {
      entityTypes { value count description } claimKinds { value count } claimStatuses { value count }
      eventKinds { value count } eventStatuses { value count } roles { value count } relationTypes { value count }
    } }`);
    const counts = (list: { value: string; count: number }[]) =>
      Object.fromEntries(list.map((t) => [t.value, t.count]));
    const [claims] = await graph.cypher('MATCH (c:Claim) RETURN count(c) AS n');
    const sum = (list: { count: number }[]) => list.reduce((a, t) => a + t.count, 0);
    expect(sum(vocabulary.claimKinds)).toBe(Number(claims?.n));
    expect(sum(vocabulary.claimStatuses)).toBe(Number(claims?.n));
    expect(counts(vocabulary.eventKinds)).toMatchObject({ Ceremony: 1, Confrontation: 1, Tour: 3 });
    expect(vocabulary.entityTypes.map((t: any) => t.value)).toEqual([
      'Person',
      'Organization',
      'Country',
      'Location',
      'Group',
      'Item',
    ]);
    expect(vocabulary.entityTypes[0]).toMatchObject({ value: 'Person', description: 'A named person.' });
    expect(counts(vocabulary.entityTypes).Person).toBe(5);
    const [supplier] = await graph.cypher(
      "MATCH ()-[r:PARTICIPANT {role: 'SUPPLIER'}]->() RETURN count(r) AS n",
    );
    expect(counts(vocabulary.roles).SUPPLIER).toBe(Number(supplier?.n));
    expect(vocabulary.roles).toHaveLength(20);
  });
});
