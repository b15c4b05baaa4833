// A compiled request projects only the row fields its selection reads (rowFieldsFor in
// src/db/queries/rows.ts). Every field of every entity, event, claim and evidence type, asked
// alone where the compiler reads its node (a root list, a nested page), must answer as the
// loaders answer with whole rows; and the statement must leave out what nobody asked for.
import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isRequiredArgument,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeLabel, rowFieldsFor } from '../../src/db/queries/rows.js';
import { type CypherQuery, Database } from '../../src/db/run.js';
import { FanOutStatistics } from '../../src/graph/fan-out.js';
import { schema } from '../../src/schema/index.js';
import { CLAIM_KINDS, ENTITY_TYPES } from '../../src/vocabulary.js';
import { createYogaServer, type YogaServer } from '../../src/yoga.js';
import { NAMES, useVisitReports } from '../visit-reports.js';

const { graph, startWith } = useVisitReports();

let compiled: YogaServer;
let levelByLevel: YogaServer;
/** The statements the compiled server sent, in order. */
const sent: string[] = [];

const read = Database.prototype.read;

beforeAll(async () => {
  await startWith(NAMES);
  // Every statement read is noted, whichever server sends it.
  Database.prototype.read = function <R>(this: Database, query: CypherQuery<R>) {
    sent.push(query.cypher);
    return read.call(this, query) as Promise<R[]>;
  };
  // Lists priced by what this graph holds, not as if each were full.
  const fanOuts = new FanOutStatistics(graph.db);
  await fanOuts.refresh();
  compiled = createYogaServer(graph.db, { fanOuts });
  levelByLevel = createYogaServer(graph.db, { compile: false, fanOuts });
});

afterAll(() => {
  Database.prototype.read = read;
});

async function ask(yoga: YogaServer, query: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

type AnyField = GraphQLField<unknown, unknown>;
const askable = (f: AnyField) => !f.args.some(isRequiredArgument) && !f.deprecationReason;

/**
 * Every leaf of `type`, and of the types below it `depth` levels down; a connection's edges and
 * their node do not count as levels.
 */
function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type)) return '{ __typename }';
  if (!(isObjectType(type) || isInterfaceType(type))) return '';
  const parts = ['__typename'];
  for (const f of Object.values(type.getFields() as Record<string, AnyField>)) {
    if (!askable(f)) continue;
    const named = getNamedType(f.type);
    const through = f.name === 'edges' || f.name === 'node';
    if (isLeafType(named)) parts.push(f.name);
    else if ((depth > 0 || through) && isCompositeType(named))
      parts.push(`${f.name} ${selectionOf(named, through ? depth : depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/**
 * Each field of the types of one label, selected alone on `on`, with what it needs below; a field
 * the first (interface) type has is asked there only.
 */
function fieldsOf(typeNames: readonly string[]): { on: string; name: string; selection: string }[] {
  const out: { on: string; name: string; selection: string }[] = [];
  const asked = new Set<string>();
  for (const on of typeNames) {
    const type = schema.getType(on);
    if (!(isObjectType(type) || isInterfaceType(type))) throw new Error(`${on} is not an object type`);
    for (const f of Object.values(type.getFields() as Record<string, AnyField>)) {
      if (!askable(f) || asked.has(f.name)) continue;
      if (on === typeNames[0]) asked.add(f.name);
      out.push({ on, name: f.name, selection: `${f.name} ${selectionOf(getNamedType(f.type), 0)}` });
    }
  }
  return out;
}

/** Where the compiler reads nodes of each label: `{}` stands for the node's selection. */
const PLACES: Record<string, { types: string[]; at: string[] }> = {
  Claim: {
    types: ['Claim', ...CLAIM_KINDS.values],
    at: [
      'claims(first: 30) { edges { node { key {} } } }',
      '{ entity(key: "country:russia") { claims(first: 30) { edges { node { key {} } } } } }',
      'timeline(first: 30) { edges { node { item { ... on Claim { key {} } } } } }',
    ],
  },
  Event: {
    types: ['Event'],
    at: [
      'events(first: 30) { edges { node { key {} } } }',
      '{ entity(key: "person:kim-jong-un") { events(first: 30) { edges { node { key {} } } } } }',
      'timeline(first: 30) { edges { node { item { ... on Event { key {} } } } } }',
    ],
  },
  Entity: {
    types: ['Entity', 'Place', ...ENTITY_TYPES.values],
    at: [
      'entities(first: 30) { edges { node { key {} } } }',
      'claims(first: 8) { edges { node { key participants { role entity { key {} } } } } }',
    ],
  },
  Evidence: {
    types: ['Evidence'],
    at: ['claims(first: 30) { edges { node { key evidence { start end {} } } } }'],
  },
};

describe('rows projected by what a compiled request selects', () => {
  for (const [label, place] of Object.entries(PLACES)) {
    it(`answers every field of ${label} as whole rows do`, async () => {
      const problems: string[] = [];
      for (const f of fieldsOf(place.types)) {
        const inner = f.on === place.types[0] ? f.selection : `... on ${f.on} { ${f.selection} }`;
        // Everywhere a field that reads the row's own properties; a field that only follows an
        // edge by the id, or one of a narrower type, where the compiler reads the most of them.
        const own = (rowFieldsFor(label as NodeLabel, [f.name])?.size ?? Infinity) > 2;
        for (const at of f.on === place.types[0] && own ? place.at : place.at.slice(0, 1)) {
          const body = at.replace('{}', inner);
          const query = body.startsWith('{') ? body : `{ ${body} }`;
          const [fast, whole] = [await ask(compiled, query), await ask(levelByLevel, query)];
          if (JSON.stringify(fast) !== JSON.stringify(whole))
            problems.push(
              `${f.on}.${f.name} at ${at}:\n  compiled ${JSON.stringify(fast).slice(0, 400)}\n  whole    ${JSON.stringify(whole).slice(0, 400)}`,
            );
          else if (whole.errors)
            problems.push(`${f.on}.${f.name}: ${JSON.stringify(whole.errors).slice(0, 300)}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe('what a compiled statement reads of its rows', () => {
  it('projects only the fields selected', async () => {
    sent.length = 0;
    const narrow = await ask(
      compiled,
      '{ claims(first: 5) { edges { node { key summary participants { entity { key } } } } } }',
    );
    expect(narrow.errors, JSON.stringify(narrow.errors)).toBeUndefined();
    expect(sent).toHaveLength(1);
    const [statement] = sent;
    expect(statement).toContain('summary: y.summary');
    // Neither the claim's other fields nor the participant's names are read.
    for (const unasked of ['wording:', 'valuesJson:', 'sortDate:', 'labelsJson:', 'aliasesJson:'])
      expect(statement, unasked).not.toContain(unasked);
  });

  it("projects of a timeline's items what the entry and the item select, and answers as whole rows do", async () => {
    const query = `{ timeline(entity: "person:kim-jong-un", first: 10) { edges { node {
      sortDate date { start precision } item { __typename ... on Event { key } ... on Claim { key status } } } } } }`;
    sent.length = 0;
    const fast = await ask(compiled, query);
    const [statement] = sent;
    const whole = await ask(levelByLevel, query);
    expect(whole.errors, JSON.stringify(whole.errors)).toBeUndefined();
    expect(whole.data.timeline.edges.length).toBeGreaterThan(5);
    expect(fast).toEqual(whole);
    // The entry's dates and the claim's status are read; nothing else of either row.
    for (const asked of ['sortDate:', 'startDate:', 'precision:', 'status:'])
      expect(statement, asked).toContain(asked);
    for (const unasked of ['wording:', 'summary:', 'summaryJson:', 'valuesJson:', 'labelJson:'])
      expect(statement, unasked).not.toContain(unasked);
  });
});
