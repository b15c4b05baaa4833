// The facts of one generated article (relations, events, claims), written into its text as they
// are made, so each carries the exact span that states it.
import type { ClaimDoc, EventDoc, EvidenceSpan, RelationDoc } from '../src/ingest/document.js';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimStatus } from '../src/vocabulary.js';
import type { PoolEntity } from './pool.js';
import { pick, type Random } from './random.js';

type EntityType = PoolEntity['type'];

/** Writes the text and records spans of it, in code points. */
export class TextWriter {
  private readonly chunks: string[] = [];
  private at = 0;

  write(s: string): this {
    this.chunks.push(s);
    this.at += Array.from(s).length;
    return this;
  }

  /** Writes what `body` writes and returns it as a span. */
  span(body: () => void): EvidenceSpan {
    const from = this.chunks.length;
    const start = this.at;
    body();
    return { quote: this.chunks.slice(from).join(''), start, end: this.at };
  }

  get text(): string {
    return this.chunks.join('');
  }
}

const HEDGES: Record<ClaimStatus, string | undefined> = {
  ASSERTED: undefined,
  ALLEGED: 'diduga',
  EXPECTED: 'diperkirakan',
  DENIED: 'membantah',
  CONFIRMED: 'memastikan',
};
const EVENT_KINDS = ['Visit', 'Meeting', 'Summit', 'Ceremony', 'Exercise', 'Talks', 'Launch'];
const LINK_TYPES = ['CONDEMNS', 'CITES', 'SUPPORTS'] as const;
const SPEAKERS = new Set<EntityType>(['Person', 'Organization', 'Country', 'Group']);
export const PLACES = new Set<EntityType>(['Location', 'Country']);
export const DAY_MS = 86_400_000;
export const FIRST_DAY = Date.UTC(2019, 0, 1);

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function writeRelations(
  rng: Random,
  chosen: PoolEntity[],
  w: TextWriter,
  name: (e: PoolEntity) => void,
  containment?: { location: PoolEntity; within: PoolEntity },
): RelationDoc[] {
  const out: RelationDoc[] = [];
  const byType = (...types: EntityType[]) => chosen.filter((e) => types.includes(e.type));
  const person = byType('Person')[0];
  const office = byType('Organization', 'Country').find((e) => e !== person);
  if (person && office && rng.chance(0.7)) {
    const evidence = w.span(() => {
      w.write('Pejabat ');
      name(office);
      w.write(', ');
      name(person);
    });
    w.write(', memberikan keterangan. ');
    out.push({
      type: 'HOLDS_ROLE',
      from: person.id,
      to: office.id,
      title: { en: `Official of ${office.labels.en}`, id: `Pejabat ${office.labels.id}` },
      evidence: [evidence],
    });
  }
  const member = byType('Country', 'Organization')[0];
  const body = byType('Organization').find((e) => e !== member);
  if (member && body && rng.chance(0.5)) {
    const evidence = w.span(() => {
      name(member);
      w.write(' adalah anggota ');
      name(body);
    });
    w.write('. ');
    out.push({
      type: 'MEMBER_OF',
      from: member.id,
      to: body.id,
      role: { en: 'member', id: 'anggota' },
      evidence: [evidence],
    });
  }
  // Only where the place lies in the pool: random containments would make every place lie in
  // every other, which no map does.
  if (containment) {
    const { location, within } = containment;
    const evidence = w.span(() => {
      name(location);
      w.write(' terletak di ');
      name(within);
    });
    w.write('. ');
    out.push({ type: 'LOCATED_IN', from: location.id, to: within.id, evidence: [evidence] });
  }
  return out;
}

export function writeEvents(
  rng: Random,
  index: number,
  chosen: PoolEntity[],
  w: TextWriter,
  name: (e: PoolEntity) => void,
  published: number,
): EventDoc[] {
  const out: EventDoc[] = [];
  const places = chosen.filter((e) => PLACES.has(e.type));
  const actors = chosen.filter((e) => !PLACES.has(e.type) && e.type !== 'Item');
  const count = rng.int(1, 3);
  for (let j = 0; j < count; j++) {
    const kind = EVENT_KINDS[(index + j) % EVENT_KINDS.length] as string;
    const actor = actors[j % Math.max(1, actors.length)] ?? (chosen[0] as PoolEntity);
    const other = actors.find((e) => e !== actor);
    const location = places[j % Math.max(1, places.length)];
    const day = published - rng.int(0, 6) * DAY_MS;
    const precision = pick(rng, ['DAY', 'DAY', 'MONTH', 'YEAR'] as const);
    const start = precision === 'DAY' ? isoDay(day) : isoDay(day).slice(0, precision === 'MONTH' ? 7 : 4);
    w.write('\n');
    const evidence = w.span(() => {
      w.write(`${kind} `);
      name(actor);
      if (other) {
        w.write(' bersama ');
        name(other);
      }
      if (location) {
        w.write(' di ');
        name(location);
      }
      w.write(` berlangsung pada ${start}.`);
    });
    const reporter = chosen.find((e) => e.type === 'Organization' && e !== actor && e !== other);
    let reportedBy: EventDoc['reportedBy'] = [];
    if (reporter && rng.chance(0.4)) {
      w.write(' ');
      const cue = w.span(() => {
        w.write('lapor ');
        name(reporter);
      });
      w.write('.');
      reportedBy = [{ entity: reporter.id, cue: 'lapor', evidence: [cue] }];
    }
    out.push({
      id: `event:${j}`,
      kind,
      label: {
        en: `${kind} of ${actor.labels.en}${location ? ` in ${location.labels.en}` : ''}`,
        id: `${kind} ${actor.labels.id}${location ? ` di ${location.labels.id}` : ''}`,
      },
      status: j === 2 ? 'EXPECTED' : 'OCCURRED',
      time: { start, precision, original: start },
      ...(location ? { location: location.id } : {}),
      ...(j > 0 && rng.chance(0.5) ? { partOf: 'event:0' } : {}),
      participants: [
        { entity: actor.id, role: j === 0 ? 'VISITOR' : 'PARTICIPANT' },
        ...(other
          ? [{ entity: other.id, role: j === 0 ? ('HOST' as const) : ('PARTICIPANT' as const) }]
          : []),
      ],
      reportedBy,
      evidence: [evidence],
    });
  }
  return out;
}

export function writeClaims(
  rng: Random,
  index: number,
  chosen: PoolEntity[],
  events: EventDoc[],
  w: TextWriter,
  name: (e: PoolEntity) => void,
  published: number,
): ClaimDoc[] {
  const out: ClaimDoc[] = [];
  const actors = chosen.filter((e) => e.type !== 'Item');
  const items = chosen.filter((e) => e.type === 'Item');
  const speakers = chosen.filter((e) => SPEAKERS.has(e.type));
  const count = rng.int(5, 7);
  for (let j = 0; j < count; j++) {
    // Kinds and statuses rotate, so every kind and status appears, even in one article.
    const kind = CLAIM_KINDS.values[(index + j) % CLAIM_KINDS.values.length] as ClaimDoc['kind'];
    const status = CLAIM_STATUSES.values[
      (index * 3 + j) % CLAIM_STATUSES.values.length
    ] as ClaimDoc['status'];
    const hedge = HEDGES[status];
    const a = actors[(j + rng.int(0, 3)) % actors.length] ?? (chosen[0] as PoolEntity);
    const b = actors.find((e) => e !== a && rng.chance(0.6)) ?? actors.find((e) => e !== a);
    const item = items[j % Math.max(1, items.length)];
    const speaker = speakers.find((e) => e !== a && e !== b);
    const participants: ClaimDoc['participants'] = [];
    w.write(j === 0 ? '\n' : ' ');
    const evidence = w.span(() => {
      name(a);
      if (hedge) w.write(` ${hedge}`);
      switch (kind) {
        case 'ArmsDeal':
          w.write(' memasok senjata kepada ');
          participants.push({ entity: a.id, role: 'SUPPLIER' });
          break;
        case 'UNResolution':
          w.write(' melanggar resolusi Dewan Keamanan terkait ');
          participants.push({ entity: a.id, role: 'TARGET' });
          break;
        case 'Statement':
          w.write(' menyatakan dukungan kepada ');
          participants.push({ entity: a.id, role: 'SPEAKER' });
          break;
        default:
          w.write(' semakin dekat dengan ');
          participants.push({ entity: a.id, role: 'SUBJECT' });
      }
      if (b) {
        name(b);
        participants.push({
          entity: b.id,
          role: kind === 'ArmsDeal' ? 'RECIPIENT' : kind === 'Statement' ? 'SUPPORTER' : 'COUNTERPART',
        });
      } else {
        w.write('pihak lain');
      }
      if (item && kind === 'ArmsDeal') {
        w.write(' berupa ');
        name(item);
        participants.push({ entity: item.id, role: 'ITEM' });
      }
    });
    const attributedTo: ClaimDoc['attributedTo'] = [];
    if (speaker && rng.chance(0.6)) {
      w.write(', ');
      const cue = w.span(() => {
        w.write('kata ');
        name(speaker);
      });
      attributedTo.push({ entity: speaker.id, cue: 'kata', evidence: [cue] });
    }
    w.write('.');
    const dated = rng.chance(0.6);
    const day = isoDay(published - rng.int(0, 30) * DAY_MS);
    const previous = out[j - 1];
    out.push({
      id: `claim:${j}`,
      kind,
      summary: `${a.labels.en} and ${b ? b.labels.en : 'another party'}: ${kind} (${status.toLowerCase()})`,
      wording: evidence.quote,
      status,
      ...(hedge ? { hedge } : {}),
      ...(dated ? { time: { start: day, precision: 'DAY' as const, original: day } } : {}),
      participants,
      about: events.length > 0 && rng.chance(0.5) ? [(events[j % events.length] as EventDoc).id] : [],
      attributedTo,
      links:
        previous && rng.chance(0.4)
          ? [
              {
                type: LINK_TYPES[(index + j) % LINK_TYPES.length] as (typeof LINK_TYPES)[number],
                claim: previous.id,
              },
            ]
          : [],
      evidence: [evidence],
    });
  }
  return out;
}
