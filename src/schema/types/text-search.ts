// `searchAll`: everything a reader reads, found by its words, best first. Each hit says which
// text matched (a name, a claim's summary or wording, an event's label, a quote, a title), in
// which language, and where the words are in it; a quote hit is the quote, with its offsets.
import { escapeLucene } from '../../db/queries/graph.js';
import type { AnyRow } from '../../db/queries/rows.js';
import { countText, pageText, type SearchLabel } from '../../db/queries/search.js';
import { nameKey } from '../../ingest/text.js';
import { builder } from '../builder.js';
import { enumValues } from '../enums.js';
import { connectionFromQuery } from '../pagination.js';
import { MAX_QUERY_LENGTH, searchText } from '../validation.js';
import { parseMap } from './common.js';
import { EvidenceRef } from './refs.js';

/** What searchAll looks in, in the order the enum lists them. */
const TARGET_NAMES = ['ENTITY', 'CLAIM', 'EVENT', 'EVIDENCE', 'ARTICLE'] as const;
type Target = (typeof TARGET_NAMES)[number];

const TARGETS = {
  ENTITY: { label: 'Entity', description: 'Entities, by their names and aliases.' },
  CLAIM: { label: 'Claim', description: 'Claims, by their summary and their wording in the article.' },
  EVENT: { label: 'Event', description: 'Events, by their label and summary in every language.' },
  EVIDENCE: { label: 'Evidence', description: 'Quotes from the articles.' },
  ARTICLE: { label: 'Article', description: 'Articles, by their title.' },
} as const satisfies Record<Target, { label: SearchLabel; description: string }>;

const SearchTarget = builder.enumType('SearchTarget', {
  description: 'What `searchAll` looks in.',
  values: enumValues(TARGET_NAMES, (k) => TARGETS[k].description),
});

/**
 * The Lucene query for text as typed. Every word is escaped, so query syntax is searched for as
 * text: "Jong-un" is two words, not "Jong NOT un"; a stray quote or bracket is not a syntax error.
 * The exact phrase ranks first, then all the words, then all of them as prefixes ("walr").
 */
export function textQuery(input: string): string | null {
  const folded = nameKey(input).split(' ').filter(Boolean);
  if (folded.length === 0) return null;
  const words = input.split(/\s+/).filter(Boolean).map(escapeLucene);
  const phrase = `"${words.join(' ')}"^4`;
  const all = `(${words.join(' AND ')})^2`;
  // Prefix terms are not analysed: they are given folded, as the index holds them.
  const prefixes = `(${folded.map((w) => `${w}*`).join(' AND ')})`;
  return `${phrase} OR ${all} OR ${prefixes}`;
}

interface Span {
  start: number;
  end: number;
}
interface TextMatchShape {
  field: string;
  lang: string | null;
  text: string;
  highlights: Span[];
}

/** Where the query's words are in a text: spans of whole words, in code points. */
function highlights(text: string, tokens: string[]): Span[] {
  const spans: Span[] = [];
  const chars = Array.from(text);
  let word = '';
  let start = 0;
  const close = (end: number) => {
    const key = nameKey(word);
    if (key && tokens.some((t) => key.startsWith(t))) spans.push({ start, end });
    word = '';
  };
  chars.forEach((c, i) => {
    if (/[\p{L}\p{N}\p{M}]/u.test(c)) {
      if (word === '') start = i;
      word += c;
    } else if (word !== '') close(i);
  });
  if (word !== '') close(chars.length);
  return spans;
}

/** The texts of a row a reader sees, each with its field and language. */
function textsOf(row: AnyRow, lang: string | null): { field: string; lang: string | null; text: string }[] {
  const map = (json: string | null, field: string) =>
    Object.entries(parseMap(json)).map(([l, text]) => ({ field, lang: l, text }));
  switch (row.__type) {
    case 'Article':
      return row.title ? [{ field: 'title', lang: row.language, text: row.title }] : [];
    case 'Evidence':
      return [{ field: 'quote', lang, text: row.quote }];
    case 'Paragraph':
    case 'Report':
      return [];
    case 'Event':
      return [...map(row.labelJson, 'label'), ...map(row.summaryJson, 'summary')];
    case 'ArmsDeal':
    case 'UNResolution':
    case 'Statement':
    case 'Assessment':
      return [
        { field: 'summary', lang: 'en', text: row.summary },
        { field: 'wording', lang, text: row.wording },
      ];
    default:
      return [
        ...map(row.labelsJson, 'name'),
        ...Object.entries(parseMap<string[]>(row.aliasesJson)).flatMap(([l, names]) =>
          names.map((text) => ({ field: 'alias', lang: l, text })),
        ),
      ];
  }
}

/** The text of the row that holds most of the query's words (the first such, in reading order). */
function bestMatch(row: AnyRow, lang: string | null, tokens: string[]): TextMatchShape {
  let best: TextMatchShape | null = null;
  let bestWords = -1;
  for (const t of textsOf(row, lang)) {
    const spans = highlights(t.text, tokens);
    const keys = new Set(spans.map((s) => nameKey(Array.from(t.text).slice(s.start, s.end).join(''))));
    const words = tokens.filter((tok) => [...keys].some((k) => k.startsWith(tok))).length;
    if (words > bestWords) {
      best = { ...t, highlights: spans };
      bestWords = words;
    }
  }
  return best ?? { field: 'text', lang, text: '', highlights: [] };
}

export const TextSpan = builder.objectRef<Span>('TextSpan').implement({
  description: 'A span of a text, in code points from its start.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Where it starts (code points from 0).' }),
    end: t.exposeInt('end', { description: 'Where it ends (exclusive).' }),
  }),
});

const TextMatch = builder.objectRef<TextMatchShape>('TextMatch').implement({
  description: 'The text of a hit that the query matched, and where the words are in it.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'Which text: name, alias, summary, wording, label, quote or title.',
    }),
    lang: t.exposeString('lang', { nullable: true, description: 'Its language ("en", "id").' }),
    text: t.exposeString('text', { description: 'The whole text.' }),
    highlights: t.field({
      type: [TextSpan],
      description: 'The words of the text that match the query.',
      resolve: (m) => m.highlights,
    }),
  }),
});

builder.queryField('searchAll', (t) =>
  t.connection(
    {
      type: builder.nodeInterfaceRef(),
      description:
        'Finds whatever a reader reads: entity names and aliases, claim summaries and their wording in the ' +
        'article, event labels and summaries, quotes and article titles, in every language, best match ' +
        'first. Case and accents do not matter, the last words may be partial, and query syntax in the ' +
        'input is searched for as text. Each edge says what matched and where.',
      args: {
        query: t.arg.string({
          required: true,
          description: `The words to look for (at most ${MAX_QUERY_LENGTH} characters).`,
          validate: searchText,
        }),
        in: t.arg({
          type: [SearchTarget],
          required: false,
          description: 'Only these kinds of object; all when omitted.',
        }),
      },
      resolve: (_r, args, ctx) => {
        const lucene = textQuery(args.query);
        // searchText let through only a query with a letter or digit, which makes a Lucene query.
        if (!lucene) throw new Error('a validated search text made no Lucene query');
        const tokens = nameKey(args.query).split(' ').filter(Boolean);
        const labels = args.in?.length
          ? args.in.map((k) => TARGETS[k].label)
          : Object.values(TARGETS).map((v) => v.label);
        return connectionFromQuery(
          args,
          async () => (await ctx.db.read(countText(lucene, labels)))[0]?.total ?? 0,
          async (skip, limit) =>
            (await ctx.db.read(pageText(lucene, labels, skip, limit))).map((r) => ({
              node: r.node,
              score: r.score,
              matched: bestMatch(r.node, r.lang, tokens),
            })),
        );
      },
    },
    { name: 'SearchAllConnection', description: 'Whatever matches a search, best first.' },
    {
      name: 'SearchAllEdge',
      description: 'An object that matches, with how well, and what matched.',
      fields: (edge) => ({
        score: edge.float({
          description: 'Relevance (Lucene score): higher is better; the edges come in this order.',
          resolve: (x) => x.score,
        }),
        matched: edge.field({
          type: TextMatch,
          description: 'The text that matched, with the matching words.',
          resolve: (x) => x.matched,
        }),
        quote: edge.field({
          type: EvidenceRef,
          nullable: true,
          description:
            'When the hit is a quote: the quote, with its offsets in the article (`start`, `end`) and its paragraph.',
          resolve: (x) => (x.node.__type === 'Evidence' ? x.node : null),
        }),
      }),
    },
  ),
);
