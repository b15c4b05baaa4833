// The request compiler: a root field reads, in its own statement, every page its selection asks
// for below it — an entity's first claims and each claim's participants come back with the
// entity, nested, in one round trip. It compiles only fields declared as EdgeFields (edges.ts);
// every page is signed with its request, and a resolver uses it only when the signature is the
// one it would have asked for, so anything the compiler does not cover falls back to the loaders.
import {
  type FieldNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  type GraphQLUnionType,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { EDGES } from '../db/queries/edges.js';
import type { Order, Params, Window } from '../db/queries/order.js';
import { edgeSpec, type Nested, pageSubquery } from '../db/queries/pages.js';
import { type FieldsByLabel, type NodeLabel, rowFieldsFor } from '../db/queries/rows.js';
import { CLAIM_KINDS, ENTITY_TYPES, PLACE_TYPES } from '../vocabulary.js';
import { edgeFieldOf, MAX_LIST, pageRequest, pageSignature } from './edges.js';
import { keysetWindow, pageSize } from './pagination.js';
import { selectsField } from './selection.js';

/** Levels of edges read in one statement; deeper ones are read by the loaders. */
const MAX_DEPTH = 4;

const LIST_WINDOW: Window = { limit: MAX_LIST, backward: false, after: null, before: null };

interface Occurrence {
  name: string;
  node: FieldNode;
  /** The type the field is selected on: a fragment's type condition, or the position's type. */
  on: string;
}

const LABELS = new Set<string>([
  ...ENTITY_TYPES.values,
  ...CLAIM_KINDS.values,
  'Entity',
  'Claim',
  'Event',
  'Article',
  'Paragraph',
  'Evidence',
]);

/** The condition that a node is of a GraphQL type, where the type is narrower than its position. */
function guardFor(type: string): string | undefined {
  if (LABELS.has(type)) return `x:${type}`;
  if (type === 'Place') return PLACE_TYPES.map((t) => `x:${t}`).join(' OR ');
  return undefined;
}

function included(info: GraphQLResolveInfo, node: FieldNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return skip?.if !== true && include?.if !== false;
}

/** The fields selected on a position of type `on`, by response key, through fragments. */
function collect(
  info: GraphQLResolveInfo,
  sets: readonly SelectionSetNode[],
  on: string,
  into = new Map<string, Occurrence[]>(),
): Map<string, Occurrence[]> {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!included(info, selection)) continue;
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), { name: selection.name.value, node: selection, on }]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(info, [selection.selectionSet], selection.typeCondition?.name.value ?? on, into);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) collect(info, [fragment.selectionSet], fragment.typeCondition.name.value, into);
      }
    }
  }
  return into;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;
const isComposite = (t: GraphQLNamedType | undefined | null): t is Composite =>
  isObjectType(t) || isInterfaceType(t);

/** The selection sets, and the type, found by following field names down from some selections. */
function follow(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType,
  sets: SelectionSetNode[],
  path: readonly string[],
): { type: GraphQLNamedType; sets: SelectionSetNode[] } | null {
  let current = type;
  let currentSets = sets;
  for (const name of path) {
    if (!isComposite(current)) return null;
    const field = current.getFields()[name];
    if (!field) return null;
    const next: SelectionSetNode[] = [];
    for (const occurrences of collect(info, currentSets, current.name).values()) {
      for (const o of occurrences) if (o.name === name && o.node.selectionSet) next.push(o.node.selectionSet);
    }
    current = getNamedType(field.type);
    currentSets = next;
  }
  return { type: current, sets: currentSets };
}

/** The label of the rows of a GraphQL node type: an entity type's is Entity, a claim kind's Claim. */
function rowLabelOf(type: string): NodeLabel | undefined {
  if (type === 'Entity' || type === 'Place' || ENTITY_TYPES.has(type)) return 'Entity';
  if (type === 'Claim' || CLAIM_KINDS.has(type)) return 'Claim';
  if (type === 'Event') return 'Event';
  return undefined;
}

/**
 * The row fields that what is selected on each member of a union reads, by the member's label;
 * undefined (whole rows) when a fragment's type is not one label's (an interface across labels).
 */
function unionRowFields(
  type: GraphQLUnionType,
  selected: Map<string, Occurrence[]>,
): FieldsByLabel | undefined {
  const names = new Map<NodeLabel, string[]>();
  for (const member of type.getTypes()) {
    const label = rowLabelOf(member.name);
    if (!label) return undefined;
    names.set(label, names.get(label) ?? []);
  }
  for (const occurrences of selected.values()) {
    for (const o of occurrences) {
      // On the union itself only __typename can be selected, which reads the row's __type.
      if (o.on === type.name) continue;
      const label = rowLabelOf(o.on);
      if (!label) return undefined;
      names.get(label)?.push(o.name);
    }
  }
  const byLabel: FieldsByLabel = {};
  for (const [label, selectedNames] of names) {
    const fields = rowFieldsFor(label, selectedNames);
    if (fields) byLabel[label] = fields;
  }
  return byLabel;
}

class Compiler {
  private next = 0;

  constructor(
    private readonly info: GraphQLResolveInfo,
    private readonly params: Params,
    private readonly signatures: string[],
  ) {}

  /**
   * The subqueries that read the pages selected below a node of `type` bound to `variable`, and,
   * when the node's label is known, the fields of its row the selection reads.
   */
  node(
    type: GraphQLNamedType,
    sets: SelectionSetNode[],
    variable: string,
    depth: number,
    nodeKey?: string,
    label?: NodeLabel,
  ) {
    // A union has no fields of its own: what is selected on it sits in fragments on its members.
    if (!(isComposite(type) || isUnionType(type)) || sets.length === 0 || depth > MAX_DEPTH) return null;
    const calls: string[] = [];
    const entries: string[] = [];
    const selected = collect(this.info, sets, type.name);
    for (const [field, occurrences] of selected) {
      const page = this.field(type, field, occurrences, variable, depth, nodeKey);
      if (page) {
        calls.push(page.call);
        entries.push(page.entry);
      }
    }
    const fields = label
      ? rowFieldsFor(
          label,
          [...selected.values()].flatMap((occurrences) => occurrences.map((o) => o.name)),
        )
      : undefined;
    const byLabel = !label && isUnionType(type) ? unionRowFields(type, selected) : undefined;
    if (calls.length === 0 && !fields && !byLabel) return null;
    return {
      calls: calls.join('\n'),
      extra: calls.length > 0 ? `__p: {${entries.join(', ')}}` : '',
      ...(fields ? { fields } : {}),
      ...(byLabel ? { byLabel } : {}),
    };
  }

  private field(
    type: GraphQLNamedType,
    key: string,
    occurrences: Occurrence[],
    variable: string,
    depth: number,
    /** The parent's key as a parameter, when the statement reads one node by key. */
    parentKey?: string,
  ) {
    const [first] = occurrences;
    // One field under one type condition per response key; anything else is left to the resolvers.
    if (!first || occurrences.some((o) => o.name !== first.name || o.on !== first.on)) return null;
    const owner = this.info.schema.getType(first.on);
    if (!isComposite(owner)) return null;
    // graphql-js types field maps with `any`; read the field as unknown instead.
    const fields: Readonly<Record<string, GraphQLField<unknown, unknown> | undefined>> = owner.getFields();
    const definition = fields[first.name];
    const declared = [owner, ...owner.getInterfaces()]
      .map((t) => edgeFieldOf(t.name, first.name))
      .find(Boolean);
    if (!definition || !declared) return null;

    let args: Record<string, unknown>;
    let window: Window;
    let order: Order;
    try {
      args = getArgumentValues(definition, first.node, this.info.variableValues);
      // Read here past the validation plugin: a page size the field's resolver will refuse is not
      // read (a negative one would fail the whole statement, a huge one read a hub).
      if (
        declared.connection &&
        !(pageSize.safeParse(args.first).success && pageSize.safeParse(args.last).success)
      )
        return null;
      order = declared.connection ? declared.order(args) : EDGES[declared.edge].order;
      window = declared.connection ? (({ keepLast: _, ...w }) => w)(keysetWindow(args, order)) : LIST_WINDOW;
    } catch {
      // Bad arguments: the resolver will say what is wrong with them.
      return null;
    }
    const sets = occurrences.flatMap((o) => (o.node.selectionSet ? [o.node.selectionSet] : []));
    const total = declared.connection && selectsField(this.info, sets, 'totalCount');
    const request = pageRequest(declared.filter(args), order, window, total);

    // The target's fields, wherever the field's shape puts them (edges.node, entity, or itself).
    const targetSets: SelectionSetNode[] = [];
    let target: GraphQLNamedType | null = null;
    for (const path of declared.nodePaths) {
      const found = follow(this.info, getNamedType(definition.type), sets, path);
      if (!found) continue;
      target = found.type;
      targetSets.push(...found.sets);
    }
    const to = edgeSpec(declared.edge).to;
    const nested: Nested | undefined = target
      ? (y) => this.node(target, targetSets, y, depth + 1, undefined, to)
      : undefined;

    const n = this.next++;
    const names = { parent: variable, target: `y${depth}`, items: `i${depth}_${n}`, total: `t${depth}_${n}` };
    const guard = first.on !== type.name ? guardFor(first.on) : undefined;
    const call = pageSubquery(edgeSpec(declared.edge), request, this.params, names, nested, guard, parentKey);
    const sig = this.params.add(this.signatures.push(pageSignature(declared.edge, request)) - 1);
    const entry = `${key}: {sig: ${sig}, items: ${names.items}${total ? `, total: ${names.total}` : ''}}`;
    return { call, entry };
  }
}

/**
 * What a root field reads below its nodes in its own statement. `path` leads from the root
 * field's selection to the node's fields (['edges', 'node'] for a root connection, [] for a field
 * returning the node itself); null when nothing below is compiled.
 */
export function compileBelow(
  info: GraphQLResolveInfo,
  params: Params,
  /** Where the requests of the pages compiled go, by number (Context.signatures). */
  signatures: string[],
  path: readonly string[],
  /** The key of the one node read, as a parameter (a root field by key). */
  key?: string,
  /** The label of the root field's nodes, when they have one: their rows project what is selected. */
  label?: NodeLabel,
): Nested | null {
  const root = info.parentType.getFields()[info.fieldName];
  if (!root) return null;
  const sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const found = follow(info, getNamedType(root.type), sets, path);
  if (!found) return null;
  const compiler = new Compiler(info, params, signatures);
  return (y: string) => compiler.node(found.type, found.sets, y, 1, key, label);
}
