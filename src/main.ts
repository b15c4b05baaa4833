// The command line: serve, migrate, seed, ingest, check, review, export, examples, schema:print.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnvFile, PROJECT_ROOT } from './config.js';
import { openDatabase } from './db/connect.js';
import { DatabaseConnectError } from './db/driver.js';
import { EmbeddedNeo4jError } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createEventBus, type EventBus } from './events/bus.js';
import { publishIngest, publishRemoval } from './events/publish.js';
import { examplesMarkdown } from './examples-run.js';
import { parseExportArgs, runExport } from './export/command.js';
import { ExportInputError } from './export/read.js';
import { describeSameness } from './ingest/grouping.js';
import {
  INGEST_BATCH,
  IngestError,
  type IngestReport,
  ingestDocuments,
  removeArticle,
} from './ingest/ingest.js';
import { documentFiles, FileError, readDocumentFile as readDocument } from './ingest/read.js';
import { reviewFile } from './ingest/review.js';
import { loadSeed } from './ingest/seed.js';
import { splitReport } from './ingest/split.js';
import { validateDocument } from './ingest/validate.js';
import { ListenError, serve } from './server.js';

const USAGE = `usage: node --import tsx src/main.ts <command>
  serve                 run the GraphQL service (npm start)
  migrate               apply the Neo4j constraints and indexes (npm run migrate)
  seed                  ingest every document under seed/ (npm run seed)
  ingest FILE|DIR...    validate and ingest article documents, a folder's *.json in name order
  remove KEY...         take articles out of the graph, with what only they contributed
  split KEY...          undo a merge: each report ("<article>/<id>") becomes a statement of its own
  check FILE...         validate article documents without a database
  review FILE           print every fact of a document beside its quotes, for a person to check (npm run review --)
  export --format jsonld|csv|graphml [--article KEY | --entity KEY [--depth N]] [--out PATH]
                        write the graph, one article or one entity's neighbourhood (npm run export --);
                        JSON-LD and GraphML to standard output unless --out, CSV into the folder --out
  examples              print the GraphiQL example queries with their answers (Markdown)
  schema:print [--check] write schema/schema.graphql and schema/article.schema.json,
                        or with --check fail when they differ from the code`;

class UsageError extends Error {}

const say = (line: string) => console.error(line);

function describe(file: string, r: IngestReport): string {
  const u = r.updates;
  if (r.status === 'UNCHANGED')
    return `${file}: article ${r.articleId} unchanged (same content hash); nothing written`;
  const lines = [
    `${file}: article ${r.articleId} ${r.status.toLowerCase()}`,
    `  nodes: ${u.nodesCreated} created, ${u.nodesDeleted} deleted; relationships: ${u.relationshipsCreated} created, ${u.relationshipsDeleted} deleted`,
    `  entities: ${r.entitiesCreated} new, ${r.linked.length} linked to existing ones`,
    ...r.linked.map((l) => `    ${l.documentId} -> ${l.entityKey} (by ${l.matchedBy})`),
    ...describeSameness(r),
  ];
  return lines.join('\n');
}

/**
 * The bus changes made from the command line are published on: with REDIS_URL, running
 * instances tell their subscribers and drop their caches; without it, nobody else hears.
 */
async function withBus<T>(work: (bus: EventBus) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const bus = await createEventBus({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    log: { info: () => undefined, warn: say },
  });
  try {
    return await work(bus);
  } finally {
    await bus.close();
  }
}

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, say);
  try {
    // Commands run start-up work: its own, longer transaction timeout.
    const db = database.db.forStartup(config.neo4j.startupTxTimeoutMs);
    for (const w of (await migrate(db)).warnings) say(`warning: ${w}`);
    return await work(db);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      await serve(loadConfig());
      return -1;
    case 'migrate':
      await withDatabase(async () => say('schema applied'));
      return 0;
    case 'seed':
      await withDatabase(async (db) => {
        for (const r of await loadSeed(db)) say(describe('seed', r));
      });
      return 0;
    case 'ingest': {
      if (args.length === 0) throw new UsageError('ingest needs at least one FILE');
      const files = await documentFiles(args);
      // Validate everything before opening the database, so a bad file costs no start-up. One
      // file is held at a time, here and while writing, so a folder of any size fits in memory.
      let invalid = false;
      for (const file of files) {
        const v = validateDocument(await readDocument(file));
        if (!v.ok) {
          invalid = true;
          say(`${file}: ${v.problems.length} problem(s); nothing written`);
          for (const p of v.problems) say(`  ${p.path}: ${p.message}`);
        }
      }
      if (invalid) return 1;
      await withBus((bus) =>
        withDatabase(async (db) => {
          for (let i = 0; i < files.length; i += INGEST_BATCH) {
            const batch = files.slice(i, i + INGEST_BATCH);
            await ingestDocuments(db, await Promise.all(batch.map(readDocument)), {
              onWritten: async (report, j) => {
                say(describe(batch[j] as string, report));
                await publishIngest(bus, report);
              },
            });
          }
        }),
      );
      return 0;
    }
    case 'remove': {
      if (args.length === 0) throw new UsageError('remove needs at least one article KEY');
      let missing = false;
      await withBus((bus) =>
        withDatabase(async (db) => {
          for (const key of args) {
            const report = await removeArticle(db, key);
            if (!report.removed) {
              missing = true;
              say(`${key}: no such article; nothing removed`);
              continue;
            }
            const count = (action: string) => report.changes.filter((c) => c.action === action).length;
            say(
              `${key}: removed; ${count('REMOVED')} claims and events gone, ${count('CHANGED')} still reported by other articles`,
            );
            await publishRemoval(bus, report);
          }
        }),
      );
      return missing ? 1 : 0;
    }
    case 'split': {
      if (args.length === 0) throw new UsageError('split needs at least one report KEY');
      await withDatabase(async (db) => {
        for (const key of args) {
          const r = await splitReport(db, key);
          say(
            r.split
              ? `${key}: split from ${r.from}; now ${r.to}`
              : `${key}: stands alone already; nothing split`,
          );
        }
      });
      return 0;
    }
    case 'check': {
      if (args.length === 0) throw new UsageError('check needs at least one FILE');
      let failed = false;
      for (const file of args) {
        const v = validateDocument(await readDocument(file));
        if (v.ok) {
          const d = v.doc;
          say(
            `${file}: valid (${d.entities.length} entities, ${d.relations.length} relations, ${d.events.length} events, ${d.claims.length} claims)`,
          );
        } else {
          failed = true;
          say(`${file}: ${v.problems.length} problem(s)`);
          for (const p of v.problems) say(`  ${p.path}: ${p.message}`);
        }
      }
      return failed ? 1 : 0;
    }
    case 'review': {
      if (args.length !== 1) throw new UsageError('review needs exactly one FILE');
      const [file] = args as [string];
      try {
        process.stdout.write(await reviewFile(file));
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        say(`${file}: ${error.problems.length} problem(s); nothing to review`);
        for (const p of error.problems) say(`  ${p.path}: ${p.message}`);
        return 1;
      }
      return 0;
    }
    case 'export': {
      // Checked before the database opens: a bad argument or an unwritable --out costs no start-up.
      const request = parseExportArgs(args);
      await runExport(request, withDatabase, say);
      return 0;
    }
    case 'examples':
      await withDatabase(async (db) => {
        await loadSeed(db);
        process.stdout.write(await examplesMarkdown(db));
      });
      return 0;
    case 'schema:print': {
      const { generatedFiles } = await import('./generated.js');
      const files = generatedFiles();
      if (args.includes('--check')) {
        let drift = false;
        for (const { file, text } of files) {
          const current = await readFile(file, 'utf8').catch(() => '');
          if (current !== text) {
            drift = true;
            say(
              `${path.relative(PROJECT_ROOT, file)} differs from the code: run npm run schema:print and commit it`,
            );
          }
        }
        return drift ? 1 : 0;
      }
      for (const { file, text } of files) {
        await writeFile(file, text);
        say(`wrote ${path.relative(PROJECT_ROOT, file)}`);
      }
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

const KNOWN = [ConfigError, EmbeddedNeo4jError, DatabaseConnectError, ListenError];

loadEnvFile();
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof FileError) {
      say(`error: ${error.message}`);
    } else if (error instanceof ExportInputError) {
      say(`error: ${error.message}`);
    } else if (error instanceof UsageError) {
      say(`error: ${error.message}\n${USAGE}`);
    } else if (error instanceof IngestError) {
      say(`error: ${error.message}\nnothing was written`);
    } else if (error instanceof ConfigError) {
      say(`configuration error: ${error.message}`);
    } else if (KNOWN.some((k) => error instanceof k)) {
      say(`error: ${(error as Error).message}`);
    } else {
      // One line, as for every other failure; the stack only when asked for.
      const message = error instanceof Error ? error.message : String(error);
      say(`unexpected error: ${message.split('\n')[0]}`);
      if (process.env.DEBUG_STACK && error instanceof Error) say(error.stack ?? '');
    }
    process.exit(1);
  },
);
