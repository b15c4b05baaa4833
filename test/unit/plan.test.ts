// The article write as a plan, read without a database: which statements, in which order, with
// which parameters, for a small document and a resolution of its entities.
import { describe, expect, it } from 'vitest';
import type { CypherQuery } from '../../src/db/run.js';
import type { ArticleDocument } from '../../src/ingest/document.js';
import { planArticleWrite } from '../../src/ingest/plan.js';
import type { Resolution } from '../../src/ingest/resolve.js';
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

/** Kim and Putin are new; Russia and "Korut" are the graph's country:russia and country:north-korea. */
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
      { documentId: 'country:russia', entityId: 'country:russia', matchedBy: 'id' },
      { documentId: 'country:korut', entityId: 'country:north-korea', matchedBy: 'name' },
    ],
    created: [find('person:kim'), find('person:putin'), find('org:ria')],
    updated: [
      { doc: find('country:russia'), names: { labels: { en: 'Russia', id: 'Rusia' }, aliases: {} } },
      {
        doc: find('country:korut'),
        names: { labels: { en: 'North Korea', id: 'Korea Utara' }, aliases: { en: ['DPRK'] } },
      },
    ],
  };
}

/** What each statement does, by its first clause: enough to read the order of a plan at a glance. */
const heads = (plan: CypherQuery[]) => plan.map((s) => s.cypher.split('\n')[0]?.trim());
const rows = (s: CypherQuery | undefined) => s?.params?.rows as Record<string, any>[];
const step = (plan: CypherQuery[], pattern: RegExp) => plan.filter((s) => pattern.test(s.cypher));

describe('the plan of an article write', () => {
  const doc = document();
  const plan = planArticleWrite(doc, resolution(doc), 'hash-1');

  it('writes the article, its text, the entities, then the facts and their links, in that order', () => {
    expect(heads(plan)).toEqual([
      'MERGE (a:Article {id: $props.id})',
      'MATCH (a:Article {id: $articleId})', // paragraphs
      'MATCH (a:Article {id: $articleId})', // evidence
      'UNWIND $rows AS row CREATE (e:Entity:Person) SET e = row',
      'UNWIND $rows AS row CREATE (e:Entity:Organization) SET e = row',
      'UNWIND $rows AS row MATCH (e:Entity {id: row.id})', // names of entities that joined
      'UNWIND $rows AS row', // mentions
      'UNWIND $rows AS row', // HOLDS_ROLE
      'MATCH (a:Article {id: $articleId})', // events
      'MATCH (a:Article {id: $articleId})', // Statement claims
      ...Array(9).fill('UNWIND $rows AS row'), // links, CITES last
    ]);
    expect(plan[3]?.cypher).toContain(':Person');
    expect(plan.at(-1)?.cypher).toContain('[r:CITES]');
  });

  it('leaves out every statement that would have no rows: no Country created, no empty link types', () => {
    expect(step(plan, /CREATE \(e:Entity:Country\)/)).toEqual([]);
    expect(step(plan, /\[r:(SUPPORTS|CONTRADICTS|PART_OF)\]/)).toEqual([]);
    expect(step(plan, /:ArmsDeal/)).toEqual([]);
  });

  it('carries every value as a parameter, never in the Cypher text', () => {
    for (const s of plan) {
      expect(s.cypher).not.toContain('plan-test');
      expect(s.cypher).not.toContain('Korut');
    }
  });

  it('gives events and claims article-scoped keys and points links at graph ids', () => {
    const [events] = step(plan, /CREATE \(e:Event\)/);
    expect(rows(events).map((r) => r.props.id)).toEqual(['plan-test/event:meeting']);
    const [participants] = step(
      plan,
      /MATCH \(x:Claim \{id: row.from\}\) MATCH \(y:Entity \{id: row.to\}\)\s+CREATE \(x\)-\[r:PARTICIPANT\]/,
    );
    expect(rows(participants)).toEqual([
      { from: 'plan-test/claim:denial', to: 'country:north-korea', props: { role: 'SPEAKER' } },
    ]);
    const [cites] = step(plan, /\[r:CITES\]/);
    expect(rows(cites)).toEqual([{ from: 'plan-test/claim:denial', to: 'plan-test/claim:met', props: {} }]);
  });

  it('keeps who reports an event and who asserts a claim the same way: cue and evidence ids', () => {
    const [reported] = step(plan, /\[r:REPORTED_BY\]/);
    expect(rows(reported)).toEqual([
      {
        from: 'plan-test/event:meeting',
        to: 'org:ria',
        props: { cue: 'kata', evidenceIds: [`plan-test@${span('kata RIA').start}-${span('kata RIA').end}`] },
      },
    ]);
    const [attributed] = step(plan, /\[r:ATTRIBUTED_TO\]/);
    expect(rows(attributed)).toEqual([
      { from: 'plan-test/claim:met', to: 'org:ria', props: { cue: 'kata', evidenceIds: [] } },
    ]);
  });

  it('adds the new names of a joining entity as aliases and keeps the graph labels', () => {
    const [names] = step(plan, /MATCH \(e:Entity \{id: row.id\}\)/);
    const korea = rows(names).find((r) => r.id === 'country:north-korea');
    expect(JSON.parse(korea?.aliasesJson)).toEqual({ en: ['DPRK'], id: ['Korut'] });
    expect(korea?.nameKeys).toEqual(['north korea', 'korea utara', 'dprk', 'korut']);
    // Russia brings no new name, and still gets its row (its description and wikidata may be new).
    expect(JSON.parse(rows(names).find((r) => r.id === 'country:russia')?.aliasesJson)).toEqual({});
  });

  it('is the same plan for the same document and resolution', () => {
    expect(planArticleWrite(doc, resolution(doc), 'hash-1')).toEqual(plan);
  });
});

describe('two entities of a document that are one entity of the graph', () => {
  it('give one row with the names of both, so the later does not overwrite the earlier', () => {
    const doc = document();
    const res = resolution(doc);
    const kim = doc.entities[0]!;
    const twin = { ...kim, id: 'person:kim-jong-un-2', labels: { en: 'Kim Jong Un', id: 'Kim Jong Un' } };
    const graphId = new Map(res.graphId);
    graphId.set('person:kim', 'person:kim-jong-un');
    graphId.set(twin.id, 'person:kim-jong-un');
    const names = { labels: { en: 'Kim Jong-un', id: 'Kim Jong-un' }, aliases: {} };
    const plan = planArticleWrite(
      { ...doc, entities: [...doc.entities, twin] },
      {
        ...res,
        graphId,
        created: res.created.slice(1),
        updated: [
          { doc: kim, names },
          { doc: twin, names },
        ],
      },
      'hash-1',
    );
    const [update] = step(plan, /MATCH \(e:Entity \{id: row.id\}\)/);
    expect(rows(update)).toHaveLength(1);
    expect(JSON.parse(rows(update)[0]?.aliasesJson)).toEqual({ en: ['Kim Jong Un'], id: ['Kim Jong Un'] });
  });
});
