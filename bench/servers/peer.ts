// @neo4j/graphql 7 served by graphql-yoga over the benchmark's Neo4j: the generic library a user
// would otherwise pick. Self-contained (packages only), so the benchmark runs it as plain
// JavaScript. Configuration: BENCH_SERVER_CONFIG names a JSON file {uri, password, database, port, typeDefs}.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';

interface PeerConfig {
  uri: string;
  password: string;
  database: string;
  port: number;
  typeDefs: string;
}

const config = JSON.parse(readFileSync(process.env.BENCH_SERVER_CONFIG ?? '', 'utf8')) as PeerConfig;
const driver = neo4j.driver(config.uri, neo4j.auth.basic('neo4j', config.password));
const schema = await new Neo4jGraphQL({ typeDefs: config.typeDefs, driver }).getSchema();
const yoga = createYoga({
  schema,
  graphiql: false,
  // A benchmark harness: errors in full, to diagnose a question the library cannot answer.
  maskedErrors: false,
  context: () => ({ sessionConfig: { database: config.database } }),
});
const server = createServer(yoga);
server.keepAliveTimeout = 60_000;
server.listen(config.port, '127.0.0.1');
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
