// Articles: the verbatim text and everything extracted from it. The root fields that return
// articles are here too.

import { EDGES } from '../../db/queries/edges.js';
import { ARTICLES_ORDER, articles } from '../../db/queries/lists.js';
import type { ArticleRow } from '../../db/queries/rows.js';
import { builder } from '../builder.js';
import { edgeField, loadTyped } from '../edges.js';
import { ClaimFacets, EntityFacets, EventFacets, facetsField } from '../facets.js';
import { rootConnection, rootNode } from '../lists.js';
import { Photo, RelatedArticle, type RelatedShape } from './article-links.js';
import { entityOrder, entityOrderArg, statementOrder, statementOrderArg } from './filters.js';
import { ArticleRef, ClaimRef, EntityRef, EventRef, isRowOf, ParagraphRef } from './refs.js';

const paragraphs = edgeField('Article', 'paragraphs', 'articleParagraphs', { connection: true });
const entities = edgeField('Article', 'entities', 'articleEntities', {
  connection: true,
  order: entityOrder(EDGES.articleEntities.order),
});
const events = edgeField('Article', 'events', 'articleEvents', { connection: true, order: statementOrder });
const claims = edgeField('Article', 'claims', 'articleClaims', { connection: true, order: statementOrder });

builder.node(ArticleRef, {
  description: 'A news article: its verbatim text and everything extracted from it.',
  id: { resolve: (a) => a.id },
  loadMany: (ids, ctx) => loadTyped(ctx, 'Article', 'Article', ids),
  isTypeOf: isRowOf('Article'),
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable id of the article.' }),
    language: t.exposeString('language', { description: 'Language of the text (BCP 47), e.g. "id".' }),
    title: t.exposeString('title', {
      nullable: true,
      description: 'The headline, where the source gives one.',
    }),
    outlet: t.exposeString('outlet', {
      nullable: true,
      description: 'The publisher, where the source names it; the source article names none.',
    }),
    publishedOn: t.exposeString('publishedOn', { description: 'Publication date, YYYY-MM-DD.' }),
    dateline: t.exposeString('dateline', { nullable: true, description: 'The place line ("Moskow").' }),
    text: t.string({
      description: 'The full text, verbatim; evidence offsets index into it.',
      // Read only when asked for: it is the largest value of the article.
      resolve: async (a, _args, ctx) => (await ctx.loaders.articleText.load(a.id)) ?? '',
    }),
    photo: t.field({
      type: Photo,
      nullable: true,
      description: 'The photo caption and credit.',
      resolve: (a) =>
        a.photoCaption || a.photoCredit
          ? {
              articleId: a.id,
              caption: a.photoCaption,
              credit: a.photoCredit,
              captionEvidence: a.photoCaptionEvidence,
            }
          : null,
    }),
    related: t.field({
      type: [RelatedArticle],
      description: 'Related-article links.',
      // Written by ingestion from the document's validated `related` list.
      resolve: (a) =>
        (JSON.parse(a.relatedJson) as Omit<RelatedShape, 'articleId'>[]).map((r) => ({
          ...r,
          articleId: a.id,
        })),
    }),
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 of the ingested document.' }),
    ingestedAt: t.exposeString('ingestedAt', { description: 'When this version was written.' }),
    paragraphs: t.connection({
      type: ParagraphRef,
      description: 'The paragraphs, in order.',
      resolve: (a, args, ctx, info) => paragraphs.page(ctx, info, a, args),
    }),
    entities: t.connection(
      {
        type: EntityRef,
        description: 'Every entity the article mentions, by type and name or as `orderBy` says.',
        args: {
          ...entityOrderArg(t.arg),
        },
        resolve: (a, args, ctx, info) => entities.page(ctx, info, a, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(EntityFacets)) }) },
    ),
    events: t.connection(
      {
        type: EventRef,
        description: 'The events the article reports, in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
        },
        resolve: (a, args, ctx, info) => events.page(ctx, info, a, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(EventFacets)) }) },
    ),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'The claims the article reports, in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
        },
        resolve: (a, args, ctx, info) => claims.page(ctx, info, a, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(ClaimFacets)) }) },
    ),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    description: 'An article by its stable key.',
    args: { key: t.arg.string({ required: true, description: 'The article key, e.g. "c27a19544a1cdf98".' }) },
    resolve: (_r, { key }, ctx, info) => rootNode(ctx, info, 'Article', key),
  }),
  articles: t.connection({
    type: ArticleRef,
    description: 'All articles, newest first.',
    resolve: (_r, args, ctx, info) => rootConnection<ArticleRow>(ctx, info, articles, ARTICLES_ORDER, args),
  }),
}));
