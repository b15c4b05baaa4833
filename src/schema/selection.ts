// What a client selected below a field, read from the query document, so that a resolver can
// leave out work nobody asked for (counting a whole list when totalCount is not selected).
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** The names of the fields selected directly in these selection sets, through fragments. */
export function fieldNames(info: Pick<GraphQLResolveInfo, 'fragments'>, sets: readonly SelectionSetNode[]) {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return names;
}

export const selectsField = (
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  sets: readonly SelectionSetNode[],
  name: string,
) => fieldNames(info, sets).has(name);

/** The selection sets of the fields named `name` in these sets, through fragments. */
function setsOf(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  sets: readonly SelectionSetNode[],
  name: string,
): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return found;
}

/** The names of the fields selected at `path` below the current field (['edges', 'node']…). */
export function selectedAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) sets = setsOf(info, sets, name);
  return fieldNames(info, sets);
}

/** The names of the fields selected directly under the current field. */
export const selectedFieldNames = (info: GraphQLResolveInfo) =>
  fieldNames(
    info,
    info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])),
  );
