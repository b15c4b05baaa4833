// Synthetic article documents in the project's own format (src/ingest/document.ts), for measuring
// the service as the graph grows. Deterministic: article i of a seed is always the same document,
// built on its own, so any range can be streamed without holding the corpus. Entities come from one
// pool shared by every article (the seed's entities first, then generated ones), picked with
// Zipf-like popularity, so a few hubs (Russia, Kim Jong-un, North Korea, Putin…) gain huge degree.
// Every evidence offset is computed here, in code points, as the text is written.
//   node --import tsx bench/generate.ts --articles 1000 [--seed 1] [--out DIR]   (JSON Lines on stdout without --out)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';
import type {
  ArticleDocument,
  ClaimDoc,
  EntityDoc,
  EventDoc,
  EvidenceSpan,
  RelationDoc,
} from '../src/ingest/document.js';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimStatus } from '../src/vocabulary.js';
import { pick, Random, wordFor, ZipfSampler } from './random.js';

type EntityType = EntityDoc['type'];

export interface PoolEntity {
  id: string;
  type: EntityType;
  labels: { en: string; id: string };
  /** Other names the text may use, in both languages. */
  alias?: string;
}

export interface GeneratorOptions {
  /** Seeds every choice; the same seed gives the same corpus. */
  seed: number;
  /** Generated entities added after the seed's. */
  poolSize: number;
  /** Zipf exponent of entity popularity: weight of rank r is 1 / r^s. */
  zipf: number;
}

export const DEFAULT_OPTIONS: GeneratorOptions = { seed: 1, poolSize: 5_000, zipf: 1 };

/** The seed's entities in the order of their popularity in the corpus: rank 1 is the biggest hub. */
const HUBS = [
  'country:russia',
  'person:kim-jong-un',
  'country:north-korea',
  'person:vladimir-putin',
  'country:united-states',
  'country:ukraine',
  'country:south-korea',
  'person:yoon-suk-yeol',
  'org:un-security-council',
  'org:united-nations',
];

function seedEntities(): PoolEntity[] {
  const seed = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'seed', '000_c27a19544a1cdf98.json'), 'utf8'),
  ) as ArticleDocument;
  // The seed's own labels, so that linking by id adds no new names to the hubs.
  const all = seed.entities.map((e) => ({
    id: e.id,
    type: e.type,
    labels: { en: e.labels.en, id: e.labels.id },
  }));
  const rank = (id: string) => (HUBS.includes(id) ? HUBS.indexOf(id) : HUBS.length);
  return all.sort((a, b) => rank(a.id) - rank(b.id));
}

const TYPE_MIX: EntityType[] = [
  'Person',
  'Person',
  'Person',
  'Person',
  'Organization',
  'Organization',
  'Location',
  'Location',
  'Group',
  'Item',
  'Country',
];

/** A generated entity; its name encodes its index, so no two share a name. */
export function generatedEntity(index: number): PoolEntity {
  const type = TYPE_MIX[index % TYPE_MIX.length] as EntityType;
  const word = wordFor(index);
  const rng = new Random(index * 7919 + 17);
  const first = wordFor(rng.int(0, 400), 2);
  switch (type) {
    case 'Person':
      return {
        id: `person:gen-${index}`,
        type,
        labels: { en: `${first} ${word}`, id: `${first} ${word}` },
        alias: word,
      };
    case 'Organization':
      return { id: `org:gen-${index}`, type, labels: { en: `${word} Institute`, id: `Institut ${word}` } };
    case 'Location':
      return {
        id: `place:gen-${index}`,
        type,
        labels: { en: `${word} City`, id: `Kota ${word}` },
        alias: word,
      };
    case 'Group':
      return { id: `group:gen-${index}`, type, labels: { en: `${word} observers`, id: `Pengamat ${word}` } };
    case 'Item':
      return { id: `item:gen-${index}`, type, labels: { en: `${word} rockets`, id: `Roket ${word}` } };
    default:
      return {
        id: `country:gen-${index}`,
        type,
        labels: { en: `Republic of ${word}`, id: `Republik ${word}` },
      };
  }
}

/** Writes the text and records spans of it, in code points. */
class TextWriter {
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
const LINK_TYPES = ['CONTRADICTS', 'CITES', 'SUPPORTS'] as const;
const SPEAKERS = new Set<EntityType>(['Person', 'Organization', 'Country', 'Group']);
const PLACES = new Set<EntityType>(['Location', 'Country']);
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2019, 0, 1);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class CorpusGenerator {
  readonly options: GeneratorOptions;
  readonly pool: PoolEntity[];
  private readonly sampler: ZipfSampler;

  constructor(options: Partial<GeneratorOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.pool = [
      ...seedEntities(),
      ...Array.from({ length: this.options.poolSize }, (_, i) => generatedEntity(i)),
    ];
    this.sampler = new ZipfSampler(this.pool.length, this.options.zipf);
  }

  articleId(index: number): string {
    return `bench-${this.options.seed}-${index}`;
  }

  /** Documents `from` to `from + count - 1`, one at a time. */
  *articles(count: number, from = 0): Generator<ArticleDocument> {
    for (let i = from; i < from + count; i++) yield this.article(i);
  }

  /** Article `index` of this seed, built from nothing but the seed and the index. */
  article(index: number): ArticleDocument {
    const rng = new Random(this.options.seed * 1_000_003 + index);
    const chosen = this.pickEntities(rng, rng.int(5, 15));
    const w = new TextWriter();
    const mentions = new Map<string, EvidenceSpan[]>(chosen.map((e) => [e.id, []]));
    const name = (e: PoolEntity) => {
      const forms = [e.labels.id, e.labels.en, ...(e.alias ? [e.alias] : [])];
      const form = pick(rng, forms);
      mentions.get(e.id)?.push(w.span(() => w.write(form)));
    };
    const of = (types: Set<EntityType>, not?: PoolEntity) =>
      chosen.filter((e) => types.has(e.type) && e !== not);

    const published = FIRST_DAY + rng.int(0, 5 * 365) * DAY_MS;
    const publishedOn = isoDay(published);
    const place = of(PLACES)[0];
    const dateline = place ? place.labels.id : 'Jakarta';

    // An optional photo caption opens the text, as in the seed.
    let caption: EvidenceSpan | undefined;
    const [lead, second = lead] = chosen as [PoolEntity, PoolEntity | undefined];
    if (rng.chance(0.3)) {
      caption = w.span(() => {
        w.write('Foto: ');
        name(lead);
        w.write(` saat tiba di ${dateline}, ${publishedOn}.`);
      });
      w.write('\n');
    }
    w.write(`${dateline}: `);

    const relations = this.relations(rng, chosen, w, name);
    const events = this.events(rng, index, chosen, w, name, published);
    const claims = this.claims(rng, index, chosen, events, w, name, published);

    // Whatever the facts above did not name is named here, so every entity has a mention.
    const unnamed = chosen.filter((e) => (mentions.get(e.id) ?? []).length === 0);
    if (unnamed.length > 0) {
      w.write('\nTurut disebut dalam laporan ini: ');
      unnamed.forEach((e, i) => {
        if (i > 0) w.write(i === unnamed.length - 1 ? ' dan ' : ', ');
        name(e);
      });
      w.write('.');
    }
    // An astral character now and then, so offsets must count code points, not UTF-16 units.
    if (rng.chance(0.2)) w.write(' 🇷🇺🇰🇵');

    const entities: EntityDoc[] = chosen.map((e) => ({
      id: e.id,
      type: e.type,
      labels: { ...e.labels },
      ...(e.alias ? { aliases: { en: [e.alias], id: [e.alias] } } : {}),
      mentions: mentions.get(e.id) ?? [],
    }));
    return {
      formatVersion: 1,
      article: {
        id: this.articleId(index),
        language: 'id',
        title: `${lead.labels.id} dan ${second.labels.id}: laporan ${index}`,
        publishedOn,
        dateline,
        ...(caption ? { photo: { caption, credit: 'Kantor berita via AP' } } : {}),
        related: rng.chance(0.5)
          ? [{ title: `Berita terkait ${index}`, url: `https://example.com/berita/${index}` }]
          : [],
        text: w.text,
      },
      entities,
      relations,
      events,
      claims,
    };
  }

  private pickEntities(rng: Random, count: number): PoolEntity[] {
    const ranks = new Set<number>();
    for (let tries = 0; ranks.size < count && tries < count * 20; tries++)
      ranks.add(this.sampler.sample(rng));
    return [...ranks].map((r) => this.pool[r] as PoolEntity);
  }

  private relations(
    rng: Random,
    chosen: PoolEntity[],
    w: TextWriter,
    name: (e: PoolEntity) => void,
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
    const location = byType('Location')[0];
    const within = byType('Location', 'Country').find((e) => e !== location);
    if (location && within && rng.chance(0.5)) {
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

  private events(
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

  private claims(
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
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1' },
      from: { type: 'string', default: '0' },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
      pool: { type: 'string', default: String(DEFAULT_OPTIONS.poolSize) },
      out: { type: 'string' },
    },
  });
  const count = Number(values.articles);
  const from = Number(values.from);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles must be a whole number ≥ 1 (got ${values.articles})`);
  const generator = new CorpusGenerator({ seed: Number(values.seed), poolSize: Number(values.pool) });
  if (values.out) mkdirSync(values.out, { recursive: true });
  for (const doc of generator.articles(count, from)) {
    const json = JSON.stringify(doc);
    if (values.out) writeFileSync(path.join(values.out, `${doc.article.id}.json`), `${json}\n`);
    else process.stdout.write(`${json}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
