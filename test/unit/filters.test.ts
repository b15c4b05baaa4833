import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQuery } from '../../src/db/queries/graph.js';
import { dateRange } from '../../src/schema/types/filters.js';

describe('date ranges', () => {
  it('widen partial dates to whole days', () => {
    expect(dateRange('2023', '2023')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(dateRange('2023-09', '2024-02')).toEqual({ from: '2023-09-01', to: '2024-02-29' });
    expect(dateRange(null, '2023-09-17')).toEqual({ from: null, to: '2023-09-17' });
  });
});

describe('full-text queries', () => {
  it('escape Lucene syntax so it is searched for, not executed', () => {
    expect(escapeLucene('Kim AND (Putin) title:x~ "a" \\')).toBe(
      'Kim and \\(Putin\\) title\\:x\\~ \\"a\\" \\\\',
    );
  });

  it('rank the exact phrase first, then all words, then prefixes', () => {
    expect(luceneQuery(['korea', 'utara'])).toBe(
      '"korea utara"^4 OR (korea AND utara)^2 OR (korea* AND utara*)',
    );
  });
});
