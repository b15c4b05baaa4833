// Whether a new report is the same as a statement already in the graph, without a database: the
// score and its parts, the threshold, and the choice of merges (one statement per report, one
// report per article and statement, a report that is the same as two statements joins them).
import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  jaccard,
  MERGE_THRESHOLD,
  type NewReport,
  placeFactor,
  propose,
  score,
  scoreCandidate,
  timeFactor,
} from '../../src/ingest/sameness.js';

const PLACES = {
  'place:artyom-station': ['place:artyom', 'country:russia'],
  'place:artyom': ['country:russia'],
};

describe('the score of a report against another', () => {
  it('overlaps participants by Jaccard: shared over all named', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard([], [])).toBe(0);
  });

  it('compares times at their precision: a day within a month agrees, two days do not', () => {
    expect(
      timeFactor({ entities: [], startDate: '2023-09' }, { entities: [], startDate: '2023-09-13' }),
    ).toBe(1);
    expect(
      timeFactor({ entities: [], startDate: '2023-09-12' }, { entities: [], startDate: '2023-09-13' }),
    ).toBe(0);
    expect(
      timeFactor(
        { entities: [], startDate: '2023-09-11', endDate: '2023-09-17' },
        { entities: [], startDate: '2023-09-12', endDate: '2023-09-17' },
      ),
    ).toBe(1);
    expect(timeFactor({ entities: [], startDate: '2023-09-12' }, { entities: [] })).toBe(0.5);
    expect(timeFactor({ entities: [] }, { entities: [] })).toBeNull();
  });

  it('takes a place within another as the same place', () => {
    const at = (a: string | null, b: string | null) =>
      placeFactor({ entities: [], locationId: a }, { entities: [], locationId: b }, PLACES);
    expect(at('place:artyom-station', 'place:artyom')).toBe(1);
    expect(at('place:artyom', 'place:artyom-station')).toBe(1);
    expect(at('place:artyom', 'place:vladivostok')).toBe(0);
    expect(at('place:artyom', null)).toBe(0.5);
    expect(at(null, null)).toBeNull();
  });

  it('weighs participants 0.6, time 0.25, place 0.15, leaving out what neither side gives', () => {
    const departure = { entities: ['kim', 'train', 'station', 'russia', 'pyongyang', 'nk', 'march'] };
    const report = { entities: ['kim', 'train', 'station', 'russia', 'march'] };
    const dated = { startDate: '2023-09-17', locationId: 'place:artyom-station' };
    expect(score({ ...report, ...dated }, { ...departure, ...dated }, PLACES)).toEqual({
      score: 0.829,
      shared: 5,
      participants: 0.714,
      time: 1,
      place: 1,
    });
    // Claims rarely carry a time or a place: then the participants alone decide.
    expect(score({ entities: ['a', 'b', 'c'] }, { entities: ['a', 'b', 'c', 'd'] }).score).toBe(0.75);
  });

  it('is zero when the times cannot overlap, however alike the participants', () => {
    const a = { entities: ['kim', 'putin'], startDate: '2023-09-13' };
    expect(score(a, { ...a, startDate: '2024-06-19' }).score).toBe(0);
  });
});

const report = (id: string, entities: string[], more: Partial<NewReport> = {}): NewReport => ({
  id,
  of: 'Event',
  kind: 'Ceremony',
  entities,
  startDate: '2023-09-17',
  ...more,
});
const candidate = (statement: string, reports: { article: string; entities: string[] }[]): Candidate => ({
  statement,
  of: 'Event',
  kind: 'Ceremony',
  reports: reports.map((r) => ({ ...r, startDate: '2023-09-17' })),
});

describe('proposing merges', () => {
  const seed = candidate('seed/ceremony', [
    { article: 'seed', entities: ['kim', 'kozlov', 'kozhemyako', 'band'] },
  ]);

  it('merges at the threshold and reports the rest with their scores and why', () => {
    const { proposals } = propose(
      'new',
      [
        report('new/ceremony', ['kim', 'kozlov', 'kozhemyako', 'band']),
        report('new/other', ['kim', 'x', 'y']),
      ],
      [seed],
      {},
    );
    expect(proposals.map((p) => [p.report, p.statement, p.merged, p.reason])).toEqual([
      ['new/ceremony', 'seed/ceremony', true, null],
      ['new/other', 'seed/ceremony', false, `score below ${MERGE_THRESHOLD}`],
    ]);
  });

  it('never merges on fewer than two participants in common', () => {
    const one = candidate('seed/trip', [{ article: 'seed', entities: ['kim'] }]);
    const [p] = propose('new', [report('new/trip', ['kim'])], [one], {}).proposals;
    expect(p).toMatchObject({ score: 1, merged: false, reason: 'fewer than 2 participants in common' });
  });

  it('ignores candidates of another kind or label', () => {
    const meeting = { ...seed, kind: 'Meeting' };
    const claim = { ...seed, of: 'Claim' as const };
    expect(propose('new', [report('new/c', ['kim', 'kozlov'])], [meeting, claim], {}).proposals).toEqual([]);
  });

  it('gives a statement at most one report of an article, the better one', () => {
    const { proposals } = propose(
      'new',
      [
        report('new/a', ['kim', 'kozlov', 'kozhemyako']),
        report('new/b', ['kim', 'kozlov', 'kozhemyako', 'band']),
      ],
      [seed],
      {},
    );
    expect(proposals.filter((p) => p.merged).map((p) => p.report)).toEqual(['new/b']);
    expect(proposals.find((p) => p.report === 'new/a')?.reason).toBe(
      'another report of this article joined the statement',
    );
  });

  it('joins two statements when a report is the same as both, unless one article would report it twice', () => {
    const tv = candidate('tv/send-off', [
      { article: 'tv', entities: ['kim', 'kozlov', 'matsegora', 'kozhemyako', 'band'] },
    ]);
    const digest = report('digest/ceremony', ['kim', 'kozlov', 'kozhemyako', 'band']);
    expect(propose('digest', [digest], [seed, tv], {}).absorbed).toEqual([
      { statement: 'tv/send-off', into: 'seed/ceremony', of: 'Event', report: 'digest/ceremony' },
    ]);
    const seedToo = candidate('seed/send-off', [
      { article: 'seed', entities: ['kim', 'kozlov', 'kozhemyako'] },
    ]);
    expect(propose('digest', [digest], [seed, seedToo], {}).absorbed).toEqual([]);
  });

  it('does not join two statements when a split keeps one of them apart', () => {
    const tv = candidate('tv/send-off', [
      { article: 'tv', entities: ['kim', 'kozlov', 'matsegora', 'kozhemyako', 'band'] },
    ]);
    const digest = report('digest/ceremony', ['kim', 'kozlov', 'kozhemyako', 'band']);
    for (const [a, b] of [
      [{ ...tv, apart: true }, seed],
      [tv, { ...seed, apart: true }],
    ] as const) {
      const { proposals, absorbed } = propose('digest', [digest], [a, b], {});
      expect(absorbed).toEqual([]);
      expect(proposals.filter((p) => p.merged)).toHaveLength(1);
      expect(proposals.find((p) => !p.merged)?.reason).toBe(
        'a split keeps this statement apart from the one the report joined',
      );
    }
  });

  it('does not depend on the order the candidates were read in', () => {
    const tv = candidate('tv/send-off', [
      { article: 'tv', entities: ['kim', 'kozlov', 'kozhemyako', 'band'] },
    ]);
    const r = [report('digest/ceremony', ['kim', 'kozlov', 'kozhemyako', 'band'])];
    expect(propose('digest', r, [tv, seed], {})).toEqual(propose('digest', r, [seed, tv], {}));
  });

  it('skips a statement that already has a report of the article', () => {
    const [p] = propose(
      'seed',
      [report('seed/again', ['kim', 'kozlov', 'kozhemyako', 'band'])],
      [seed],
      {},
    ).proposals;
    expect(p).toMatchObject({ merged: false, reason: 'the statement already has a report of this article' });
  });
});

describe('scoreCandidate', () => {
  it('picks the same report of a candidate whatever order its reports were read in', () => {
    const report: NewReport = { id: 'n/event:x', of: 'Event', kind: 'Meeting', entities: ['a', 'b', 'c'] };
    // Both score 0.5 (participants only): two of four names, three of six.
    const two = { article: 'p', entities: ['a', 'b', 'x'] };
    const three = { article: 'q', entities: ['a', 'b', 'c', 'x', 'y', 'z'] };
    const of = (reports: Candidate['reports']): Candidate => ({
      statement: 's/event:y',
      of: 'Event',
      kind: 'Meeting',
      reports,
    });
    const forward = scoreCandidate(report, of([two, three]), {});
    expect(scoreCandidate(report, of([three, two]), {})).toEqual(forward);
    expect(forward).toMatchObject({ score: 0.5, shared: 3 });
  });
});
