// How many subscribers one instance serves: opens N subscriptions to articleChanged (each on its
// own WebSocket, or its own SSE stream), ingests articles through the API, and prints for each how
// many subscribers received it within 1 s of its publication and the delivery latency (p50, p99,
// max: from the server's publication time, `at`, to the client's receipt; one machine, one clock).
// With --redis, the subscribers are on a second instance and events cross Redis. Prints numbers;
// asserts nothing.
//   npm run bench:subscribers -- [--subscribers 1000] [--transport ws|sse] [--rounds 3] [--redis URL]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { loadSeed } from '../src/ingest/seed.js';
import { type Feed, subscribeSse, subscribeWs } from '../test/subscriber.js';
import { machine } from './compare.js';
import { CorpusGenerator } from './generate.js';
import { percentile } from './load.js';
import { rssMiB } from './proc.js';
import { log, type RunningServer, startDatabase } from './setup.js';
import { startOurs } from './systems.js';

const USAGE = `usage: npm run bench:subscribers -- [options]
  --subscribers N    subscriptions opened on one instance                 [1000]
  --transport T      ws (one graphql-ws socket each) or sse (one stream each) [ws]
  --rounds R         articles ingested, one after another                 [3]
  --redis URL        a second instance takes the ingestion; events cross this Redis
  --data DIR         Neo4j data folder                                    [.data/bench-subscribers]
  --ours-env K=V,..  extra environment of the service(s)`;

const TOKEN = 'bench-ingest-token-0123456789';
const QUERY = 'subscription { articleChanged { articleKey at claims { key } } }';

async function openedCount(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('newsgraph_subscriptions_active{'))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '1000' },
      transport: { type: 'string', default: 'ws' },
      rounds: { type: 'string', default: '3' },
      redis: { type: 'string' },
      data: { type: 'string' },
      'ours-env': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const n = Number(values.subscribers);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--subscribers must be a whole number of 1 or more\n${USAGE}`);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a whole number of 1 or more\n${USAGE}`);
  if (values.transport !== 'ws' && values.transport !== 'sse')
    throw new Error(`--transport must be ws or sse\n${USAGE}`);
  const dataDir = path.resolve(PROJECT_ROOT, values.data ?? '.data/bench-subscribers');
  const { heap, pageCache } = loadConfig({ ...process.env, NEO4J_URI: undefined }).embedded;
  const extraEnv = Object.fromEntries(
    (values['ours-env'] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const env = {
    INGEST_TOKEN: TOKEN,
    LOG_LEVEL: 'warn',
    ...(values.redis ? { REDIS_URL: values.redis, REDIS_PREFIX: `bench-${process.pid}-${Date.now()}` } : {}),
    ...extraEnv,
  };

  const database = await startDatabase(dataDir, { heap, pageCache });
  const servers: RunningServer[] = [];
  const feeds: Feed[] = [];
  try {
    await loadSeed(database.db);
    const subscribed = await startOurs(database.neo4j.uri, env, 'subscribed');
    servers.push(subscribed);
    const ingesting = values.redis ? await startOurs(database.neo4j.uri, env, 'ingesting') : subscribed;
    if (ingesting !== subscribed) servers.push(ingesting);
    const base = (s: RunningServer) => s.url.replace(/\/graphql$/, '');

    log(`opening ${n} subscriptions over ${values.transport}...`);
    const opening = Date.now();
    // In batches, each open before the next starts: a burst of a thousand handshakes at once
    // measures the machine's accept queue, not the service.
    const BATCH = 50;
    for (let i = 0; i < n; i += BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(BATCH, n - i) }, () =>
          values.transport === 'ws'
            ? subscribeWs(base(subscribed), QUERY)
            : subscribeSse(base(subscribed), QUERY),
        ),
      );
      feeds.push(...batch);
      await Promise.all(batch.map((f) => f.opened));
    }
    for (;;) {
      const open = await openedCount(base(subscribed));
      if (open >= n) break;
      if (Date.now() - opening > 300_000)
        throw new Error(`only ${open} of ${n} subscriptions opened in 300 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const openSeconds = (Date.now() - opening) / 1000;
    console.log(
      `${n} subscriptions over ${values.transport} open on one instance in ${openSeconds.toFixed(1)} s; service RSS ${rssMiB(subscribed.pid).toFixed(0)} MiB${values.redis ? '; ingestion through a second instance, events through Redis' : ''}`,
    );

    const generator = new CorpusGenerator({ seed: Date.now() % 1_000_000 });
    const rows: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const doc = generator.article(round);
      const key = doc.article.id;
      const received = new Map<Feed, number>();
      const watchers = feeds.map((f) =>
        f
          .until((m) => m.some((x) => x.data?.articleChanged?.articleKey === key), 30_000)
          .then(
            () => received.set(f, Date.now()),
            () => undefined,
          ),
      );
      const sent = Date.now();
      const response = await fetch(`${ingesting.url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          query: 'mutation($d: JSON!) { ingestArticle(document: $d) { status } }',
          variables: { d: doc },
        }),
      });
      const body = (await response.json()) as {
        data?: { ingestArticle: { status: string } };
        errors?: unknown;
      };
      if (body.data?.ingestArticle.status !== 'CREATED')
        throw new Error(`ingestion failed: ${JSON.stringify(body)}`);
      const answered = Date.now();
      await Promise.all(watchers);
      const sample = feeds.find((f) => received.has(f));
      const at = sample
        ? Date.parse(
            sample.messages.find((x) => x.data?.articleChanged?.articleKey === key)?.data.articleChanged.at ??
              '',
          )
        : Number.NaN;
      const latencies = [...received.values()].map((t) => t - at).sort((a, b) => a - b);
      const within = latencies.filter((ms) => ms <= 1_000).length;
      const line = `| ${round + 1} | ${n} | ${received.size} | ${within} | ${percentile(latencies, 0.5).toFixed(0)} | ${percentile(latencies, 0.99).toFixed(0)} | ${(latencies.at(-1) ?? Number.NaN).toFixed(0)} | ${answered - sent} |`;
      rows.push(line);
      console.log(
        `round ${round + 1}: ${received.size}/${n} received, ${within} within 1 s of publication; latency p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms, max ${(latencies.at(-1) ?? Number.NaN).toFixed(0)} ms (the mutation took ${answered - sent} ms)`,
      );
      for (const f of feeds) f.messages.length = 0;
    }
    console.log(
      '\n| round | subscribers | received | within 1 s | p50 ms | p99 ms | max ms | ingestArticle ms |\n|---|---|---|---|---|---|---|---|',
    );
    for (const row of rows) console.log(row);
    const m = machine();
    console.log(`\nmachine: ${JSON.stringify(m)}`);
  } finally {
    for (const f of feeds) f.close();
    for (const s of servers) await s.stop();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
