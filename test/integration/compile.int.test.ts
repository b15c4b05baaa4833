// The request compiler reads a root field's nested pages in one statement; it must give exactly
// the answers the loaders give level by level, in the cases where a page could be mistaken for
// another (the same field under two aliases, the same entity reached twice with other arguments,
// fragments on some types only, variables, @skip) — and it must actually save statements.
import type { Plugin } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { createYogaServer, type YogaServer } from '../../src/yoga.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

let compiled: YogaServer;
let levelByLevel: YogaServer;
let statements = -1;

beforeAll(() => {
  const count: Plugin = {
    onExecute: () => ({
      onExecuteDone: ({ args }) => {
        statements = (args.contextValue as unknown as Context).stats.statements;
      },
    }),
  };
  compiled = createYogaServer(graph.db, { plugins: [count] });
  levelByLevel = createYogaServer(graph.db, { plugins: [count], compile: false });
});

async function ask(yoga: YogaServer, query: string, variables: Record<string, unknown> = {}) {
  statements = -1;
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { body: await response.json(), statements };
}

const CASES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'the same field under two aliases with other arguments',
    query: `{ entity(key: "country:russia") {
      first: claims(first: 1) { totalCount edges { cursor node { key } } }
      suppliers: claims(role: SUPPLIER) { edges { roles node { key } } }
      recipients: claims(role: RECIPIENT, first: 2) { pageInfo { hasNextPage endCursor } edges { node { key } } }
    } }`,
  },
  {
    name: 'an entity reached again below itself asks for other pages under the same alias',
    query: `{ entity(key: "person:vladimir-putin") {
      claims(first: 1) { edges { node { key } } }
      relations(first: 3) { edges { node { type from { key claims(first: 3) { edges { node { key } } } }
        other { key claims(kinds: [Statement], first: 5) { totalCount edges { node { key } } } } } } }
    } }`,
  },
  {
    name: 'fragments that apply to some kinds of claim only',
    query: `query { claims(first: 20) { edges { node { key
      ... on ArmsDeal { suppliers { key } inReturn { key label(lang: "id") } }
      ... on UNResolution { bodies { key } targets { key } }
      ...Sources
    } } } }
    fragment Sources on Claim { attributedTo { cue entity { key } } evidence { quote paragraph { index } } }`,
  },
  {
    name: 'variables, defaults and @skip',
    query: `query($n: Int = 2, $role: Role, $skip: Boolean!) { events(first: $n) { edges { node { key
      participants(role: $role) { role entity { key } }
      claims @skip(if: $skip) { edges { node { key } } }
      parts { key participants { entity { key } } }
    } } } }`,
    variables: { n: 5, role: 'ATTENDEE', skip: false },
  },
  {
    name: 'a timeline with events and claims, each with their own fields',
    query: `{ timeline(entity: "person:kim-jong-un") { totalCount edges { node { sortDate item {
      __typename ... on Event { key location { key } participants { role entity { key } } }
      ... on Claim { key participants { role } links { type direction claim { key } } }
    } } } } }`,
  },
  {
    name: 'paging backward with cursors, nested',
    query: `{ entity(key: "country:north-korea") { mentions(last: 2) { pageInfo { hasPreviousPage startCursor }
      edges { surface node { quote mentions { surface entity { key } } claims { key } } } } } }`,
  },
  {
    name: 'an article with its paragraphs, their evidence and what it mentions',
    query: `{ article(key: "c27a19544a1cdf98") { key paragraphs(first: 3) { edges { node { index
      evidence(first: 2) { totalCount edges { node { quote article { key } mentions { entity { key } } } } }
    } } } entities(first: 5) { edges { node { key ... on Place { contains { totalCount } eventsHere { edges { node { key } } } } } } } } }`,
  },
];

describe('a compiled request answers as the level-by-level one does', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const slow = await ask(levelByLevel, c.query, c.variables);
      const fast = await ask(compiled, c.query, c.variables);
      expect(slow.body.errors, JSON.stringify(slow.body.errors)).toBeUndefined();
      expect(fast.body).toEqual(slow.body);
      // Something real came back, so the comparison means something.
      expect(JSON.stringify(fast.body.data).length).toBeGreaterThan(200);
      expect(fast.statements).toBeLessThan(slow.statements);
    });
  }

  it('reads an entity, its first claims and their participants in one statement', async () => {
    const query = `{ entity(key: "country:russia") { label claims(first: 20) { edges { node {
      summary participants { role entity { key label } } } } } } }`;
    const fast = await ask(compiled, query);
    const slow = await ask(levelByLevel, query);
    expect(fast.body).toEqual(slow.body);
    expect(fast.body.data.entity.claims.edges.length).toBeGreaterThan(3);
    expect(fast.statements).toBe(1);
    expect(slow.statements).toBe(3);
  });

  it('leaves a page size the field refuses to the field, which says what is wrong', async () => {
    // Compiled, `first: -5` would be LIMIT -4 in the entity's statement and fail it whole.
    const query = `{ entity(key: "country:russia") { label claims(first: -5) { totalCount } } }`;
    const fast = await ask(compiled, query);
    expect(fast.body).toEqual(await ask(levelByLevel, query).then((r) => r.body));
    // The connection is non-null: its error nulls the entity, as it does level by level.
    expect(fast.body.data).toEqual({ entity: null });
    expect(fast.body.errors).toEqual([
      expect.objectContaining({
        message: '"first" must not be negative (got -5)',
        path: ['entity', 'claims'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
      }),
    ]);
  });
});
