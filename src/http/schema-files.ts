// The schema at stable URLs, for tools that cannot introspect: the SDL at /schema.graphql and,
// for Apollo Client's InMemoryCache, the concrete types of each interface and union at
// /possible-types.json (without it Apollo drops fields selected in fragments on them).
import { type GraphQLSchema, isAbstractType } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const SCHEMA_PATH = '/schema.graphql';
export const POSSIBLE_TYPES_PATH = '/possible-types.json';

/** `{ Interface: [ObjectType, …] }` for every interface and union, sorted. */
export function possibleTypes(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    out[type.name] = schema
      .getPossibleTypes(type)
      .map((t) => t.name)
      .sort();
  }
  return out;
}

/**
 * Serves both files. The SDL follows the introspection switch: a deployment that hides its
 * schema from introspection hides it here too; the possible types say only which types exist.
 */
export function schemaFiles(options: { sdl: string; possibleTypes: object; introspection: boolean }): Plugin {
  const files: Record<string, { body: string; type: string }> = {
    [POSSIBLE_TYPES_PATH]: {
      body: `${JSON.stringify(options.possibleTypes, null, 2)}\n`,
      type: 'application/json; charset=utf-8',
    },
    ...(options.introspection
      ? { [SCHEMA_PATH]: { body: options.sdl, type: 'text/plain; charset=utf-8' } }
      : {}),
  };
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const file = files[url.pathname];
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : file.body, {
          headers: { 'content-type': file.type, 'cache-control': 'no-cache' },
        }),
      );
    },
  };
}
