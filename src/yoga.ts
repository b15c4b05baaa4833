// The GraphQL server as a fetch handler: schema, per-request context, limits, health and
// readiness. It never listens; server.ts does, and tests call yoga.fetch in-process.
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  type ValidationContext,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { createYoga, type GraphiQLOptions, type Plugin } from 'graphql-yoga';
import { createContext } from './context.js';
import type { Database } from './db/run.js';
import { queryTooComplex } from './errors.js';
import { EventBus } from './events/bus.js';
import { DEFAULT_SUBSCRIPTION_OPTIONS, Subscriptions, type Transport } from './events/subscriptions.js';
import { explorerRoute } from './explorer/route.js';
import { exportRoute } from './export/route.js';
import { graphiqlAssets, renderLocalGraphiQL } from './graphiql.js';
import { httpCaching } from './http/caching.js';
import { persistedQueries } from './http/persisted-queries.js';
import { BOOKMARK_HEADER, bookmarksFrom } from './http/requests.js';
import type { ResponseCache } from './http/response-cache.js';
import { possibleTypes, schemaFiles } from './http/schema-files.js';
import {
  defaultService,
  GRAPHIQL_HEADERS,
  type ServiceOptions,
  servicePlugins,
  serviceYogaOptions,
} from './http/service.js';
import { EXAMPLE_QUERIES } from './schema/examples.js';
import { printSortedSchema, schema } from './schema/index.js';
import { DEFAULT_PAGE_SIZE } from './schema/pagination.js';

/** Limits that keep one request from exhausting the server; the example queries stay well inside. */
export const LIMITS = { depth: 14, aliases: 15, cost: 20_000, tokens: 2_000 };

// graphql-armor throws its rejections as "Syntax Error: …" without a code, and an exception thrown
// from a validation rule skips yoga's handling of validation errors (no code, no HTTP 400). So the
// rules report instead of throwing, each rejection with a code clients can test and the status
// yoga gives validation errors (400 for graphql-response+json clients; yoga strips `http` from
// the response).
const tooComplex = (error: GraphQLError) => queryTooComplex(error.message.replace(/^Syntax Error: /, ''));

const reportLimit = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(tooComplex(error))],
};

/**
 * The document with every page size made a literal `first: n`, as it will run: a literal, a
 * variable's value (or its default), the argument's default, or the default page size of a
 * connection. graphql-armor multiplies the cost by literal `first`/`last` only, so without this a
 * page size passed as a variable, or left out, would slip past the cost limit.
 */
export function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): DocumentNode {
  const values: Record<string, unknown> = {};
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of def.variableDefinitions ?? []) {
      if (v.defaultValue?.kind === Kind.INT) values[v.variable.name.value] = Number(v.defaultValue.value);
    }
  }
  Object.assign(values, variables);
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const firstArg = typeInfo.getFieldDef()?.args.find((a) => a.name === 'first');
        if (!firstArg) return undefined;
        const given = (name: string): number | null => {
          const value = node.arguments?.find((a) => a.name.value === name)?.value;
          const n =
            value?.kind === Kind.INT
              ? Number(value.value)
              : value?.kind === Kind.VARIABLE
                ? values[value.name.value]
                : null;
          return typeof n === 'number' && Number.isInteger(n) ? n : null;
        };
        const size =
          given('first') ??
          given('last') ??
          (typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : DEFAULT_PAGE_SIZE);
        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'first' },
          value: { kind: Kind.INT, value: String(Math.max(size, 1)) },
        };
        const others = (node.arguments ?? []).filter(
          (a) => a.name.value !== 'first' && a.name.value !== 'last',
        );
        return { ...node, arguments: [...others, first] };
      },
    }),
  );
}

/**
 * graphql-armor's cost limit, priced on the page sizes the request will really use. It runs when
 * the operation is about to execute, not in validation: yoga caches validation by query text, so a
 * verdict there would hold for any variables (`first: $n` checked once with n = 1 would then pass
 * with n = 100).
 */
function overCost(args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: unknown }) {
  const variables = (args.variableValues ?? {}) as Record<string, unknown>;
  const priced = withPageSizes(args.schema, args.document, variables);
  return validate(args.schema, priced, [
    costLimitRule({
      maxCost: LIMITS.cost,
      propagateOnRejection: false,
      onReject: [(ctx, error) => ctx?.reportError(tooComplex(error))],
    }),
  ]);
}

const costLimit: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const errors = overCost(args);
    if (errors.length > 0) setResultAndStopExecution({ errors });
  },
  // A subscription runs its selection once per change: priced the same way, before it starts.
  onSubscribe({ args, setResultAndStopExecution }) {
    const errors = overCost(args);
    if (errors.length > 0) setResultAndStopExecution({ errors });
  },
};

export interface YogaOptions {
  /** Bearer token that the ingestArticle mutation requires; without one, ingestion over GraphQL is off. */
  ingestToken?: string;
  /** More plugins, after the built-in ones (tests use this to observe a request). */
  plugins?: Plugin[];
  /** Logs, metrics, readiness and the HTTP switches; development defaults when left out. */
  service?: Partial<ServiceOptions>;
  /**
   * Read the pages selected below a root field in the root field's statement (src/schema/compile.ts).
   * On by default; off, every level is read by the loaders (tests compare the two).
   */
  compile?: boolean;
  /** Answers to repeated queries kept until the data changes; none when left out. */
  responseCache?: ResponseCache;
  /** The event bus and the subscriptions reading it; an in-memory bus of its own when left out. */
  subscriptions?: Subscriptions;
}

/** How a request came: WebSocket (set by http/websocket.ts) or HTTP, where a slow reader is cut by closing its response. */
function transportOf(initial: Record<string, unknown>): Transport {
  if (initial.transport) return initial.transport as Transport;
  const res = initial.res as { destroy?: () => void } | undefined;
  return { name: 'sse', kill: res?.destroy ? () => res.destroy?.() : undefined };
}

export function createYogaServer(db: Database, options: YogaOptions = {}) {
  const service = defaultService(db, options.service);
  const subscriptions =
    options.subscriptions ?? new Subscriptions(new EventBus(), DEFAULT_SUBSCRIPTION_OPTIONS);
  return createYoga({
    ...serviceYogaOptions(service),
    schema,
    context: (initial) =>
      createContext(db, {
        ingestToken: options.ingestToken,
        authorization: initial.request.headers.get('authorization'),
        compile: options.compile,
        subscriptions,
        transport: transportOf(initial as unknown as Record<string, unknown>),
        bookmarks: bookmarksFrom(initial.request.headers.get(BOOKMARK_HEADER)),
      }),
    // Unexpected errors are masked as "Unexpected error." whatever NODE_ENV says: yoga's development
    // mode would add the original message and stack, i.e. Neo4j's error text and our Cypher.
    maskedErrors: { isDev: false },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // The page's first tab shows `query`; `defaultQuery` is what a new tab starts with.
    graphiql: service.http.graphiql
      ? ({
          title: 'News knowledge graph',
          defaultQuery: EXAMPLE_QUERIES,
          query: EXAMPLE_QUERIES,
          additionalHeaders: GRAPHIQL_HEADERS,
        } as GraphiQLOptions)
      : false,
    renderGraphiQL: renderLocalGraphiQL,
    plugins: [
      ...servicePlugins(service, options.ingestToken),
      schemaFiles({
        sdl: printSortedSchema(),
        possibleTypes: possibleTypes(schema),
        introspection: service.http.introspection,
      }),
      persistedQueries(),
      ...(service.http.graphiql ? [graphiqlAssets()] : []),
      explorerRoute(),
      exportRoute(db),
      // The token limit guards the parser itself, so it must stop parsing: it throws, with the code.
      maxTokensPlugin({
        n: LIMITS.tokens,
        onReject: [
          (_ctx, error) => {
            throw tooComplex(error);
          },
        ],
      }),
      maxDepthPlugin({ n: LIMITS.depth, flattenFragments: true, ...reportLimit }),
      maxAliasesPlugin({ n: LIMITS.aliases, ...reportLimit }),
      costLimit,
      // After the limits: a query they refuse is refused again, never answered from memory.
      ...(options.responseCache ? [options.responseCache.plugin] : []),
      // Last of the service's: it sees each answer as it will be sent, and hashes and compresses it.
      httpCaching(),
      ...(options.plugins ?? []),
    ],
  });
}

export type YogaServer = ReturnType<typeof createYogaServer>;
