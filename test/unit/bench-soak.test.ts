// The soak's verdict on memory: growth after the warm-up, told apart from a level that settles.
import { describe, expect, it } from 'vitest';
import { growth } from '../../bench/soak.js';

const samples = (f: (t: number) => number) =>
  Array.from({ length: 121 }, (_, i) => ({ seconds: i * 5, nodeRssMiB: f(i * 5), javaRssMiB: 500 }));

describe('soak memory verdict', () => {
  it('sees no growth when memory climbs during the warm-up and then stays level', () => {
    const g = growth(
      samples((t) => (t < 60 ? 100 + t * 2 : 220 + (t % 10))),
      60,
      (s) => s.nodeRssMiB,
    );
    expect(g?.grew).toBe(false);
    expect(Math.abs(g?.trendMiBPerMinute ?? 99)).toBeLessThan(1);
  });

  it('reports growth that goes on after the warm-up, with its trend per minute', () => {
    const g = growth(
      samples((t) => 200 + t / 6),
      60,
      (s) => s.nodeRssMiB,
    );
    expect(g?.grew).toBe(true);
    expect(g?.trendMiBPerMinute).toBeCloseTo(10, 5);
  });

  it('says nothing from too few samples', () => {
    expect(growth(samples(() => 1).slice(0, 14), 60, (s) => s.nodeRssMiB)).toBeUndefined();
  });
});
