// Automatic persisted queries, Apollo's protocol: a client sends the SHA-256 of its query in
// `extensions.persistedQuery`; the server runs the query it stored under that hash, or answers
// PersistedQueryNotFound, and the client sends the query once with its hash for next time.
// @graphql-yoga/plugin-apq does the same but declares a peer dependency on @graphql-tools/utils
// 10, which conflicts with the 11 that graphql-yoga 5.24 installs; this is the protocol in full.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badRequest } from '../errors.js';

/** Queries kept, least recently used dropped first; a query is at most a request body long. */
export const PERSISTED_QUERIES_KEPT = 1_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Thrown, not set as the result: yoga's own check that a query is present runs after this hook.
// The answers the protocol expects are GraphQL results with HTTP 200: Apollo's link retries on
// these errors, and gives persisted queries up for good on a 400 or 500.
const protocolError = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 200 } } });

interface PersistedQuery {
  version?: unknown;
  sha256Hash?: unknown;
}

export function persistedQueries(kept = PERSISTED_QUERIES_KEPT): Plugin {
  const store = new Map<string, string>();
  const remember = (hash: string, query: string) => {
    store.delete(hash);
    store.set(hash, query);
    if (store.size > kept) store.delete(store.keys().next().value as string);
  };
  return {
    onParams({ params, setParams }) {
      const persisted = (params.extensions as { persistedQuery?: PersistedQuery } | undefined)
        ?.persistedQuery;
      if (persisted == null || typeof persisted !== 'object') return;
      if (persisted.version !== 1) {
        throw protocolError('PersistedQueryNotSupported', 'PERSISTED_QUERY_NOT_SUPPORTED');
      }
      const hash = persisted.sha256Hash;
      if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) {
        throw badRequest('"extensions.persistedQuery.sha256Hash" must be a SHA-256 hash in hex');
      }
      const key = hash.toLowerCase();
      if (typeof params.query === 'string' && params.query !== '') {
        if (sha256(params.query) !== key) {
          throw badRequest('provided sha does not match query: "sha256Hash" must be the SHA-256 of "query"');
        }
        remember(key, params.query);
        return;
      }
      const query = store.get(key);
      if (query === undefined) {
        throw protocolError('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
      }
      remember(key, query);
      setParams({ ...params, query });
    },
  };
}
