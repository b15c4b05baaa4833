// The GraphQL server as a fetch handler: schema, per-request context, limits, health and
// readiness. It never listens; server.ts does, and tests call yoga.fetch in-process.
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, useReadinessCheck } from 'graphql-yoga';
import { createContext } from './context.js';
import type { Database } from './db/run.js';
import { EXAMPLE_QUERIES } from './schema/examples.js';
import { schema } from './schema/index.js';

/** Limits that keep one request from exhausting the server; the example queries stay well inside. */
export const LIMITS = { depth: 14, aliases: 15, cost: 20_000, tokens: 2_000 };

// graphql-armor reports its rejections as plain validation errors; give them a code clients can test.
const codeLimitErrors: Plugin = {
  onValidate:
    () =>
    ({ result, setResult }) => {
      if (result.length === 0) return;
      setResult(
        result.map((e) =>
          /limit|exceeded/i.test(e.message) && !e.extensions?.code
            ? new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'QUERY_TOO_COMPLEX' } })
            : e,
        ),
      );
    },
};

export interface YogaOptions {
  /** Bearer token that the ingestArticle mutation requires; without one, ingestion over GraphQL is off. */
  ingestToken?: string;
}

export function createYogaServer(db: Database, options: YogaOptions = {}) {
  return createYoga({
    schema,
    context: ({ request }) =>
      createContext(db, {
        ingestToken: options.ingestToken,
        authorization: request.headers.get('authorization'),
      }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'News knowledge graph', defaultQuery: EXAMPLE_QUERIES },
    plugins: [
      maxTokensPlugin({ n: LIMITS.tokens }),
      maxDepthPlugin({ n: LIMITS.depth, flattenFragments: true }),
      maxAliasesPlugin({ n: LIMITS.aliases }),
      costLimitPlugin({ maxCost: LIMITS.cost }),
      codeLimitErrors,
      useReadinessCheck({
        endpoint: '/ready',
        check: () => db.ping(),
      }),
    ],
  });
}

export type YogaServer = ReturnType<typeof createYogaServer>;
