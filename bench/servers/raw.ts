// The floor: hand-written Cypher through neo4j-driver behind a minimal node:http handler. POST
// /query {"name": "Q1"} runs that question's statement with its parameters and returns the rows as
// JSON. Self-contained (packages only), so the benchmark runs it as plain JavaScript.
// Configuration: BENCH_SERVER_CONFIG names a JSON file {uri, password, database, port, queries}.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import neo4j, { isDate, isDateTime } from 'neo4j-driver';

interface RawConfig {
  uri: string;
  password: string;
  database: string;
  port: number;
  queries: Record<string, { cypher: string; params: Record<string, unknown> }>;
}

const config = JSON.parse(readFileSync(process.env.BENCH_SERVER_CONFIG ?? '', 'utf8')) as RawConfig;
const driver = neo4j.driver(config.uri, neo4j.auth.basic('neo4j', config.password), {
  disableLosslessIntegers: true,
});

/** Whole numbers in the parameters go as Neo4j integers (LIMIT needs one); dates come back as text. */
const params = (p: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]),
  );
const plain = (v: unknown): unknown => {
  if (isDate(v as object) || isDateTime(v as object)) return String(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
};

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => {
      data += chunk.toString();
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

const server = createServer(async (req, res) => {
  if (req.url === '/health') return void res.writeHead(200).end('ok');
  try {
    const { name } = JSON.parse(await body(req)) as { name: string };
    const query = config.queries[name];
    if (!query) return void res.writeHead(404).end(`no query ${name}`);
    const result = await driver.executeQuery(query.cypher, params(query.params), {
      database: config.database,
      routing: neo4j.routing.READ,
      // Reads need no causal chain: no bookmarks to carry from one request to the next.
      bookmarkManager: null,
    });
    const rows = result.records.map((r) => plain(r.toObject()));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(config.port, '127.0.0.1');
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
