// What an article shows beside its story, linked to the graph: the photo's credit and the
// related-article links ("Baca juga"). Both stand in the article's text; their span is found there,
// and the entities the article's mentions name inside it are who the credit or the title names.

import type { Context } from '../../context.js';
import { codePoints } from '../../ingest/text.js';
import type { EntityType } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { loadNode } from '../edges.js';
import { EntityRef, EvidenceRef } from './refs.js';
import { TextSpan } from './text-search.js';

export interface PhotoShape {
  articleId: string;
  caption: string | null;
  credit: string | null;
  captionEvidence: string | null;
}

export interface RelatedShape {
  articleId: string;
  title: string;
  url?: string;
}

/** Where `shown` stands in the article's text (the first time), in code points; null if it does not. */
async function spanInText(ctx: Context, articleId: string, shown: string | null) {
  if (!shown) return null;
  const text = (await ctx.loaders.articleText.load(articleId)) ?? '';
  const at = text.indexOf(shown);
  if (at < 0) return null;
  const start = codePoints(text.slice(0, at)).length;
  return { start, end: start + codePoints(shown).length };
}

async function namedWithin(
  ctx: Context,
  articleId: string,
  shown: string | null,
  types: readonly EntityType[] = [],
) {
  const span = await spanInText(ctx, articleId, shown);
  if (!span) return [];
  return ctx.loaders.namedWithin.load({ articleId, ...span, types });
}

/** A photo is credited to people and organizations; a place inside a name ("Primorsky Krai") is not. */
const CREDITED: readonly EntityType[] = ['Person', 'Organization'];

export const Photo = builder.objectRef<PhotoShape>('Photo').implement({
  description: 'The photo the article shows.',
  fields: (t) => ({
    caption: t.exposeString('caption', { nullable: true, description: 'The caption, verbatim.' }),
    credit: t.exposeString('credit', { nullable: true, description: 'Who the photo is credited to.' }),
    creditSpan: t.field({
      type: TextSpan,
      nullable: true,
      description: 'Where the credit stands in the article text; null when the text does not show it.',
      resolve: (p, _a, ctx) => spanInText(ctx, p.articleId, p.credit),
    }),
    creditedTo: t.field({
      type: [EntityRef],
      description:
        'The people and organizations the credit names (the agency, the photographer), as the article mentions them there.',
      resolve: (p, _a, ctx) => namedWithin(ctx, p.articleId, p.credit, CREDITED),
    }),
    captionEvidence: t.field({
      type: EvidenceRef,
      nullable: true,
      description: 'The caption as a span of the article text.',
      resolve: (p, _a, ctx) => loadNode(ctx, 'Evidence', p.captionEvidence),
    }),
  }),
});

export const RelatedArticle = builder.objectRef<RelatedShape>('RelatedArticle').implement({
  description: 'A link to another article, as the article shows it ("Baca juga").',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The title shown.' }),
    url: t.string({
      nullable: true,
      description: 'Where it points, when the source gives it.',
      resolve: (r) => r.url ?? null,
    }),
    titleSpan: t.field({
      type: TextSpan,
      nullable: true,
      description: 'Where the title stands in the article text; null when the text does not show it.',
      resolve: (r, _a, ctx) => spanInText(ctx, r.articleId, r.title),
    }),
    names: t.field({
      type: [EntityRef],
      description: 'The entities the title names, as the article mentions them there.',
      resolve: (r, _a, ctx) => namedWithin(ctx, r.articleId, r.title),
    }),
  }),
});
