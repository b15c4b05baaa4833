// The cost of a query: how many values its answer can hold, priced before it runs with the
// variables it runs with. A nested list is priced by what the graph holds there (the fan-out
// statistics of its relationship) rather than as a full page; a ceiling priced as if every list
// were full bounds what statistics could get wrong. The rejection (cost-limit.ts) names the
// costliest field.
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** Items per parent of a relationship: a typical parent (95th percentile) and the largest one. */
export interface FanOut {
  p95: number;
  max: number;
}

export interface CostModel {
  /** The items per parent `type.field` holds, when statistics know it (an object or interface type). */
  fanOut: (type: string, field: string) => FanOut | undefined;
  /** A page left without `first`/`last`. */
  defaultPage: number;
  /** A list without pages and without statistics (labels, a path's steps) is priced at this. */
  defaultList: number;
}

/** A field that multiplies what is below it: a paged field or a list. */
export interface FieldCost {
  /** Root type, then response keys: `Query.events.edges.node.participants`. */
  path: string;
  cost: number;
  worstCase: number;
}

export interface CostEstimate {
  /** Values the answer holds, with nested lists priced by the fan-out statistics. */
  cost: number;
  /** Values the answer would hold if every list were full. */
  worstCase: number;
  /** Every field that multiplies what is below it, with what its subtree costs. */
  fields: FieldCost[];
}

/**
 * Items of a list under `parents` parents, each holding at most `page`: every parent a typical
 * one, and one of them the largest (a hub among typical parents), never more than full pages.
 */
export function listItems(parents: number, page: number, fanOut: FanOut | undefined): number {
  const full = parents * page;
  if (!fanOut) return full;
  const typical = Math.min(page, fanOut.p95);
  const largest = Math.min(page, Math.max(fanOut.max, fanOut.p95));
  return Math.min(full, parents * typical + (largest - typical));
}

interface Walk {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown>;
  model: CostModel;
  fields: FieldCost[];
  /** Fragments being expanded, against cycles (validation refuses them; this never loops). */
  expanding: Set<string>;
}

/** A list inherits its size from the paged field that holds it (a connection's `edges`). */
interface Bound {
  page: number;
  fanOut: FanOut | undefined;
}

interface Price {
  cost: number;
  worstCase: number;
}

function intArg(args: Record<string, unknown>, name: string): number | undefined {
  const value = args[name];
  return typeof value === 'number' ? value : undefined;
}

function fanOutOf(walk: Walk, owner: GraphQLCompositeType, field: string): FanOut | undefined {
  const types = isObjectType(owner) || isInterfaceType(owner) ? [owner, ...owner.getInterfaces()] : [owner];
  for (const t of types) {
    const found = walk.model.fanOut(t.name, field);
    if (found) return found;
  }
  return undefined;
}

/** The page a field with a `first` argument serves: `first`, else `last`, else its default. */
function pageOf(walk: Walk, def: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const arg = def.args.find((a) => a.name === 'first');
  if (!arg) return undefined;
  const fallback = typeof arg.defaultValue === 'number' ? arg.defaultValue : walk.model.defaultPage;
  return Math.max(0, intArg(args, 'first') ?? intArg(args, 'last') ?? fallback);
}

function argumentsOf(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode) {
  try {
    return getArgumentValues(def, node, walk.variables);
  } catch {
    // A bad argument fails the field when it runs; priced as left out.
    return {};
  }
}

function priceField(
  walk: Walk,
  node: FieldNode,
  owner: GraphQLCompositeType,
  parents: Price,
  path: string,
  bound: Bound | undefined,
): Price {
  const name = node.name.value;
  if (name === '__typename') return parents;
  // Introspection answers from the schema, whose size is fixed.
  if (name.startsWith('__') || !('getFields' in owner)) return { cost: 0, worstCase: 0 };
  // graphql-js types field maps with `any`; read the field as unknown instead.
  const def = owner.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
  if (!def) return { cost: 0, worstCase: 0 };
  const here = `${path}.${node.alias?.value ?? name}`;
  const args = argumentsOf(walk, def, node);
  const page = pageOf(walk, def, args);
  const fanOut = fanOutOf(walk, owner, name);
  const named = getNamedType(def.type);
  if (name === 'facets' && bound && node.selectionSet && isCompositeType(named)) {
    return priceFacets(walk, node.selectionSet, named, parents, here, bound);
  }
  const list = isListType(getNullableType(def.type));
  let items = parents;
  let below: Bound | undefined;
  if (list && isCompositeType(named)) {
    const ids = Array.isArray(args.ids) ? args.ids.length : undefined;
    // The items each parent holds at most: its page, the ids asked for, or the page of the field
    // that holds the list; a plain list of a relationship holds what its statistics say.
    const size = page ?? ids ?? bound?.page ?? walk.model.defaultList;
    const stats = fanOut ?? bound?.fanOut;
    const perParent = page ?? ids ?? bound?.page ?? (stats ? Math.max(stats.max, stats.p95) : size);
    items = { cost: listItems(parents.cost, perParent, stats), worstCase: parents.worstCase * size };
  } else if (page !== undefined) {
    below = { page, fanOut };
  }
  let cost = items.cost;
  let worstCase = items.worstCase;
  if (node.selectionSet && isCompositeType(named)) {
    const inner = priceSet(walk, node.selectionSet, named, items, here, below);
    cost += inner.cost;
    worstCase += inner.worstCase;
  }
  // A field that multiplies what is below it: a paged field or a list of its own (not `edges`).
  if (page !== undefined || (list && !bound && isCompositeType(named))) {
    walk.fields.push({ path: here, cost, worstCase });
  }
  return { cost, worstCase };
}

/**
 * A connection's facets count each parent's whole list in the database, whatever its page: priced
 * at the items they count (the list's statistics, else a default page at least), plus their few
 * values once per parent.
 */
function priceFacets(
  walk: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  parents: Price,
  path: string,
  bound: Bound,
): Price {
  const whole = bound.fanOut
    ? Math.max(bound.fanOut.max, bound.fanOut.p95)
    : Math.max(bound.page, walk.model.defaultPage);
  const inner = priceSet(walk, set, type, parents, path, undefined);
  const cost = listItems(parents.cost, whole, bound.fanOut) + inner.cost;
  const worstCase = parents.worstCase * whole + inner.worstCase;
  walk.fields.push({ path, cost, worstCase });
  return { cost, worstCase };
}

function priceSet(
  walk: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  parents: Price,
  path: string,
  bound: Bound | undefined,
): Price {
  const total = { cost: 0, worstCase: 0 };
  const add = (p: Price) => {
    total.cost += p.cost;
    total.worstCase += p.worstCase;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      add(priceField(walk, selection, type, parents, path, bound));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (isCompositeType(on)) add(priceSet(walk, selection.selectionSet, on, parents, path, bound));
    } else {
      const name = selection.name.value;
      const fragment = walk.document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
      );
      if (fragment?.kind !== Kind.FRAGMENT_DEFINITION || walk.expanding.has(name)) continue;
      const on = walk.schema.getType(fragment.typeCondition.name.value);
      if (!isCompositeType(on)) continue;
      walk.expanding.add(name);
      add(priceSet(walk, fragment.selectionSet, on, parents, path, bound));
      walk.expanding.delete(name);
    }
  }
  return total;
}

/**
 * What the operation costs. Fragments on different types of one position are all counted, and
 * so are fields under @skip/@include: a price may be high, never low.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  model: CostModel,
  variableValues: Record<string, unknown> = {},
  operationName?: string | null,
): CostEstimate {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 0, worstCase: 0, fields: [] };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues);
  // Variables that do not fit their types fail the request before anything runs.
  if (coerced.errors) return { cost: 0, worstCase: 0, fields: [] };
  const walk: Walk = {
    schema,
    document,
    variables: coerced.coerced,
    model,
    fields: [],
    expanding: new Set(),
  };
  const price = priceSet(walk, operation.selectionSet, root, { cost: 1, worstCase: 1 }, root.name, undefined);
  return { ...price, fields: walk.fields };
}
