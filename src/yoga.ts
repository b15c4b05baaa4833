// The GraphQL server as a fetch handler: schema, per-request context, limits, health and
// readiness. It never listens; server.ts does, and tests call yoga.fetch in-process.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext } from 'graphql';
import { createYoga, type GraphiQLOptions, type Plugin } from 'graphql-yoga';
import { createContext } from './context.js';
import type { PropertyList } from './db/queries/fan-out.js';
import type { Database } from './db/run.js';
import { queryTooComplex } from './errors.js';
import { EventBus } from './events/bus.js';
import { DEFAULT_SUBSCRIPTION_OPTIONS, Subscriptions, type Transport } from './events/subscriptions.js';
import { explorerRoute } from './explorer/route.js';
import { exportRoute } from './export/route.js';
import { FanOutStatistics } from './graph/fan-out.js';
import { graphiqlAssets, renderLocalGraphiQL } from './graphiql.js';
import { httpCaching } from './http/caching.js';
import type { CostModel, FanOut } from './http/cost.js';
import { costLimit } from './http/cost-limit.js';
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
import { edgeFieldOf } from './schema/edges.js';
import { EXAMPLE_QUERIES } from './schema/examples.js';
import { printSortedSchema, schema } from './schema/index.js';
import { DEFAULT_PAGE_SIZE } from './schema/pagination.js';

/**
 * Limits that keep one request from exhausting the server; the example queries stay well inside.
 * `cost` and `worstCase` count the values an answer can hold (src/http/cost.ts): priced on the
 * fan-out statistics of the graph, and as if every list were full.
 */
export const LIMITS = { depth: 14, aliases: 15, cost: 20_000, worstCase: 2_000_000, tokens: 2_000 };

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

/** Fields that list what is kept on a relationship, by the statistics of those lists. */
const PROPERTY_LIST_FIELDS: Readonly<Record<string, PropertyList>> = {
  'EntityRelation.evidence': 'relationEvidence',
  'Attribution.evidence': 'attributionEvidence',
  'EntityRelation.sources': 'relationSources',
  // A source's quotes are some of its relation's; a property has a value per source at most, and
  // a value a source per source.
  'RelationSource.evidence': 'relationEvidence',
  'RelationValues.values': 'relationSources',
  'RelationValue.sources': 'relationSources',
};

/** Lists whose length the schema fixes: a relation's values have one entry per property (distance, since). */
const FIXED_LISTS: Readonly<Record<string, FanOut>> = {
  'EntityRelation.values': { p95: 2, max: 2 },
};

/** The cost model over this schema: a field that follows a relationship is priced by its statistics. */
export const costModel = (fanOuts: Pick<FanOutStatistics, 'of'>): CostModel => ({
  fanOut: (type, field) => {
    const list = PROPERTY_LIST_FIELDS[`${type}.${field}`];
    const edge = edgeFieldOf(type, field)?.edge;
    return FIXED_LISTS[`${type}.${field}`] ?? (list ? fanOuts.of(list) : edge ? fanOuts.of(edge) : undefined);
  },
  defaultPage: DEFAULT_PAGE_SIZE,
  defaultList: DEFAULT_PAGE_SIZE,
});

/** How long a request waits for the statistics being loaded before it is priced without them. */
const STATISTICS_WAIT_MS = 2_000;

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
  /**
   * The fan-out statistics the cost limit prices nested lists by, reloaded after every data change
   * the bus tells of; loaded here when left out.
   */
  fanOuts?: FanOutStatistics;
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
  const fanOuts = options.fanOuts ?? new FanOutStatistics(db);
  if (!fanOuts.loaded) void fanOuts.refresh();
  subscriptions.bus.onDataChanged(() => void fanOuts.refresh());
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
      costLimit(costModel(fanOuts), LIMITS, () => fanOuts.settled(STATISTICS_WAIT_MS)),
      // After the limits: a query they refuse is refused again, never answered from memory.
      ...(options.responseCache ? [options.responseCache.plugin] : []),
      // Last of the service's: it sees each answer as it will be sent, and hashes and compresses it.
      httpCaching(),
      ...(options.plugins ?? []),
    ],
  });
}

export type YogaServer = ReturnType<typeof createYogaServer>;
