// The article write as a plan, read without a database: which statements, in which order, with
// which parameters, for a small document and a resolution of its entities.
import { describe, expect, it } from 'vitest';
import type { CypherQuery } from '../../src/db/run.js';
import type { ArticleDocument } from '../../src/ingest/document.js';
import { planArticleWrite } from '../../src/ingest/plan.js';
import type { Resolution } from '../../src/ingest/resolve.js';
import { type EntityFold, foldEntitySource } from '../../src/ingest/sources.js';
import { validateDocument } from '../../src/ingest/validate.js';

const TEXT = 'Kim Jong-un bertemu Putin di Rusia, kata RIA. Korut membantah.';
const span = (quote: string, from = 0) => {
  const start = TEXT.indexOf(quote, from);
  return { quote, start, end: start + quote.length };
};

function document(): ArticleDocument {
  const v = validateDocument({
    formatVersion: 1,
    article: { id: 'plan-test', language: 'id', publishedOn: '2023-09-17', text: TEXT },
    entities: [
      {
        id: 'person:kim',
        type: 'Person',
        labels: { en: 'Kim Jong-un', id: 'Kim Jong-un' },
        mentions: [span('Kim Jong-un')],
      },
      { id: 'person:putin', type: 'Person', labels: { en: 'Putin', id: 'Putin' }, mentions: [span('Putin')] },
      {
        id: 'country:russia',
        type: 'Country',
        labels: { en: 'Russia', id: 'Rusia' },
        mentions: [span('Rusia')],
      },
      {
        id: 'country:korut',
        type: 'Country',
        labels: { en: 'North Korea', id: 'Korut' },
        mentions: [span('Korut')],
      },
      { id: 'org:ria', type: 'Organization', labels: { en: 'RIA', id: 'RIA' }, mentions: [span('RIA')] },
    ],
    relations: [
      {
        type: 'HOLDS_ROLE',
        from: 'person:kim',
        to: 'country:korut',
        title: { en: 'Leader', id: 'Pemimpin' },
        evidence: [span('Kim Jong-un')],
      },
    ],
    events: [
      {
        id: 'event:meeting',
        kind: 'Meeting',
        label: { en: 'Meeting', id: 'Pertemuan' },
        location: 'country:russia',
        participants: [
          { entity: 'person:kim', role: 'PARTICIPANT' },
          { entity: 'person:putin', role: 'PARTICIPANT' },
        ],
        reportedBy: [{ entity: 'org:ria', cue: 'kata', evidence: [span('kata RIA')] }],
        evidence: [span('Kim Jong-un bertemu Putin di Rusia')],
      },
    ],
    claims: [
      {
        id: 'claim:met',
        kind: 'Statement',
        summary: 'Kim met Putin.',
        wording: 'Kim Jong-un bertemu Putin',
        status: 'ASSERTED',
        about: ['event:meeting'],
        attributedTo: [{ entity: 'org:ria', cue: 'kata' }],
        evidence: [span('Kim Jong-un bertemu Putin')],
      },
      {
        id: 'claim:denial',
        kind: 'Statement',
        summary: 'North Korea denies it.',
        wording: 'Korut membantah',
        status: 'DENIED',
        participants: [{ entity: 'country:korut', role: 'SPEAKER' }],
        links: [{ type: 'CITES', claim: 'claim:met' }],
        evidence: [span('Korut membantah')],
      },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.doc;
}

/** Kim, Putin and RIA are new; Russia and "Korut" are the graph's country:russia and country:north-korea. */
function resolution(doc: ArticleDocument): Resolution {
  const find = (id: string) => doc.entities.find((e) => e.id === id)!;
  return {
    graphId: new Map([
      ['person:kim', 'person:kim'],
      ['person:putin', 'person:putin'],
      ['country:russia', 'country:russia'],
      ['country:korut', 'country:north-korea'],
      ['org:ria', 'org:ria'],
    ]),
    linked: [
      { documentId: 'country:russia', entityKey: 'country:russia', matchedBy: 'id' },
      { documentId: 'country:korut', entityKey: 'country:north-korea', matchedBy: 'name' },
    ],
    created: [find('person:kim'), find('person:putin'), find('org:ria')],
    existing: new Map<string, EntityFold>([
      [
        'country:russia',
        foldEntitySource(null, 'seed', {
          rank: '2023-09-01|seed',
          labels: { en: 'Russia', id: 'Rusia' },
          aliases: {},
        }),
      ],
      [
        'country:north-korea',
        foldEntitySource(null, 'seed', {
          rank: '2023-09-01|seed',
          labels: { en: 'North Korea', id: 'Korea Utara' },
          aliases: { en: ['DPRK'] },
        }),
      ],
    ]),
  };
}

const grouping = (doc: ArticleDocument) => ({
  created: [...doc.events, ...doc.claims].map((x) => `plan-test/${x.id}`),
  joined: [],
  absorbed: [],
});

const planOf = (doc: ArticleDocument, res = resolution(doc), relations = new Map()) =>
  planArticleWrite({ doc, resolution: res, relations, grouping: grouping(doc), contentHash: 'hash-1' });

/** What each statement does, by its first clause: enough to read the order of a plan at a glance. */
const heads = (plan: CypherQuery[]) => plan.map((s) => s.cypher.split('\n')[0]?.trim());
const rows = (s: CypherQuery | undefined) => s?.params?.rows as Record<string, any>[];
const step = (plan: CypherQuery[], pattern: RegExp) => plan.filter((s) => pattern.test(s.cypher));

describe('the plan of an article write', () => {
  const doc = document();
  const plan = planOf(doc);

  it('writes the article, its text, the entities, the relations, then the reports and their statements', () => {
    expect(heads(plan)).toEqual([
      'MERGE (a:Article {id: $props.id})',
      'MATCH (a:Article {id: $articleId})', // paragraphs
      'MATCH (a:Article {id: $articleId})', // evidence
      ...['Person', 'Organization', 'Country', 'Location', 'Group', 'Item'].map(
        (t) => `UNWIND $rows AS row CREATE (e:Entity:${t}) SET e = row`,
      ),
      'UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e += row', // entities that joined
      'UNWIND $rows AS row', // what the article says of each entity (NAMES)
      'UNWIND $rows AS row', // mentions
      'UNWIND $rows AS row', // HOLDS_ROLE
      'UNWIND $rows AS row', // MEMBER_OF
      'UNWIND $rows AS row', // LOCATED_IN
      'UNWIND $rows AS row', // DISTANCE_FROM
      'MATCH (a:Article {id: $articleId})', // reports
      ...Array(2).fill('UNWIND $rows AS row'), // reports joining statements, events then claims
      ...Array(2).fill('UNWIND $rows AS row'), // statements merged into another
      'UNWIND $rows AS row', // new events
      ...Array(4).fill('UNWIND $rows AS row'), // new claims, by kind
    ]);
  });

  it('has the same statements whatever the document holds, so that Neo4j plans them once', () => {
    const bare = document();
    bare.relations = [];
    bare.events = [];
    bare.claims = [];
    expect(planOf(bare).map((s) => s.cypher)).toEqual(plan.map((s) => s.cypher));
    expect(rows(step(planOf(bare), /CREATE \(e:Entity:Country\)/)[0])).toEqual([]);
  });

  it('carries every value as a parameter, never in the Cypher text', () => {
    for (const s of plan) {
      expect(s.cypher).not.toContain('plan-test');
      expect(s.cypher).not.toContain('Korut');
    }
  });

  it('gives each event and claim a report with an article-scoped key, and a statement of the same key', () => {
    const [reports] = step(plan, /CREATE \(r:Report\)/);
    const r = reports?.params?.rows as Record<string, any[]>;
    expect(r.reports?.map((x) => [x.id, x.of, x.kind, x.rank])).toEqual([
      ['plan-test/event:meeting', 'Event', 'Meeting', '2023-09-17|plan-test|event:meeting'],
      ['plan-test/claim:met', 'Claim', 'Statement', '2023-09-17|plan-test|claim:met'],
      ['plan-test/claim:denial', 'Claim', 'Statement', '2023-09-17|plan-test|claim:denial'],
    ]);
    expect(r.involves).toContainEqual({
      report: 'plan-test/claim:denial',
      entity: 'country:north-korea',
      role: 'SPEAKER',
      manner: null,
      mannerWording: null,
    });
    expect(r.references).toEqual([
      { report: 'plan-test/claim:met', type: 'ABOUT', to: 'plan-test/event:meeting' },
      { report: 'plan-test/claim:denial', type: 'CITES', to: 'plan-test/claim:met' },
    ]);
    const [events] = step(plan, /CREATE \(s:Event /);
    expect(rows(events)).toEqual([{ id: 'plan-test/event:meeting', kind: 'Meeting' }]);
    const [statements] = step(plan, /CREATE \(s:Claim:Statement /);
    expect(rows(statements).map((x) => x.id)).toEqual(['plan-test/claim:met', 'plan-test/claim:denial']);
  });

  it('keeps who reports an event and who asserts a claim the same way: cue, manner and evidence ids', () => {
    const [reports] = step(plan, /CREATE \(r:Report\)/);
    const kata = span('kata RIA');
    expect((reports?.params?.rows as Record<string, any[]>)?.accordingTo).toEqual([
      {
        report: 'plan-test/event:meeting',
        entity: 'org:ria',
        cue: 'kata',
        manner: null,
        mannerWording: null,
        evidenceIds: [`plan-test@${kata.start}-${kata.end}`],
      },
      {
        report: 'plan-test/claim:met',
        entity: 'org:ria',
        cue: 'kata',
        manner: null,
        mannerWording: null,
        evidenceIds: [],
      },
    ]);
  });

  it("adds the new names of a joining entity as aliases, keeps the first source's labels, and records the source", () => {
    const [names] = step(plan, /MATCH \(e:Entity \{id: row.id\}\) SET e \+= row/);
    const korea = rows(names).find((r) => r.id === 'country:north-korea');
    expect(JSON.parse(korea?.labelsJson)).toEqual({ en: 'North Korea', id: 'Korea Utara' });
    expect(JSON.parse(korea?.aliasesJson)).toEqual({ en: ['DPRK'], id: ['Korut'] });
    expect(korea?.nameKeys).toEqual(['north korea', 'korea utara', 'dprk', 'korut']);
    // The seed's labels stay first in the fold; this article's source goes on its own relationship.
    expect(JSON.parse(korea?.foldJson).first.at).toEqual(['2023-09-01|seed', 'seed']);
    const [sources] = step(plan, /MERGE \(a\)-\[n:NAMES\]->\(e\)/);
    const own = rows(sources).find((r) => r.entity === 'country:north-korea');
    expect(own?.article).toBe('plan-test');
    expect(JSON.parse(own?.sourceJson).labels).toMatchObject({ id: 'Korut' });
  });

  it('adds the article to a relation other articles state, instead of a second relationship', () => {
    const stored = new Map([
      [
        'person:kim|HOLDS_ROLE|country:north-korea|leader',
        {
          earlier: {
            rank: '2023-09-10|earlier',
            title: { en: 'Leader', id: 'Pemimpin' },
            evidenceIds: ['earlier@0-5'],
          },
        },
      ],
    ]);
    const [holds] = step(planOf(doc, resolution(doc), stored), /\[r:HOLDS_ROLE \{key: row.props.key\}\]/);
    expect(rows(holds)).toHaveLength(1);
    const props = rows(holds)[0]?.props;
    expect(props.article).toBe('earlier');
    expect(props.articles).toEqual(['earlier', 'plan-test']);
    expect(props.evidenceIds).toEqual(['earlier@0-5', `plan-test@0-11`]);
  });

  it('is the same plan for the same document and resolution', () => {
    expect(planOf(doc)).toEqual(plan);
  });
});
