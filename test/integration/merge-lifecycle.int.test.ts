// What becomes of merged statements on a real Neo4j: the same graph whatever order the articles
// came in, removal and replacement that leave the graph as if the article had never been (or had
// always been) there, splitting a report back out without losing any, and the command line.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { removeArticle } from '../../src/ingest/ingest.js';
import { splitReport } from '../../src/ingest/split.js';
import { fileOf, keyOf, NAMES, NO_ORPHANS, seedKey, useVisitReports } from '../visit-reports.js';

const { docs, ingest, startWith, census, statements, relations, statementOf, orphans, graph } =
  useVisitReports();

describe('order', () => {
  it('gives the same graph and the same answers whichever order the articles came in', async () => {
    const answers = async () => ({
      census: await census(),
      statements: await statements(),
      relations: await relations(),
    });
    await startWith(NAMES);
    const forward = await answers();
    await startWith([...NAMES].reverse());
    const backward = await answers();
    // The bridge first: the TV site's send-off stands alone until the aggregator's report joins both.
    await startWith(['kanal', 'pagi', 'harian', 'portal', 'digest']);
    const bridged = await answers();
    expect(backward).toEqual(forward);
    expect(bridged).toEqual(forward);
    expect(await orphans()).toEqual(NO_ORPHANS);
  });
});

describe('removal and replacement', () => {
  it('removing an article lowers counts, removes what only it reported, and equals never ingesting it', async () => {
    const without = NAMES.filter((n) => n !== 'pagi');
    await startWith(without);
    const expected = { census: await census(), statements: await statements(), relations: await relations() };
    await startWith(NAMES);
    expect((await statementOf(seedKey('event:kim-putin-meeting')))?.sources).toBe(3);
    const removal = await removeArticle(graph.db, 'fixture-visit-pagi');
    expect(removal.removed).toBe(true);
    expect((await statementOf(seedKey('event:kim-putin-meeting')))?.sources).toBe(2);
    const [gone] = await graph.cypher(
      `RETURN COUNT { MATCH (s:Event {id: $gifts}) } AS gifts, COUNT { MATCH (e:Entity {id: 'item:geran-25'}) } AS drone`,
      { gifts: keyOf('pagi', 'event:gifts') },
    );
    expect(gone).toEqual({ gifts: 0, drone: 0 });
    expect({ census: await census(), statements: await statements(), relations: await relations() }).toEqual(
      expected,
    );
    expect(await orphans()).toEqual(NO_ORPHANS);
  });

  it('replacing an article with a changed version equals ingesting that version in the first place', async () => {
    const changed = structuredClone(docs.kanal);
    changed.events[0].time = {
      start: '2023-09-12',
      end: '2023-09-17',
      precision: 'DAY',
      original: 'sejak Senin',
    };
    docs.kanal = changed;
    try {
      await startWith(NAMES);
      const expected = { census: await census(), statements: await statements() };
      docs.kanal = JSON.parse(await readFile(fileOf('kanal'), 'utf8'));
      await startWith(NAMES);
      expect((await statementOf(seedKey('event:kim-visit-russia')))?.contested).toBe(true);
      expect((await ingest(changed)).status).toBe('REPLACED');
      // The TV site now gives Tuesday too: nobody disagrees on the first day.
      expect((await statementOf(seedKey('event:kim-visit-russia')))?.contested).toBe(false);
      expect({ census: await census(), statements: await statements() }).toEqual(expected);
    } finally {
      docs.kanal = JSON.parse(await readFile(fileOf('kanal'), 'utf8'));
    }
  });
});

describe('split', () => {
  it('moves one report back to a statement of its own, losing none, and keeps it apart on re-ingestion', async () => {
    await startWith(NAMES);
    const reports = (await census())[':Report'];
    const ceremony = seedKey('event:farewell-ceremony');
    const out = await splitReport(graph.db, keyOf('digest', 'event:ceremony'));
    expect(out).toEqual({
      report: keyOf('digest', 'event:ceremony'),
      split: true,
      from: ceremony,
      to: keyOf('digest', 'event:ceremony'),
    });
    expect(await statementOf(keyOf('digest', 'event:ceremony'))).toMatchObject({ sources: 1 });
    expect(await statementOf(seedKey('event:farewell-ceremony'))).toMatchObject({
      key: ceremony,
      sources: 3,
    });
    expect((await census())[':Report']).toBe(reports);

    // A new version of the article is not merged again by proposal.
    const changed = structuredClone(docs.digest);
    changed.article.title = `${changed.article.title} (updated)`;
    expect((await ingest(changed)).status).toBe('REPLACED');
    expect(await statementOf(keyOf('digest', 'event:ceremony'))).toMatchObject({
      key: keyOf('digest', 'event:ceremony'),
      sources: 1,
    });
    expect(await orphans()).toEqual(NO_ORPHANS);
  });

  it('stays split when a later report is the same as both sides', async () => {
    await startWith(NAMES);
    const sendOff = keyOf('kanal', 'event:send-off');
    const ceremony = seedKey('event:farewell-ceremony');
    const joined = (await statementOf(ceremony))?.key;
    expect((await statementOf(sendOff))?.key).toBe(joined);
    await splitReport(graph.db, sendOff);
    // The aggregator's report is what joined the TV site's send-off to the ceremony: a new version
    // of it matches both again, and joins one of them only.
    const changed = structuredClone(docs.digest);
    changed.article.title = `${changed.article.title} (updated)`;
    expect((await ingest(changed)).status).toBe('REPLACED');
    expect(await statementOf(sendOff)).toMatchObject({ key: sendOff, reports: 1 });
    expect((await statementOf(ceremony))?.key).toBe(joined);
    expect(await orphans()).toEqual(NO_ORPHANS);
  });

  it('splitting the report that gives the statement its key passes the key to the next report', async () => {
    await startWith(NAMES);
    const out = await splitReport(graph.db, seedKey('event:farewell-ceremony'));
    // Next by rank: the same day, then the article key (the aggregator, "fixture-visit-digest").
    expect(out).toMatchObject({ split: true, from: keyOf('digest', 'event:ceremony') });
    expect(await statementOf(seedKey('event:farewell-ceremony'))).toMatchObject({
      key: seedKey('event:farewell-ceremony'),
      sources: 1,
    });
    expect(await splitReport(graph.db, seedKey('event:farewell-ceremony'))).toMatchObject({ split: false });
    expect(await orphans()).toEqual(NO_ORPHANS);
  });
});

describe('npm run ingest and npm run split', () => {
  function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
    const c = inject('neo4j');
    return new Promise((resolve) => {
      execFile(
        'npx',
        ['tsx', 'src/main.ts', ...args],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            NEO4J_URI: c.uri,
            NEO4J_USERNAME: c.username,
            NEO4J_PASSWORD: c.password,
            NEO4J_DATABASE: c.database,
          },
          timeout: 60_000,
        },
        (error, _stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
        },
      );
    });
  }

  it('print the merges, the candidates not merged with their scores, and the split', async () => {
    await startWith([]);
    const out = await cli('ingest', fileOf('pagi'));
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(
      `    ${keyOf('pagi', 'event:meeting')} -> ${seedKey('event:kim-putin-meeting')} (proposed (score 0.85`,
    );
    expect(out.stderr).toContain(
      `    ${keyOf('pagi', 'claim:western-worry')} ~ ${seedKey('claim:deepening-defence-cooperation')}: score 0.333`,
    );
    const split = await cli('split', keyOf('pagi', 'event:meeting'));
    expect(split.code, split.stderr).toBe(0);
    expect(split.stderr).toContain(
      `${keyOf('pagi', 'event:meeting')}: split from ${seedKey('event:kim-putin-meeting')}; now ${keyOf('pagi', 'event:meeting')}`,
    );
  });
});
