// The comparison benchmark refuses to time systems whose answers differ: the check and the
// normalisation that makes three answer shapes comparable.
import { describe, expect, it } from 'vitest';
import { firstMismatch } from '../../bench/compare.js';
import { QUERIES } from '../../bench/queries.js';
import { runBenchScript, SCRIPT_STARTS } from '../bench-script.js';

const q2 = QUERIES.find((q) => q.name === 'Q2')!;

const ours = {
  entity: {
    claims: {
      edges: [
        {
          node: {
            key: 'a/claim:1',
            summary: 'S',
            status: 'ASSERTED',
            participants: [
              { role: 'SUBJECT', entity: { key: 'person:kim-jong-un' } },
              { role: 'COUNTERPART', entity: { key: 'country:russia' } },
            ],
          },
        },
      ],
    },
  },
};
const peer = {
  entities: [
    {
      claimsInTime: [
        {
          id: 'a/claim:1',
          summary: 'S',
          status: 'ASSERTED',
          participantsConnection: {
            edges: [
              { properties: { role: 'COUNTERPART' }, node: { id: 'country:russia' } },
              { properties: { role: 'SUBJECT' }, node: { id: 'person:kim-jong-un' } },
            ],
          },
        },
      ],
    },
  ],
};
const raw = [
  {
    key: 'a/claim:1',
    summary: 'S',
    status: 'ASSERTED',
    participants: [
      { role: 'SUBJECT', key: 'person:kim-jong-un' },
      { role: 'COUNTERPART', key: 'country:russia' },
    ],
  },
];

describe('answer check of the comparison benchmark', () => {
  it('finds three shapes of one answer equal', () => {
    const answers = {
      ours: q2.normalise.ours(ours),
      peer: q2.normalise.peer(peer),
      raw: q2.normalise.raw(raw),
    };
    expect(firstMismatch(q2, answers)).toBeUndefined();
  });

  it('names the question, the systems and the first difference when answers differ', () => {
    const other = structuredClone(raw);
    other[0]!.participants[1]!.role = 'SUPPORTER';
    const answers = {
      ours: q2.normalise.ours(ours),
      peer: q2.normalise.peer(peer),
      raw: q2.normalise.raw(other),
    };
    const message = firstMismatch(q2, answers);
    expect(message).toMatch(
      /^Q2 \(first 20 claims of person:kim-jong-un .*\): this service and raw Cypher give different answers/,
    );
    expect(message).toContain('COUNTERPART country:russia');
    expect(message).toContain('SUPPORTER country:russia');
  });

  it('has one entry per question name', () => {
    const names = QUERIES.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('npm run bench:compare options', () => {
  it.each([
    [['--settle', 'x'], '--settle must be a number ≥ 0 (got x)'],
    [['--warmup=-1'], '--warmup must be a number ≥ 0 (got -1)'],
  ])(
    'refuses %j before it starts anything, with the usage',
    async (args, message) => {
      const out = await runBenchScript('bench/compare.ts', args);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain(`error: ${message}`);
      expect(out.stderr).toContain('--settle S');
      expect(out.stderr).not.toContain('Neo4j ready');
    },
    SCRIPT_STARTS,
  );
});
