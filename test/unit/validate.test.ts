// The article document: the seed is valid and exact, and broken documents are rejected with the
// path of every problem.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { codePoints, sliceCodePoints } from '../../src/ingest/text.js';
import { validateDocument } from '../../src/ingest/validate.js';
import { spans } from '../spans.js';

const seed = async () => JSON.parse(await readFile('seed/000_c27a19544a1cdf98.json', 'utf8'));

describe('the seed document', () => {
  it('carries the source article verbatim', async () => {
    const doc = await seed();
    const source = await readFile('seed/000_c27a19544a1cdf98.txt', 'utf8');
    expect(doc.article.text).toBe(source);
  });

  it('is valid', async () => {
    const v = validateDocument(await seed());
    expect(v.ok ? [] : v.problems).toEqual([]);
  });

  it('has every evidence quote equal to the text at its offsets', async () => {
    const doc = await seed();
    const points = codePoints(doc.article.text);
    const all = spans(doc);
    expect(all.length).toBeGreaterThan(100);
    for (const s of all) expect(sliceCodePoints(points, s.start, s.end)).toBe(s.quote);
  });

  it('states every fact in its quotes: each non-curated fact has evidence that matches the text, curated ones none', async () => {
    const doc = await seed();
    const points = codePoints(doc.article.text);
    const facts: {
      what: string;
      curated?: boolean;
      evidence?: { quote: string; start: number; end: number }[];
    }[] = [
      ...doc.relations.map((r: any) => ({ ...r, what: `${r.from} ${r.type} ${r.to}` })),
      ...doc.events.map((e: any) => ({ ...e, what: e.id })),
      ...doc.claims.map((c: any) => ({ ...c, what: c.id })),
      ...[...doc.events, ...doc.claims].flatMap((x: any) =>
        [...(x.reportedBy ?? []), ...(x.attributedTo ?? [])].map((a: any) => ({
          ...a,
          what: `${x.id} by ${a.entity}`,
        })),
      ),
    ];
    const curated = facts.filter((f) => f.curated).map((f) => f.what);
    expect(curated).toEqual([
      'place:artyom LOCATED_IN place:primorye',
      'place:primorye LOCATED_IN country:russia',
      'org:government-of-primorsky-krai LOCATED_IN place:primorye',
      'place:russky-island LOCATED_IN country:russia',
    ]);
    for (const f of facts) {
      if (f.curated) expect(f.evidence ?? [], f.what).toEqual([]);
      else expect((f.evidence ?? []).length, f.what).toBeGreaterThan(0);
      for (const s of f.evidence ?? []) expect(sliceCodePoints(points, s.start, s.end), f.what).toBe(s.quote);
    }
  });

  it('states how a statement was made where the text says so, in the words of its quotes', async () => {
    const doc = await seed();
    const manners = [...doc.events, ...doc.claims].flatMap((x: any) => [
      ...[...(x.reportedBy ?? []), ...(x.attributedTo ?? [])]
        .filter((a: any) => a.manner)
        .map((a: any) => {
          expect(a.evidence.some((s: any) => s.quote.includes(a.manner.wording))).toBe(true);
          return `${x.id} by ${a.entity}: ${a.manner.kind} «${a.manner.wording}»`;
        }),
      ...x.participants
        .filter((p: any) => p.manner)
        .map((p: any) => {
          expect(x.evidence.some((s: any) => s.quote.includes(p.manner.wording))).toBe(true);
          return `${x.id}, ${p.role} ${p.entity}: ${p.manner.kind} «${p.manner.wording}»`;
        }),
    ]);
    const distances = doc.relations
      .filter((r: any) => r.distance)
      .map((r: any) => {
        expect(r.evidence.some((s: any) => s.quote.includes(r.distance.wording))).toBe(true);
        return `${r.from} ${r.type} ${r.to}: ${r.distance.approximate ? '~' : ''}${r.distance.value} ${r.distance.unit} from ${r.distance.measuredFrom.en}`;
      });
    expect(distances).toEqual(['place:artyom DISTANCE_FROM country:north-korea: ~200 KM from the border']);
    expect(manners).toEqual([
      'event:talk-with-residents by group:russian-state-media: RECORDED «merilis video»',
      'event:talk-with-residents, SPEAKER person:kim-jong-un: THROUGH_INTERPRETER «melalui penerjemah»',
      'claim:yoon-cooperation-illegal by person:yoon-suk-yeol: WRITTEN «dalam tanggapan tertulisnya»',
    ]);
  });

  it('names no publisher and no URL the text does not give', async () => {
    const text = JSON.stringify(await seed());
    expect(text).not.toMatch(/https?:\/\//);
    expect((await seed()).article.title).toBeUndefined();
  });
});

describe('a broken document', () => {
  it('reports a wrong offset with the span, the expected and the found text', async () => {
    const doc = await seed();
    doc.claims[0].evidence[0].start += 1;
    const v = validateDocument(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]?.path).toBe('$.claims[0].evidence[0]');
    expect(v.problems[0]?.message).toMatch(/does not match its quote: expected ".+", found ".+"/);
    expect(v.problems[0]?.message).toMatch(/the quote stands at \[\d+, \d+\)/);
  });

  it('reports every problem at once, each with its path', async () => {
    const doc = await seed();
    doc.claims[1].kind = 'Rumour';
    delete doc.entities[2].labels;
    doc.events[0].evidence[0].end = 999_999;
    doc.claims[2].participants.push({ entity: 'person:nobody', role: 'SUBJECT' });
    const v = validateDocument(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const paths = v.problems.map((p) => p.path);
    expect(paths).toContain('$.claims[1].kind');
    expect(paths).toContain('$.entities[2].labels');
    expect(paths).toContain('$.events[0].evidence[0]');
    expect(v.problems.find((p) => p.path === '$.claims[1].kind')?.message).toMatch(/ArmsDeal/);
    expect(v.problems.find((p) => p.path === '$.events[0].evidence[0]')?.message).toMatch(
      /outside the article text/,
    );
  });

  it('rejects the retired CONTRADICTS link, saying which two types replace it', async () => {
    const doc = await seed();
    const i = doc.claims.findIndex((c: any) => c.id === 'claim:yoon-cooperation-illegal');
    doc.claims[i].links[0].type = 'CONTRADICTS';
    doc.claims[i].links[1].type = 'MAYBE';
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems[0]).toEqual({
      path: `$.claims[${i}].links[0].type`,
      message:
        'CONTRADICTS is no longer a link type: use DISPUTES when the claim denies that the other is true, CONDEMNS when it holds what the other describes to be wrong or unlawful',
    });
    // Any other wrong value keeps the usual message, listing the types.
    expect(v.problems[1]?.path).toBe(`$.claims[${i}].links[1].type`);
    expect(v.problems[1]?.message).toMatch(/DISPUTES.*CONDEMNS.*CITES.*SUPPORTS/);
  });

  it('refuses evidence on a curated fact, a fact without evidence that is not curated, and a stray note', async () => {
    const doc = await seed();
    const curated = doc.relations.findIndex((r: any) => r.curated);
    const stated = doc.relations.findIndex((r: any) => !r.curated);
    doc.relations[curated].evidence = [doc.relations[stated].evidence[0]];
    doc.relations[stated].evidence = [];
    doc.relations[stated].note = 'from memory';
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems).toEqual([
      {
        path: `$.relations[${stated}].evidence`,
        message:
          'needs at least one span of the article that states it; a fact from outside the text is marked "curated": true',
      },
      {
        path: `$.relations[${stated}].note`,
        message: 'a note explains a curated fact: set "curated": true',
      },
      {
        path: `$.relations[${curated}].evidence`,
        message:
          'a curated fact comes from outside the text and carries no evidence from it: remove the evidence, or drop curated',
      },
    ]);
  });

  it('reports references to entities, events and claims that do not exist', async () => {
    const doc = await seed();
    doc.claims[2].participants.push({ entity: 'person:nobody', role: 'SUBJECT' });
    doc.claims[2].links.push({ type: 'CITES', claim: 'claim:missing' });
    doc.events[1].partOf = 'event:missing';
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems).toEqual(
      expect.arrayContaining([
        {
          path: `$.claims[2].participants[${doc.claims[2].participants.length - 1}].entity`,
          message: expect.stringMatching(/unknown entity "person:nobody"/),
        },
        {
          path: `$.claims[2].links[${doc.claims[2].links.length - 1}].claim`,
          message: 'unknown claim "claim:missing"',
        },
        { path: '$.events[1].partOf', message: 'unknown event "event:missing"' },
      ]),
    );
  });

  it('rejects duplicate ids and a speaker that cannot speak', async () => {
    const doc = await seed();
    doc.entities.push({ ...doc.entities[0] });
    const item = doc.entities.find((e: { type: string }) => e.type === 'Item');
    doc.claims[0].attributedTo = [{ entity: item.id, cue: 'kata' }];
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        `duplicate id "${doc.entities[0].id}"`,
        expect.stringMatching(/is a Item; expected one of Person, Organization, Country, Group/),
      ]),
    );
  });

  it('rejects a manner of an unknown kind, and one whose words are in none of the quotes', async () => {
    const doc = await seed();
    const yoon = doc.claims.findIndex((c: { id: string }) => c.id === 'claim:yoon-cooperation-illegal');
    doc.claims[yoon].attributedTo[0].manner.wording = 'melalui telepon';
    doc.events[0].reportedBy = [
      { entity: 'org:ria', cue: 'lapor', manner: { kind: 'WHISPERED', wording: 'lapor' } },
    ];
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems).toEqual(
      expect.arrayContaining([
        { path: '$.events[0].reportedBy[0].manner.kind', message: expect.stringMatching(/WRITTEN/) },
      ]),
    );
    const fixed = await seed();
    fixed.claims[yoon].attributedTo[0].manner.wording = 'melalui telepon';
    const w = validateDocument(fixed);
    if (w.ok) throw new Error('expected problems');
    expect(w.problems).toEqual([
      {
        path: `$.claims[${yoon}].attributedTo[0].manner.wording`,
        message: expect.stringMatching(
          /"melalui telepon" stands in none of the attribution's evidence quotes/,
        ),
      },
    ]);
  });

  it('rejects a distance on another relation, DISTANCE_FROM without one, and a figure none of its quotes state', async () => {
    const doc = await seed();
    const at = doc.relations.findIndex((r: { type: string }) => r.type === 'DISTANCE_FROM');
    const other = doc.relations.findIndex((r: { type: string }) => r.type === 'HOLDS_ROLE');
    doc.relations[other].distance = doc.relations[at].distance;
    doc.relations[at].distance.wording = 'sekitar 300 kilometer';
    doc.relations[at].distance.unit = 'LEAGUES';
    doc.relations.push({ ...doc.relations[at], distance: undefined });
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems).toEqual(
      expect.arrayContaining([
        { path: `$.relations[${at}].distance.unit`, message: expect.stringMatching(/KM/) },
      ]),
    );
    const fixed = await seed();
    fixed.relations[other].distance = fixed.relations[at].distance;
    fixed.relations.push({ ...fixed.relations[at], distance: undefined });
    fixed.relations.push({
      ...fixed.relations[at],
      distance: { ...fixed.relations[at].distance, wording: 'sekitar 300 kilometer' },
    });
    const w = validateDocument(fixed);
    if (w.ok) throw new Error('expected problems');
    const n = fixed.relations.length;
    expect(w.problems).toEqual([
      {
        path: `$.relations[${other}].distance`,
        message: 'only DISTANCE_FROM has a distance, not HOLDS_ROLE',
      },
      {
        path: `$.relations[${n - 2}].distance`,
        message: 'DISTANCE_FROM needs the distance: how far, from what',
      },
      {
        path: `$.relations[${n - 1}].distance.wording`,
        message: expect.stringMatching(
          /"sekitar 300 kilometer" stands in none of the relation's evidence quotes/,
        ),
      },
    ]);
  });

  it('accepts a distance given as a bound, and rejects an unknown bound or a bound that is also approximate', async () => {
    const doc = await seed();
    const at = doc.relations.findIndex((r: { type: string }) => r.type === 'DISTANCE_FROM');
    const withDistance = (more: Record<string, unknown>) => {
      const d = structuredClone(doc);
      d.relations[at].distance = { ...d.relations[at].distance, approximate: undefined, ...more };
      return validateDocument(d);
    };
    const problems = (v: ReturnType<typeof validateDocument>) => (v.ok ? [] : v.problems);
    for (const bound of ['AT_LEAST', 'MORE_THAN', 'AT_MOST', 'LESS_THAN'])
      expect(problems(withDistance({ bound }))).toEqual([]);
    const path = `$.relations[${at}].distance.bound`;
    expect(problems(withDistance({ bound: 'ABOUT' }))).toEqual([
      {
        path,
        message:
          '"ABOUT" is not a bound: a hedged figure ("sekitar", "about") is said with "approximate": true',
      },
    ]);
    expect(problems(withDistance({ bound: 'more than' }))).toEqual([
      {
        path,
        message: '"more than" is not a bound: expected one of AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN',
      },
    ]);
    expect(problems(withDistance({ bound: 'AT_LEAST', approximate: true }))).toEqual([
      {
        path,
        message:
          'a bound (AT_LEAST) and "approximate": true together: give the bound when the text sets a limit ("lebih dari"), approximate when it hedges the figure ("sekitar")',
      },
    ]);
  });

  it("rejects a participant's manner of an unknown kind, and one whose words are in none of its event's or claim's quotes", async () => {
    const doc = await seed();
    const talk = doc.events.findIndex((e: { id: string }) => e.id === 'event:talk-with-residents');
    doc.events[talk].participants[0].manner.kind = 'WHISPERED';
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected problems');
    expect(v.problems).toEqual([
      {
        path: `$.events[${talk}].participants[0].manner.kind`,
        message: expect.stringMatching(/THROUGH_INTERPRETER/),
      },
    ]);

    const elsewhere = await seed();
    // Words of the article, but of another sentence: a participant's manner is stated by its own statement's quotes.
    elsewhere.events[talk].participants[0].manner.wording = 'dalam tanggapan tertulisnya';
    const yoon = elsewhere.claims.findIndex((c: { id: string }) => c.id === 'claim:yoon-cooperation-illegal');
    elsewhere.claims[yoon].participants[0].manner = { kind: 'SPOKEN', wording: 'melalui penerjemah' };
    const w = validateDocument(elsewhere);
    if (w.ok) throw new Error('expected problems');
    expect(w.problems).toEqual([
      {
        path: `$.events[${talk}].participants[0].manner.wording`,
        message:
          'the manner "dalam tanggapan tertulisnya" stands in none of the event\'s evidence quotes: quote the words that state it',
      },
      {
        path: `$.claims[${yoon}].participants[0].manner.wording`,
        message:
          'the manner "melalui penerjemah" stands in none of the claim\'s evidence quotes: quote the words that state it',
      },
    ]);
  });

  it('is not a document at all', () => {
    const v = validateDocument([1, 2]);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]?.path).toBe('$');
  });
});

describe('sameness in a document', () => {
  const problemsOf = (doc: unknown) => {
    const v = validateDocument(doc);
    return v.ok ? [] : v.problems;
  };

  it('accepts sameAs, distinct and links to claims of other articles by key', async () => {
    const doc = await seed();
    doc.events[0].sameAs = 'fixture-other/event:visit';
    doc.events[1].distinct = true;
    doc.claims[0].links = [{ type: 'SUPPORTS', claim: 'fixture-other/claim:deal' }];
    expect(problemsOf(doc)).toEqual([]);
  });

  it('rejects a malformed key', async () => {
    const doc = await seed();
    doc.events[0].sameAs = 'event:visit';
    expect(problemsOf(doc)).toEqual([
      {
        path: '$.events[0].sameAs',
        message: '"<article>/<id>", the key of an event or claim of another article',
      },
    ]);
  });

  it('rejects a key of the same article, and sameAs with distinct', async () => {
    const doc = await seed();
    doc.events[1].sameAs = `${doc.article.id}/event:kim-visit-russia`;
    doc.claims[0].sameAs = 'fixture-other/claim:deal';
    doc.claims[0].distinct = true;
    expect(problemsOf(doc)).toEqual([
      {
        path: '$.events[1].sameAs',
        message: `"${doc.article.id}/event:kim-visit-russia" is a key of this article: an article reports one event or claim once`,
      },
      { path: '$.claims[0].distinct', message: 'sameAs and distinct: true contradict each other; give one' },
    ]);
  });
});
