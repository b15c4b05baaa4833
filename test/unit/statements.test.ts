// What the graph shows for facts several articles report, computed without a database: entity
// names and relations from their sources, statements from their reports, values that disagree.
import { describe, expect, it } from 'vitest';
import { combine, oneMap } from '../../src/db/queries/combine.js';
import { type EntitySources, entityFromSources, relationFromSources } from '../../src/ingest/sources.js';
import { deriveStatement, type StoredReport } from '../../src/ingest/statements.js';
import { propertyValues, relationValues } from '../../src/ingest/values.js';

const reversed = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).reverse());

describe('an entity named by several articles', () => {
  const sources: EntitySources = {
    later: {
      rank: '2023-09-18|later',
      labels: { en: 'Kim Jong Un', id: 'Kim Jong Un' },
      aliases: { id: ['Kim'] },
    },
    seed: {
      rank: '2023-09-17|seed',
      labels: { en: 'Kim Jong-un', id: 'Kim Jong-un' },
      aliases: { en: ['Kim Jong Un'] },
      description: { en: 'Leader of North Korea' },
    },
  };

  it('takes its labels from the earliest article and every other name as an alias', () => {
    const e = entityFromSources(sources)!;
    expect(JSON.parse(e.labelsJson)).toEqual({ en: 'Kim Jong-un', id: 'Kim Jong-un' });
    expect(JSON.parse(e.aliasesJson)).toEqual({ en: ['Kim Jong Un'], id: ['Kim Jong Un', 'Kim'] });
    expect(e.descriptionJson).toBe(JSON.stringify({ en: 'Leader of North Korea' }));
    expect(e.nameKeys).toEqual(['kim jong un', 'kim']);
  });

  it('is the same whatever order the articles came in', () => {
    expect(entityFromSources(reversed(sources))).toEqual(entityFromSources(sources));
  });

  it('loses the names only a removed article gave, and keeps names another article also gives', () => {
    const { later: _, ...rest } = sources;
    const e = entityFromSources(rest)!;
    expect(JSON.parse(e.aliasesJson)).toEqual({ en: ['Kim Jong Un'] });
    expect(entityFromSources({})).toBeNull();
  });
});

describe('a relation stated by several articles', () => {
  const sources = {
    b: { rank: '2023-09-18|b', title: { en: 'Leader', id: 'Pemimpin' }, evidenceIds: ['b@5-9', 'b@0-4'] },
    a: { rank: '2023-09-17|a', title: { en: 'Leader', id: 'Pemimpin Korut' }, evidenceIds: ['a@1-2'] },
  };

  it('is one relationship with every article, their evidence (first source first) and the first wording', () => {
    const r = relationFromSources('leader', sources)!;
    expect(r.article).toBe('a');
    expect(r.articles).toEqual(['a', 'b']);
    expect(r.evidenceIds).toEqual(['a@1-2', 'b@5-9', 'b@0-4']);
    expect(JSON.parse(String(r.titleJson))).toEqual({ en: 'Leader', id: 'Pemimpin Korut' });
    expect(relationFromSources('leader', reversed(sources))).toEqual(r);
  });
});

const report = (id: string, rank: string, more: Partial<StoredReport> = {}): StoredReport => ({
  id,
  article: id.split('/')[0]!,
  rank,
  of: 'Event',
  kind: 'Visit',
  status: 'OCCURRED',
  sortDate: '2023-09-12',
  label: `label of ${id}`,
  ...more,
});

describe('a statement several articles report', () => {
  const reports = [
    report('tv/event:visit', '2023-09-17|tv|event:visit', { outlet: 'TV Contoh', startDate: '2023-09-11' }),
    report('daily/event:visit', '2023-09-12|daily|event:visit', {
      outlet: 'Harian',
      startDate: '2023-09-12',
    }),
    report('daily2/event:kunjungan', '2023-09-18|daily2|event:kunjungan', { outlet: 'Harian' }),
    report('seed/event:visit', '2023-09-17|seed|event:visit', { startDate: '2023-09-12' }),
  ];
  const s = deriveStatement({ id: 'seed/event:visit', reports, disputedBy: 0, places: {} });

  it('takes its key and wording from the earliest article', () => {
    expect(s.from).toBe('seed/event:visit');
    expect(s.props.id).toBe('daily/event:visit');
    expect(s.props).toMatchObject({ label: 'label of daily/event:visit', startDate: '2023-09-12' });
    expect(s.props.article).toBe('daily');
  });

  it('counts its sources, and its outlets with an unnamed one as its own', () => {
    expect(s.props).toMatchObject({ reportCount: 4, sourceCount: 4, outletCount: 3 });
    expect(s.props.articles).toEqual(['daily', 'daily2', 'seed', 'tv']);
  });

  it('is contested when two sources give days that cannot both be the start (Monday, Tuesday)', () => {
    expect(s.props).toMatchObject({ contested: true, denied: false });
    const agreeing = reports.filter((r) => r.article !== 'tv');
    expect(deriveStatement({ id: 'x', reports: agreeing, disputedBy: 0, places: {} }).props.contested).toBe(
      false,
    );
  });

  it('is denied when a claim disputes it or a report says it is untrue', () => {
    const one = [report('seed/event:visit', 'r')];
    expect(deriveStatement({ id: 'x', reports: one, disputedBy: 1, places: {} }).props).toMatchObject({
      denied: true,
      contested: true,
    });
    const denial = [...one, report('kremlin/claim:no', 's', { status: 'DENIED' })];
    expect(deriveStatement({ id: 'x', reports: denial, disputedBy: 0, places: {} }).props.denied).toBe(true);
  });

  it('is the same whatever order its reports came in', () => {
    expect(
      deriveStatement({ id: 'seed/event:visit', reports: [...reports].reverse(), disputedBy: 0, places: {} }),
    ).toEqual(s);
  });
});

describe('values sources give', () => {
  it('group by value with the reports that give it; a month and a day in it agree', () => {
    const values = propertyValues([
      { id: 'a/1', article: 'a', startDate: '2023-09' },
      { id: 'b/1', article: 'b', startDate: '2023-09-12' },
      { id: 'c/1', article: 'c', startDate: '2023-09-12' },
    ]);
    expect(values).toEqual([
      {
        property: 'date',
        disagree: false,
        values: [
          { value: { property: 'date', key: '2023-09', text: '2023-09' }, reports: ['a/1'] },
          { value: { property: 'date', key: '2023-09-12', text: '2023-09-12' }, reports: ['b/1', 'c/1'] },
        ],
      },
    ]);
  });

  it('agree on places when one lies in the other, and disagree otherwise', () => {
    const places = {
      'place:artyom-station': ['place:artyom', 'country:russia'],
      'place:vladivostok': ['country:russia'],
    };
    const at = (...ids: string[]) =>
      propertyValues(
        ids.map((locationId, i) => ({ id: `a${i}/1`, article: `a${i}`, locationId })),
        places,
      )[0]?.disagree;
    expect(at('place:artyom-station', 'place:artyom')).toBe(false);
    expect(at('place:artyom-station', 'place:vladivostok')).toBe(true);
  });
});

describe('the distances the sources of a relation give', () => {
  const km = (value: number, more: { approximate?: boolean; bound?: string } = {}) => ({
    value,
    unit: 'KM',
    ...more,
  });
  const disagree = (...distances: ReturnType<typeof km>[]) =>
    relationValues(distances.map((distance, i) => ({ article: `a${i}`, distance })))[0]?.disagree;

  it('group by value with the articles that give it, in the order given', () => {
    expect(
      relationValues([
        { article: 'digest', distance: km(200, { approximate: true }) },
        { article: 'seed', distance: km(200, { approximate: true }) },
        { article: 'harian', distance: km(250, { approximate: true }) },
        { article: 'kanal', distance: km(200, { bound: 'MORE_THAN' }) },
        { article: 'none' },
      ]),
    ).toEqual([
      {
        property: 'distance',
        values: [
          { key: 'ABOUT 200 KM', text: 'about 200 km', articles: ['digest', 'seed'] },
          { key: 'ABOUT 250 KM', text: 'about 250 km', articles: ['harian'] },
          { key: 'MORE_THAN 200 KM', text: 'more than 200 km', articles: ['kanal'] },
        ],
        disagree: true,
      },
    ]);
  });

  it('disagree when no distance lies in both: about is a tenth either way, a bound everything past it', () => {
    expect(disagree(km(200, { approximate: true }), km(250, { approximate: true }))).toBe(true);
    expect(disagree(km(200, { approximate: true }), km(220, { approximate: true }))).toBe(false);
    expect(disagree(km(200, { approximate: true }), km(220))).toBe(false);
    expect(disagree(km(200, { approximate: true }), km(221))).toBe(true);
    expect(disagree(km(200), km(201))).toBe(true);
    expect(disagree(km(200, { bound: 'MORE_THAN' }), km(250, { approximate: true }))).toBe(false);
    expect(disagree(km(200, { bound: 'MORE_THAN' }), km(200, { approximate: true }))).toBe(false);
    expect(disagree(km(200, { bound: 'MORE_THAN' }), km(200))).toBe(true);
    expect(disagree(km(200, { bound: 'AT_LEAST' }), km(200))).toBe(false);
    expect(disagree(km(200, { bound: 'AT_MOST' }), km(200, { bound: 'AT_LEAST' }))).toBe(false);
    expect(disagree(km(200, { bound: 'LESS_THAN' }), km(200, { bound: 'AT_LEAST' }))).toBe(true);
    expect(disagree(km(180, { bound: 'LESS_THAN' }), km(200, { approximate: true }))).toBe(true);
    expect(disagree(km(200), { value: 200_000, unit: 'M' })).toBe(false);
    expect(disagree(km(200), { value: 124, unit: 'MI', approximate: true })).toBe(false);
  });

  it('since when: dates that overlap at their precision agree', () => {
    const since = (...starts: string[]) =>
      relationValues(starts.map((start, i) => ({ article: `a${i}`, since: { start } })));
    expect(since('2011', '2011-12')[0]?.disagree).toBe(false);
    expect(since('2011-12', '2012')[0]?.disagree).toBe(true);
    expect(since('2011')[0]?.values).toEqual([{ key: '2011', text: '2011', articles: ['a0'] }]);
  });
});

describe('a plan run as one statement', () => {
  it('wraps each statement as a subquery and its parameters in one map, renamed apart', () => {
    const one = combine([
      { cypher: 'UNWIND $rows AS row CREATE (:A {id: row.id})', params: { rows: [{ id: 1 }] } },
      { cypher: 'MATCH (a:A {id: $props.id}) SET a += $props', params: { props: { id: 1 } } },
    ]);
    expect(one.cypher).toBe(
      'CALL () {\nUNWIND $p.s0_rows AS row CREATE (:A {id: row.id})\n}\n' +
        'CALL () {\nMATCH (a:A {id: $p.s1_props.id}) SET a += $p.s1_props\n}',
    );
    expect(one.params).toEqual({ p: { s0_rows: [{ id: 1 }], s1_props: { id: 1 } } });
    // Already in one map: left as it is.
    expect(oneMap(one)).toBe(one);
    expect(oneMap({ cypher: 'RETURN $a + $b', params: { a: 1, b: [] } })).toEqual({
      cypher: 'RETURN $p.a + $p.b',
      params: { p: { a: 1, b: [] } },
    });
  });
});
