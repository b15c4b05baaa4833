// Exports read back by real readers: JSON-LD expanded by the jsonld processor with every evidence
// selector resolving to its quote in the article text, CSV parsed back to the graph's counts,
// GraphML parsed by graphology's GraphML reader to the same nodes and edges. From the command
// line and over HTTP, with a one-line error or a 4xx code for every bad request.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ExportInputError, resolveScope } from '../../src/export/read.js';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-graph-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SCHEMA = 'https://schema.org/';
const OA = 'http://www.w3.org/ns/oa#';
const PROV = 'http://www.w3.org/ns/prov#';

async function get(url: string) {
  const res = await graph.yoga.fetch(`http://localhost${url}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** Runs `npm run export -- ...` as a user would, against the test Neo4j. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const c = inject('neo4j');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'export', ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: c.uri,
      NEO4J_USERNAME: c.username,
      NEO4J_PASSWORD: c.password,
      NEO4J_DATABASE: c.database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** What the graph holds, counted in Cypher: the numbers every format must give back. */
async function graphCounts() {
  const one = async (q: string) => Number((await graph.cypher(q))[0]?.c);
  const nodes = await one(
    'MATCH (n) WHERE n:Article OR n:Entity OR n:Event OR n:Claim OR n:Evidence RETURN count(n) AS c',
  );
  const semantic = await one(
    'MATCH (x)-[r:PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|DISTANCE_FROM|AT|PART_OF|ABOUT|DISPUTES|CONDEMNS|CITES|SUPPORTS]->(y) RETURN count(r) AS c',
  );
  const reported = await one('MATCH (:Claim|Event)-[r:REPORTED_IN]->(:Article) RETURN count(r) AS c');
  const evidenced = await one('MATCH ()-[r:EVIDENCED_BY]->(:Evidence) RETURN count(r) AS c');
  const inArticle = await one('MATCH (:Evidence)-[r:IN_ARTICLE]->(:Article) RETURN count(r) AS c');
  const mentions = await one('MATCH (:Evidence)-[r:MENTIONS]->(:Entity) RETURN count(r) AS c');
  return { nodes, edges: semantic + reported + evidenced + inArticle + mentions, evidenced, mentions };
}

const noNetwork = async (url: string) => {
  throw new Error(`the export asked to load ${url}: it must be self-contained`);
};

type Flat = Record<string, any>;
const values = (node: Flat, p: string): any[] => node[p] ?? [];
const value = (node: Flat, p: string) => values(node, p)[0]?.['@value'];

describe('JSON-LD', () => {
  it('expands with no network, and every evidence selector finds its quote in the article text', async () => {
    const res = await get('/export/graph.jsonld');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(res.text);
    const expanded = await jsonld.expand(doc, { documentLoader: noNetwork as never });
    const flat = (await jsonld.flatten(expanded, null as never, {
      documentLoader: noNetwork as never,
    })) as unknown as Flat[];
    const byId = new Map(flat.map((n) => [n['@id'], n]));
    const typed = (t: string) => flat.filter((n) => (n['@type'] ?? []).includes(t));

    const resources = typed(`${OA}SpecificResource`);
    expect(resources.length).toBe(
      Number((await graph.cypher('MATCH (e:Evidence) RETURN count(e) AS c'))[0]?.c),
    );
    for (const r of resources) {
      const article = byId.get(values(r, `${OA}hasSource`)[0]['@id']) as Flat;
      expect(article['@type']).toContain(`${SCHEMA}NewsArticle`);
      const text = Array.from(value(article, `${SCHEMA}text`) as string);
      const selectors = values(r, `${OA}hasSelector`).map((s) => byId.get(s['@id']) as Flat);
      const quote = selectors.find((s) => s['@type'].includes(`${OA}TextQuoteSelector`)) as Flat;
      const position = selectors.find((s) => s['@type'].includes(`${OA}TextPositionSelector`)) as Flat;
      const start = Number(value(position, `${OA}start`));
      const end = Number(value(position, `${OA}end`));
      const exact = value(quote, `${OA}exact`);
      expect(text.slice(start, end).join(''), r['@id']).toBe(exact);
      expect(
        text
          .slice(0, start)
          .join('')
          .endsWith(value(quote, `${OA}prefix`)),
        r['@id'],
      ).toBe(true);
      expect(
        text
          .slice(end)
          .join('')
          .startsWith(value(quote, `${OA}suffix`)),
        r['@id'],
      ).toBe(true);
    }

    // Every annotation joins something in the graph to one of those spans.
    const counts = await graphCounts();
    const annotations = typed(`${OA}Annotation`);
    const motivation = (a: Flat) => values(a, `${OA}motivatedBy`)[0]['@id'];
    expect(annotations.filter((a) => motivation(a) === `${OA}describing`)).toHaveLength(counts.evidenced);
    expect(annotations.filter((a) => motivation(a) === `${OA}identifying`)).toHaveLength(counts.mentions);
    for (const a of annotations) {
      expect(byId.get(values(a, `${OA}hasTarget`)[0]['@id'])?.['@type']).toContain(`${OA}SpecificResource`);
      expect(byId.has(values(a, `${OA}hasBody`)[0]['@id'])).toBe(true);
    }

    // schema.org types, Wikidata as sameAs, PROV attribution with its reporting verb.
    const nk = byId.get('urn:news-graph:country:north-korea') as Flat;
    expect(nk['@type']).toEqual([`${SCHEMA}Country`]);
    expect(values(nk, `${SCHEMA}sameAs`)).toEqual([{ '@id': 'http://www.wikidata.org/entity/Q423' }]);
    expect(values(nk, `${SCHEMA}name`)).toEqual(
      expect.arrayContaining([
        { '@value': 'Korea Utara', '@language': 'id' },
        { '@value': 'North Korea', '@language': 'en' },
      ]),
    );
    for (const t of ['Person', 'Organization', 'Place', 'Event', 'Claim', 'NewsArticle'])
      expect(typed(`${SCHEMA}${t}`).length, t).toBeGreaterThan(0);
    const deal = byId.get(`urn:news-graph:${ARTICLE_KEY}/claim:ammunition-for-technology`) as Flat;
    expect(deal['@type']).toEqual(
      expect.arrayContaining([`${SCHEMA}Claim`, 'urn:news-graph:vocab#ArmsDeal']),
    );
    expect(value(deal, 'urn:news-graph:vocab#status')).toBe('ALLEGED');
    expect(values(deal, `${PROV}wasAttributedTo`)).toEqual([
      { '@id': 'urn:news-graph:group:foreign-officials-and-experts' },
    ]);
    const attribution = byId.get(values(deal, `${PROV}qualifiedAttribution`)[0]['@id']) as Flat;
    expect(value(attribution, 'urn:news-graph:vocab#cue')).toBe('mengatakan');

    // How a statement was made and how a participant spoke, each with the article's words.
    const NG = 'urn:news-graph:vocab#';
    const yoon = byId.get(`urn:news-graph:${ARTICLE_KEY}/claim:yoon-cooperation-illegal`) as Flat;
    const written = byId.get(values(yoon, `${PROV}qualifiedAttribution`)[0]['@id']) as Flat;
    expect([value(written, `${NG}manner`), value(written, `${NG}mannerWording`)]).toEqual([
      'WRITTEN',
      'dalam tanggapan tertulisnya',
    ]);
    const talk = byId.get(`urn:news-graph:${ARTICLE_KEY}/event:talk-with-residents`) as Flat;
    const roles = values(talk, `${NG}participant`).map((r) => byId.get(r['@id']) as Flat);
    const spoke = roles.map((r) => [
      values(r, `${NG}entity`)[0]['@id'],
      value(r, `${NG}manner`) ?? null,
      value(r, `${NG}mannerWording`) ?? null,
    ]);
    expect(spoke).toEqual(
      expect.arrayContaining([
        ['urn:news-graph:person:kim-jong-un', 'THROUGH_INTERPRETER', 'melalui penerjemah'],
        ['urn:news-graph:group:russian-residents', null, null],
      ]),
    );
    expect(values(deal, `${SCHEMA}appearance`)).toEqual([{ '@id': `urn:news-graph:${ARTICLE_KEY}` }]);
  });

  it('exports one article with its claims, and the CLI writes the same document to stdout', async () => {
    const http = await get(`/export/article/${ARTICLE_KEY}.jsonld`);
    const run = await cli(['--format', 'jsonld', '--article', ARTICLE_KEY]);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(http.text);
    const claims = JSON.parse(http.text)['@graph'].filter(
      (o: Flat) => Array.isArray(o['@type']) && o['@type'].includes('Claim'),
    );
    expect(claims).toHaveLength(Number((await graph.cypher('MATCH (c:Claim) RETURN count(c) AS c'))[0]?.c));
  });
});

describe('CSV', () => {
  it('writes nodes.csv and edges.csv that parse back to the graph, with stable ids', async () => {
    const out = path.join(dir, 'csv');
    const run = await cli(['--format', 'csv', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/wrote .*nodes\.csv and .*edges\.csv/);
    expect((await readdir(out)).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const nodesText = await readFile(path.join(out, 'nodes.csv'), 'utf8');
    const nodes = parseCsv(nodesText, { columns: true }) as Record<string, string>[];
    const edges = parseCsv(await readFile(path.join(out, 'edges.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const counts = await graphCounts();
    expect(nodes).toHaveLength(counts.nodes);
    expect(edges).toHaveLength(counts.edges);
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    for (const e of edges) {
      expect(ids.has(e.source as string), e.id).toBe(true);
      expect(ids.has(e.target as string), e.id).toBe(true);
    }
    // Quotes with commas and quotation marks come back exactly.
    const stored = await graph.cypher('MATCH (e:Evidence) RETURN e.id AS id, e.quote AS quote');
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(stored.some((s) => /[",]/.test(String(s.quote)))).toBe(true);
    for (const s of stored) expect(byId.get(String(s.id))?.quote).toBe(s.quote);
    expect(byId.get('country:north-korea')).toMatchObject({
      category: 'Entity',
      type: 'Country',
      label: 'North Korea',
      label_id: 'Korea Utara',
      wikidata: 'Q423',
    });

    // The same graph exports the same bytes: ids and order are stable.
    const again = await get('/export/graph.nodes.csv');
    expect(again.type).toBe('text/csv; charset=utf-8; header=present');
    expect(again.text).toBe(nodesText);
  });
});

describe('GraphML', () => {
  it('parses with a GraphML reader to the same nodes and edges as the CSV of the same scope', async () => {
    const url = '/export/entity/country:north-korea';
    const xml = await get(`${url}.graphml?depth=2`);
    expect(xml.status).toBe(200);
    const g = parseGraphml(MultiDirectedGraph, xml.text);
    const nodes = parseCsv((await get(`${url}.nodes.csv?depth=2`)).text, { columns: true }) as Record<
      string,
      string
    >[];
    const edges = parseCsv((await get(`${url}.edges.csv?depth=2`)).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(g.order).toBe(nodes.length);
    expect(g.size).toBe(edges.length);
    expect(g.nodes().sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(g.edges().sort()).toEqual(edges.map((e) => e.id).sort());
    expect(g.getNodeAttributes('country:north-korea')).toMatchObject({
      label: 'North Korea',
      type: 'Country',
    });
    const deal = `${ARTICLE_KEY}/claim:alleged-russian-ammunition-effort`;
    expect(g.getNodeAttribute(deal, 'status')).toBe('ALLEGED');
    expect(g.getEdgeAttributes(`${deal}>PARTICIPANT>country:russia#RECIPIENT`)).toMatchObject({
      type: 'PARTICIPANT',
      role: 'RECIPIENT',
    });

    // The neighbourhood is the API's: the same entities, events and claims at depth 2.
    const api = await graph.gql(
      '{ neighborhood(key: "country:north-korea", depth: 2, first: 200) { truncated nodes { key } } }',
    );
    expect(api.data.neighborhood.truncated).toBe(false);
    const drawn = nodes
      .filter((n) => ['Entity', 'Event', 'Claim'].includes(n.category as string))
      .map((n) => n.id);
    expect(drawn.sort()).toEqual(api.data.neighborhood.nodes.map((n: { key: string }) => n.key).sort());
  });

  it('goes to a file with --out, and to standard output without', async () => {
    const file = path.join(dir, 'russia.graphml');
    const run = await cli(['--format', 'graphml', '--entity', 'country:russia', '--out', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const written = await readFile(file, 'utf8');
    expect(written).toBe((await get('/export/entity/country:russia.graphml')).text);
    expect(parseGraphml(MultiDirectedGraph, written).hasNode('country:russia')).toBe(true);
  });
});

describe('bad requests', () => {
  it('get a 4xx with a code over HTTP', async () => {
    const cases: [string, number, string][] = [
      ['/export/article/nope.jsonld', 404, 'UNKNOWN_ARTICLE'],
      ['/export/entity/person:nobody.graphml', 404, 'UNKNOWN_ENTITY'],
      ['/export/graph.xml', 400, 'BAD_FORMAT'],
      ['/export/entity/country:russia.jsonld?depth=4', 400, 'BAD_DEPTH'],
      ['/export/entity/country:russia.jsonld?depth=two', 400, 'BAD_DEPTH'],
      ['/export/article/x/y.jsonld', 400, 'BAD_ARGUMENT'],
    ];
    for (const [url, status, code] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(status);
      expect(JSON.parse(res.text).error.code, url).toBe(code);
    }
  });

  it('get one line and a nonzero exit from the CLI, and leave no file behind', async () => {
    const out = path.join(dir, 'bad');
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /^error: unknown format "xml": use jsonld, csv or graphml$/],
      [
        ['--format', 'jsonld', '--entity', 'person:nobody', '--out', path.join(out, 'x.jsonld')],
        /^error: cannot write to --out .*: no such folder$/,
      ],
      [
        ['--format', 'csv', '--entity', 'person:nobody', '--out', out],
        /^error: no entity has the key "person:nobody"$/,
      ],
      [
        ['--format', 'graphml', '--article', 'nope', '--out', path.join(dir, 'nope.graphml')],
        /^error: no article has the key "nope"$/,
      ],
      [
        ['--format', 'csv', '--out', path.join(blocker, 'sub')],
        /^error: cannot write to --out .*: a part of the path is a file$/,
      ],
      [
        ['--format', 'jsonld', '--entity', 'country:russia', '--depth', '0'],
        /^error: depth must be a whole number from 1 to 3 \(got "0"\)$/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(1);
      const lines = run.stderr
        .trim()
        .split('\n')
        .filter((l) => !/^(Starting|Embedded)/.test(l));
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0], args.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    }
    // The CSV folder was made, but nothing half-written is left in it.
    expect(await readdir(out)).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.startsWith('nope'))).toEqual([]);
  }, 120_000);

  it('stops an entity export that would be too large instead of cutting it', async () => {
    await expect(
      resolveScope(graph.db, { kind: 'entity', key: 'country:russia', depth: 2 }, 10),
    ).rejects.toThrow(new ExportInputError('TOO_LARGE', 'x').constructor);
    await expect(
      resolveScope(graph.db, { kind: 'entity', key: 'country:russia', depth: 2 }, 10),
    ).rejects.toThrow(
      /has more than 10 entities, events and claims: ask for a smaller depth, or export the whole graph/,
    );
  });
});
