// The entities the generated articles share: the seed's own first, in the order of their
// popularity (rank 1 the biggest hub), then generated ones whose names encode their index.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import type { ArticleDocument, EntityDoc } from '../src/ingest/document.js';
import { Random, wordFor } from './random.js';

type EntityType = EntityDoc['type'];

export interface PoolEntity {
  id: string;
  type: EntityType;
  labels: { en: string; id: string };
  /** Other names the text may use, in both languages. */
  alias?: string;
  /** The one place a location lies in, the same in every article that says where it lies. */
  within?: string;
}

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

export function seedEntities(): PoolEntity[] {
  const seed = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'seed', '000_c27a19544a1cdf98.json'), 'utf8'),
  ) as ArticleDocument;
  const within = new Map(
    seed.relations.filter((r) => r.type === 'LOCATED_IN').map((r) => [r.from, r.to] as const),
  );
  // The seed's own labels, so that linking by id adds no new names to the hubs.
  const all = seed.entities.map((e) => {
    const place = e.type === 'Location' ? within.get(e.id) : undefined;
    return {
      id: e.id,
      type: e.type,
      labels: { en: e.labels.en, id: e.labels.id },
      ...(place ? { within: place } : {}),
    };
  });
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

/** Where Country falls in TYPE_MIX: generated entity i is a country when i % TYPE_MIX.length is this. */
const COUNTRY_AT = TYPE_MIX.indexOf('Country');

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
        // In the country generated just before it: places lie in a forest, as they do on a map.
        ...(index > COUNTRY_AT
          ? { within: `country:gen-${index - ((index - COUNTRY_AT) % TYPE_MIX.length)}` }
          : {}),
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
