// Seeded randomness for the corpus generator: the same seed always gives the same numbers, on any
// machine, so a corpus can be regenerated instead of stored.

/** mulberry32: small, fast, and good enough to spread synthetic data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Spread nearby seeds apart, so article i and i + 1 do not start from related states.
    let s = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ (seed >>> 13)) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0xc2b2ae35) >>> 0;
    this.state = s;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export const pick = <T>(rng: Random, items: readonly T[]): T => items[rng.int(0, items.length - 1)] as T;

/** Ranks 0..n-1 drawn with weight 1 / (rank + 1)^s: rank 0 is the most popular. */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(n: number, s: number) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / (r + 1) ** s;
      this.cumulative[r] = total;
    }
  }

  sample(rng: Random): number {
    const c = this.cumulative;
    const target = rng.next() * (c[c.length - 1] ?? 0);
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// No k or j: no generated word starts like "Kim" or "Jong", so searches for the seed's people
// find only the seed's names.
const CONSONANTS = 'bdfglmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));

/** A pronounceable word that encodes `n`: distinct numbers give distinct words. */
export function wordFor(n: number, minSyllables = 3): string {
  const parts: string[] = [];
  let rest = n;
  do {
    parts.unshift(SYLLABLES[rest % SYLLABLES.length] as string);
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  while (parts.length < minSyllables) parts.unshift(SYLLABLES[0] as string);
  const word = parts.join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}
