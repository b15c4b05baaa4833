import { countSearch, luceneQuery, pageSearch } from '../../db/queries/graph.js';
import type { EntityRow } from '../../db/queries/rows.js';
import { nameKey } from '../../ingest/text.js';
import { ENTITY_TYPES } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { EntityType } from '../enums.js';
import { connectionFromQuery } from '../pagination.js';
import { MAX_QUERY_LENGTH, searchText } from '../validation.js';
import { parseMap } from './common.js';
import { EntityRef } from './refs.js';

/** The entity's name that best covers the query's words, for showing why it matched. */
function matchedName(e: EntityRow, tokens: string[]): string {
  const names = [
    ...Object.values(parseMap(e.labelsJson)),
    ...Object.values(parseMap<string[]>(e.aliasesJson)).flat(),
  ];
  let best = e.label;
  let bestScore = -1;
  for (const name of names) {
    const words = nameKey(name).split(' ');
    const score = tokens.filter((t) => words.some((w) => w.startsWith(t))).length - words.length / 100;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

builder.queryField('search', (t) =>
  t.connection(
    {
      type: EntityRef,
      description:
        'Finds entities by any of their names or aliases, in any language, best match first. Case and accents ' +
        'do not matter, words may be partial ("kore utar"), and query syntax in the input is searched for as text.',
      args: {
        query: t.arg.string({
          required: true,
          description: `The words to look for (at most ${MAX_QUERY_LENGTH} characters).`,
          validate: searchText,
        }),
        types: t.arg({ type: [EntityType], required: false, description: 'Only these entity types.' }),
      },
      resolve: (_r, args, ctx) => {
        // searchText let through only a query with a letter or digit: there is a word.
        const tokens = nameKey(args.query).split(' ').filter(Boolean);
        const lucene = luceneQuery(tokens);
        const types = args.types?.length ? [...args.types] : [...ENTITY_TYPES.values];
        return connectionFromQuery(
          args,
          async () => (await ctx.db.read(countSearch(lucene, types)))[0]?.total ?? 0,
          async (skip, limit) =>
            (await ctx.db.read(pageSearch(lucene, tokens.join(' '), types, skip, limit))).map((r) => ({
              node: r.node,
              score: r.score,
              matchedName: matchedName(r.node, tokens),
            })),
        );
      },
    },
    { name: 'SearchConnection', description: 'Entities that match a search, best first.' },
    {
      name: 'SearchEdge',
      description: 'An entity that matches, with how well.',
      fields: (edge) => ({
        score: edge.float({
          description: 'Relevance (Lucene score): higher is better; comparable within one search only.',
          resolve: (x) => x.score,
        }),
        matchedName: edge.string({
          description: 'The name or alias of the entity that matched the query best.',
          resolve: (x) => x.matchedName,
        }),
      }),
    },
  ),
);
