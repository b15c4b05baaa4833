// Configures the Pothos schema builder; the types themselves live in ./types, one file each.
import SchemaBuilder from '@pothos/core';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { type GraphQLSchema, isObjectType } from 'graphql';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { pageSize } from './pagination.js';
import { validationError } from './validation.js';

/** The object types `node(id:)` can fetch, known once the schema is built (see index.ts). */
let nodeTypes = new Set<string>();
export function registerNodeTypes(schema: GraphQLSchema) {
  nodeTypes = new Set(
    Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
      .map((t) => t.name),
  );
}

/**
 * A global id as its type and key. A malformed id, or one naming a type that has no global ids,
 * is the client's mistake: said with a code, as for any other bad argument (Pothos would throw an
 * uncoded schema error). `where` names the argument (and position) in the message.
 */
export function decodeNodeId(globalID: string, where?: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    decoded = undefined;
  }
  if (!decoded || !nodeTypes.has(decoded.typename)) {
    const at = where ? `${where}: ` : '';
    throw badUserInput(`${at}not a global id returned by this API: ${JSON.stringify(globalID)}`, where);
  }
  return decoded;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  // A number, or a function that counts when the client selects totalCount (see pagination.ts).
  Connection: { totalCount: number | (() => Promise<number>) };
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  validation: { validationError },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // A malformed id, or one naming a type that has no global ids, is the client's mistake: say
    // so with a code, as for any other bad argument (Pothos would throw an uncoded schema error).
    decodeGlobalID: (globalID: string) => decodeNodeId(globalID),
    edgesFieldOptions: { nullable: false, description: 'The edges of this page.' },
    nodeFieldOptions: { nullable: false, description: 'The object at this edge.' },
    pageInfoFieldOptions: { description: 'Where this page lies in the connection.' },
    nodeTypeOptions: { description: 'An object with a global id that `node(id:)` can fetch again.' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id.',
      args: { id: { description: 'A global id, as returned in an `id` field.' } },
    },
    // Replaced by types/node.ts: one bad id there is an error at its position, not a failed field.
    nodesQueryOptions: false,
    defaultConnectionTypeOptions: {
      description: 'A page of a list, with its position (Relay cursor connection).',
    },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    pageInfoTypeOptions: { description: 'Where a page lies in its connection (Relay cursor connections).' },
    idFieldOptions: { description: 'Global id: pass it to `node(id:)` to fetch this object again.' },
    hasNextPageFieldOptions: { description: 'Whether more edges follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether edges come before this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first edge of the page.' },
    endCursorFieldOptions: { description: 'The cursor of the last edge of the page.' },
    cursorFieldOptions: { description: 'Opaque position of this edge, for `after` and `before`.' },
    firstArgOptions: {
      description: 'Return the first n edges (at most 100; 20 when neither first nor last is given).',
      validate: pageSize,
    },
    lastArgOptions: { description: 'Return the last n edges (at most 100).', validate: pageSize },
    afterArgOptions: { description: 'Return edges after this cursor.' },
    beforeArgOptions: { description: 'Return edges before this cursor.' },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many edges the whole connection has.',
    resolve: (parent) => (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount),
  }),
);

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (v) => v,
  parseValue: (v) => v,
});
