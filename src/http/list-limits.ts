// A cap on every list a client passes as an argument (`nodes(ids:)`, `search(types:)`, the lists
// inside filters), however it is passed: written in the query or sent as a variable. A list over
// the cap is refused before anything runs, naming the argument and the count; the cost limit
// prices what remains.
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badUserInput } from '../errors.js';

/** As many items as one page holds. */
export const MAX_LIST_ITEMS = 100;

type Found = { argument: string; count: number };

/** The first list over `max` in a value of `type`, given as a literal or from variables. */
function overLimit(
  type: GraphQLInputType,
  node: ValueNode | undefined,
  value: unknown,
  variables: Record<string, unknown>,
  argument: string,
  max: number,
): Found | undefined {
  const inner = getNullableType(type);
  if (node?.kind === Kind.VARIABLE) {
    return overLimit(type, undefined, variables[node.name.value], variables, argument, max);
  }
  if (isListType(inner)) {
    const items: { node?: ValueNode; value?: unknown }[] =
      node?.kind === Kind.LIST
        ? node.values.map((n) => ({ node: n }))
        : Array.isArray(value)
          ? value.map((v) => ({ value: v }))
          : [];
    if (items.length > max) return { argument, count: items.length };
    for (const item of items) {
      const found = overLimit(inner.ofType, item.node, item.value, variables, argument, max);
      if (found) return found;
    }
    return undefined;
  }
  const named = getNamedType(inner);
  if (!isInputObjectType(named)) return undefined;
  const fields = named.getFields();
  if (node?.kind === Kind.OBJECT) {
    for (const f of node.fields) {
      const field = fields[f.name.value];
      const found =
        field && overLimit(field.type, f.value, undefined, variables, `${argument}.${f.name.value}`, max);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [name, v] of Object.entries(value)) {
      const field = fields[name];
      const found = field && overLimit(field.type, undefined, v, variables, `${argument}.${name}`, max);
      if (found) return found;
    }
  }
  return undefined;
}

/** Whether a value of `type` can hold a list anywhere inside it, through input objects. */
function holdsList(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const inner = getNullableType(type);
  if (isListType(inner)) return true;
  const named = getNamedType(inner);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => holdsList(f.type, seen));
}

/**
 * Whether any argument of the document can hold a list, whatever the variables: most queries
 * have none, and a document is parsed once and reused (yoga caches it), so this is answered once
 * per document instead of walking it on every request.
 */
const listArguments = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();

function hasListArguments(schema: GraphQLSchema, document: DocumentNode): boolean {
  let bySchema = listArguments.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    listArguments.set(schema, bySchema);
  }
  let found = bySchema.get(document);
  if (found === undefined) {
    const typeInfo = new TypeInfo(schema);
    let any = false;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument() {
          const arg = typeInfo.getArgument();
          if (!any && arg && holdsList(arg.type)) any = true;
        },
      }),
    );
    found = any;
    bySchema.set(document, found);
  }
  return found;
}

export function findLongList(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  max = MAX_LIST_ITEMS,
): Found | undefined {
  if (!hasListArguments(schema, document)) return undefined;
  const typeInfo = new TypeInfo(schema);
  let found: Found | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        if (found || !arg) return;
        found = overLimit(arg.type, node.value, undefined, variables, node.name.value, max);
      },
    }),
  );
  return found;
}

export const tooLong = (f: Found, max = MAX_LIST_ITEMS) =>
  badUserInput(`"${f.argument}" has ${f.count} items; at most ${max} are allowed`, f.argument.split('.')[0]);

export function listLimits(max = MAX_LIST_ITEMS): Plugin {
  const check = (schema: GraphQLSchema, document: DocumentNode, variables: unknown) => {
    const found = findLongList(schema, document, (variables ?? {}) as Record<string, unknown>, max);
    return found ? tooLong(found, max) : undefined;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args.schema, args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args.schema, args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] as GraphQLError[] });
    },
  };
}
