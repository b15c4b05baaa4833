// The comparison benchmark checks that the three systems give the same answer before it times
// them: each system's answer is brought to one shape, in which order that does not matter is gone.
import { describe, expect, it } from 'vitest';
import { QUERIES } from '../../bench/queries.js';

const q3 = QUERIES.find((q) => q.name === 'Q3');

describe('the claims-of-a-kind question (Q3)', () => {
  it('is the same answer whatever order two quotes at one offset come in', () => {
    if (!q3) throw new Error('no Q3 in QUERIES');
    // A statement two articles report: each quotes it, and both quotes start at 332.
    const quotes = [
      { quote: 'Kim Jong-un diduga memasok senjata kepada Russia', start: 332, end: 380 },
      { quote: 'Rusia diperkirakan memasok senjata kepada Kim Jong-un', start: 332, end: 385 },
      { quote: 'Pyongyang membantah', start: 12, end: 31 },
    ];
    const claim = (evidence: typeof quotes) => ({ key: 'a/claim:deal', summary: 'deal', evidence });
    const ours = q3.normalise.ours({ claims: { edges: [{ node: claim(quotes) }] } });
    const peer = q3.normalise.peer({ armsDeals: [{ ...claim([...quotes].reverse()), id: 'a/claim:deal' }] });
    const raw = q3.normalise.raw([claim([quotes[1], quotes[2], quotes[0]] as typeof quotes)]);
    expect(peer).toEqual(ours);
    expect(raw).toEqual(ours);
  });
});
