import { describe, expect, it } from 'vitest';
import { eventSortDates } from '../../src/ingest/rows.js';
import { codePoints, nameKey, sliceCodePoints, spanContext, splitParagraphs } from '../../src/ingest/text.js';
import { validateDocument } from '../../src/ingest/validate.js';

describe('code-point offsets', () => {
  it('count a character outside the BMP as one, as the document format says', () => {
    const text = 'Kim 🚂 tiba di Pyongyang';
    const points = codePoints(text);
    expect(sliceCodePoints(points, 6, 10)).toBe('tiba');
    expect(text.indexOf('tiba')).toBe(7); // UTF-16 would be off by one
  });

  it('are what the validator checks spans against', () => {
    const doc = {
      formatVersion: 1,
      article: { id: 'a1', language: 'id', publishedOn: '2023-09-17', text: 'Kim 🚂 tiba di Pyongyang' },
      entities: [
        {
          id: 'place:pyongyang',
          type: 'Location',
          labels: { en: 'Pyongyang', id: 'Pyongyang' },
          mentions: [{ quote: 'Pyongyang', start: 14, end: 23 }],
        },
      ],
    };
    expect(validateDocument(doc).ok).toBe(true);
    const shifted = { quote: 'Pyongyang', start: 15, end: 24 };
    const [place] = doc.entities;
    expect(validateDocument({ ...doc, entities: [{ ...place, mentions: [shifted] }] }).ok).toBe(false);
  });
});

describe('name keys', () => {
  it('ignore case, accents, punctuation and spacing', () => {
    expect(nameKey('  Korea   Utara ')).toBe('korea utara');
    expect(nameKey('KOREA-UTARA')).toBe('korea utara');
    expect(nameKey('Kim Jong-un')).toBe(nameKey('kim jong un'));
    expect(nameKey('Ukraïna')).toBe('ukraina');
  });
});

describe('paragraphs', () => {
  it('are the non-empty lines with offsets into the whole text', () => {
    const text = 'Satu.\n\nDua 🚂.\nTiga.';
    const ps = splitParagraphs(text);
    expect(ps.map((p) => p.text)).toEqual(['Satu.', 'Dua 🚂.', 'Tiga.']);
    for (const p of ps) expect(sliceCodePoints(codePoints(text), p.start, p.end)).toBe(p.text);
    expect(ps.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('give quotes their prefix and suffix', () => {
    const points = codePoints('abcdefghij');
    expect(spanContext(points, 4, 6, 3)).toEqual({ prefix: 'bcd', suffix: 'ghi' });
    expect(spanContext(points, 0, 2, 3)).toEqual({ prefix: '', suffix: 'cde' });
  });
});

describe('event sort dates', () => {
  const doc = (events: object[]) =>
    ({ article: { publishedOn: '2023-09-17' }, events }) as unknown as Parameters<typeof eventSortDates>[0];

  it('place a month-dated part of a larger event at the larger event’s start', () => {
    const dates = eventSortDates(
      doc([
        { id: 'visit', time: { start: '2023-09-12', precision: 'DAY' } },
        { id: 'meeting', partOf: 'visit', time: { start: '2023-09', precision: 'MONTH' } },
        { id: 'war', time: { start: '2022-02', precision: 'MONTH' } },
        { id: 'talk', partOf: 'visit' },
        { id: 'undated' },
      ]),
    );
    expect(Object.fromEntries(dates)).toEqual({
      visit: '2023-09-12',
      meeting: '2023-09-12',
      war: '2022-02-01',
      talk: '2023-09-12',
      undated: '2023-09-17',
    });
  });

  it('keep an event’s own date when the larger event lies outside its period', () => {
    const dates = eventSortDates(
      doc([
        { id: 'rule', time: { start: '2011', precision: 'YEAR' } },
        { id: 'part', partOf: 'rule', time: { start: '2010', precision: 'YEAR' } },
      ]),
    );
    expect(dates.get('part')).toBe('2010-01-01');
  });
});
