// Articles: the verbatim text and everything extracted from it. The root fields that return
// articles are here too.

import { EDGES } from '../../db/queries/edges.js';
import { ARTICLES_ORDER, articles } from '../../db/queries/lists.js';
import type { ArticleRow } from '../../db/queries/rows.js';
import { builder } from '../builder.js';
import { edgeField, loadNode, loadTyped } from '../edges.js';
import { EntityOrder, StatementOrder } from '../enums.js';
import { ClaimFacets, EntityFacets, EventFacets, facetsField } from '../facets.js';
import { rootConnection, rootNode } from '../lists.js';
import { entityOrder, statementOrder } from './filters.js';
import { ArticleRef, ClaimRef, EntityRef, EventRef, EvidenceRef, isRowOf, ParagraphRef } from './refs.js';

interface PhotoShape {
  caption: string | null;
  credit: string | null;
  captionEvidence: string | null;
}

const Photo = builder.objectRef<PhotoShape>('Photo').implement({
  description: 'The photo the article shows.',
  fields: (t) => ({
    caption: t.exposeString('caption', { nullable: true, description: 'The caption, verbatim.' }),
    credit: t.exposeString('credit', { nullable: true, description: 'Who the photo is credited to.' }),
    captionEvidence: t.field({
      type: EvidenceRef,
      nullable: true,
      description: 'The caption as a span of the article text.',
      resolve: (p, _a, ctx) => loadNode(ctx, 'Evidence', p.captionEvidence),
    }),
  }),
});

interface RelatedShape {
  title: string;
  url?: string;
}

const RelatedArticle = builder.objectRef<RelatedShape>('RelatedArticle').implement({
  description: 'A link to another article, as the article shows it ("Baca juga").',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The title shown.' }),
    url: t.string({
      nullable: true,
      description: 'Where it points, when the source gives it.',
      resolve: (r) => r.url ?? null,
    }),
  }),
});

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
          ? { caption: a.photoCaption, credit: a.photoCredit, captionEvidence: a.photoCaptionEvidence }
          : null,
    }),
    related: t.field({
      type: [RelatedArticle],
      description: 'Related-article links.',
      // Written by ingestion from the document's validated `related` list.
      resolve: (a) => JSON.parse(a.relatedJson) as RelatedShape[],
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
          orderBy: t.arg({ type: EntityOrder, defaultValue: 'TYPE_NAME', description: 'How to sort them.' }),
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
          orderBy: t.arg({ type: StatementOrder, defaultValue: 'TIME', description: 'How to sort them.' }),
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
          orderBy: t.arg({ type: StatementOrder, defaultValue: 'TIME', description: 'How to sort them.' }),
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
