// Evidence: one span of an article, the exact quote a fact comes from, and where it stands.

import type { EntityRow } from '../../db/queries/rows.js';
import { codePoints, sliceCodePoints } from '../../ingest/text.js';
import { builder } from '../builder.js';
import { edgeField, loadTyped } from '../edges.js';
import { between } from '../validation.js';
import { ArticleRef, ClaimRef, EntityRef, EventRef, EvidenceRef, isRowOf, ParagraphRef } from './refs.js';

const MAX_CONTEXT = 1000;

const QuoteInContext = builder
  .objectRef<{ before: string; quote: string; after: string }>('QuoteInContext')
  .implement({
    description: 'A quote with the text around it, for showing it as the reader would see it.',
    fields: (t) => ({
      before: t.exposeString('before', { description: 'The text just before the quote.' }),
      quote: t.exposeString('quote', { description: 'The quote itself.' }),
      after: t.exposeString('after', { description: 'The text just after the quote.' }),
    }),
  });

export const Mention = builder.objectRef<{ surface: string; entity: EntityRow }>('Mention').implement({
  description: 'An entity named in a span, with the words the article uses for it.',
  fields: (t) => ({
    surface: t.exposeString('surface', { description: 'The name as written ("Korea Utara").' }),
    entity: t.field({ type: EntityRef, description: 'The entity named.', resolve: (m) => m.entity }),
  }),
});

const mentions = edgeField('Evidence', 'mentions', 'evidenceMentions', { nodePaths: [['entity']] });
const claims = edgeField('Evidence', 'claims', 'evidenceClaims');
const events = edgeField('Evidence', 'events', 'evidenceEvents');
const paragraph = edgeField('Evidence', 'paragraph', 'evidenceParagraph');
const article = edgeField('Evidence', 'article', 'evidenceArticle');

builder.node(EvidenceRef, {
  description:
    'One span of an article: the exact quote and where it stands (W3C Web Annotation text quote and ' +
    'position selectors). Invariant: the article text sliced at [start, end) equals quote.',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => loadTyped(ctx, 'Evidence', 'Evidence', ids),
  isTypeOf: isRowOf('Evidence'),
  fields: (t) => ({
    quote: t.exposeString('quote', { description: 'The exact text of the span.' }),
    prefix: t.exposeString('prefix', { description: 'Up to 32 code points just before the quote.' }),
    suffix: t.exposeString('suffix', { description: 'Up to 32 code points just after the quote.' }),
    start: t.exposeInt('start', {
      description: 'Code-point offset of the first character in the article text.',
    }),
    end: t.exposeInt('end', {
      description: 'Code-point offset just past the last character (end exclusive).',
    }),
    inContext: t.field({
      type: QuoteInContext,
      description: 'The quote with `chars` code points of the article text on either side.',
      args: {
        chars: t.arg.int({
          defaultValue: 80,
          description: `How much context, 0 to ${MAX_CONTEXT}.`,
          validate: between(0, MAX_CONTEXT),
        }),
      },
      resolve: async (e, { chars }, ctx) => {
        const n = chars ?? 80;
        const text = await ctx.loaders.articleText.load(e.articleId);
        const points = codePoints(text ?? '');
        return {
          before: sliceCodePoints(points, Math.max(0, e.start - n), e.start),
          quote: sliceCodePoints(points, e.start, e.end),
          after: sliceCodePoints(points, e.end, Math.min(points.length, e.end + n)),
        };
      },
    }),
    paragraph: t.field({
      type: ParagraphRef,
      description: 'The paragraph the span starts in.',
      resolve: (e, _a, ctx, info) => paragraph.one(ctx, info, e, e.paragraphId),
    }),
    article: t.field({
      type: ArticleRef,
      description: 'The article the span is from.',
      resolve: (e, _a, ctx, info) => article.one(ctx, info, e, e.articleId),
    }),
    mentions: t.field({
      type: [Mention],
      description: 'The entities this span names.',
      resolve: async (e, _a, ctx, info) =>
        (await mentions.list(ctx, info, e, {})).map((m) => ({
          surface: m.props.surface,
          entity: m.node,
        })),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'The claims this span supports.',
      resolve: (e, _a, ctx, info) => claims.nodes(ctx, info, e, {}),
    }),
    events: t.field({
      type: [EventRef],
      description: 'The events this span reports.',
      resolve: (e, _a, ctx, info) => events.nodes(ctx, info, e, {}),
    }),
  }),
});
