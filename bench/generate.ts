// Synthetic article documents in the project's own format (src/ingest/document.ts), for measuring
// the service as the graph grows. Deterministic: article i of a seed is always the same document,
// built on its own, so any range can be streamed without holding the corpus. Entities come from one
// pool shared by every article (the seed's entities first, then generated ones), picked with
// Zipf-like popularity, so a few hubs (Russia, Kim Jong-un, North Korea, Putin…) gain huge degree.
// Every evidence offset is computed here, in code points, as the text is written.
//   node --import tsx bench/generate.ts --articles 1000 [--seed 1] [--out DIR]   (JSON Lines on stdout without --out)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleDocument, EntityDoc, EvidenceSpan } from '../src/ingest/document.js';
import {
  DAY_MS,
  FIRST_DAY,
  isoDay,
  PLACES,
  TextWriter,
  writeClaims,
  writeEvents,
  writeRelations,
} from './facts.js';
import { generatedEntity, type PoolEntity, seedEntities } from './pool.js';
import { pick, Random, ZipfSampler } from './random.js';

export { generatedEntity, type PoolEntity };

type EntityType = EntityDoc['type'];

export interface GeneratorOptions {
  /** Seeds every choice; the same seed gives the same corpus. */
  seed: number;
  /** Generated entities added after the seed's. */
  poolSize: number;
  /** Zipf exponent of entity popularity: weight of rank r is 1 / r^s. */
  zipf: number;
}

/**
 * The version of what the generator writes: a data folder's corpus records it, and one written by
 * another version is not added to. Version 2: a place lies in one place only (version 1 said a
 * place lay in whichever place the article also named).
 */
export const GENERATOR_VERSION = 2;

export const DEFAULT_OPTIONS: GeneratorOptions = { seed: 1, poolSize: 5_000, zipf: 1 };

export class CorpusGenerator {
  readonly options: GeneratorOptions;
  readonly pool: PoolEntity[];
  private readonly sampler: ZipfSampler;
  private readonly byId: ReadonlyMap<string, PoolEntity>;

  constructor(options: Partial<GeneratorOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.pool = [
      ...seedEntities(),
      ...Array.from({ length: this.options.poolSize }, (_, i) => generatedEntity(i)),
    ];
    this.sampler = new ZipfSampler(this.pool.length, this.options.zipf);
    this.byId = new Map(this.pool.map((e) => [e.id, e]));
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
    const chosen = this.pickEntities(rng, rng.int(5, 14));
    // Half the time an article says where a place it names lies, and names that place too.
    const located = chosen.find((e) => e.within !== undefined);
    const within = located?.within !== undefined && rng.chance(0.5) ? this.entity(located.within) : undefined;
    if (within && !chosen.includes(within)) chosen.push(within);
    const containment = located && within ? { location: located, within } : undefined;
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

    const relations = writeRelations(rng, chosen, w, name, containment);
    const events = writeEvents(rng, index, chosen, w, name, published);
    const claims = writeClaims(rng, index, chosen, events, w, name, published);

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

  private entity(id: string): PoolEntity {
    const found = this.byId.get(id);
    if (!found) throw new Error(`no entity ${id} in the pool`);
    return found;
  }

  private pickEntities(rng: Random, count: number): PoolEntity[] {
    const ranks = new Set<number>();
    for (let tries = 0; ranks.size < count && tries < count * 20; tries++)
      ranks.add(this.sampler.sample(rng));
    return [...ranks].map((r) => this.pool[r] as PoolEntity);
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
