// The neighbourhood statement repeats one level per hop, so its depth is bounded where it is built.
import { describe, expect, it } from 'vitest';
import { neighborhood } from '../../src/db/queries/graph.js';

describe('the neighbourhood statement', () => {
  it('has one level per hop, 1 to 3, and refuses any other depth', () => {
    const levels = (depth: number) => neighborhood('person:x', depth, 50).cypher.split('AS room').length - 1;
    expect([1, 2, 3].map(levels)).toEqual([1, 2, 3]);
    for (const depth of [0, 4, 1.5, 1_000_000])
      expect(() => neighborhood('person:x', depth, 50), String(depth)).toThrow('depth must be 1 to 3');
  });
});
