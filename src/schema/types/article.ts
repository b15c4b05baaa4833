import { countArticles, pageArticles } from '../../db/queries/lists.js';
import { builder } from '../builder.js';
import { connectionFromQuery } from '../pagination.js';
import { followConnection, loadNode, loadTyped } from './common.js';
import {
  ArticleRef,
  type ArticleRow,
  ClaimRef,
  type ClaimRow,
  EntityRef,
  type EntityRow,
  EventRef,
  type EventRow,
  EvidenceRef,
  type EvidenceRow,
  ParagraphRef,
  type ParagraphRow,
} from './refs.js';

const Photo = builder
  .objectRef<{ caption: string | null; credit: string | null; captionEvidence: string | null }>('Photo')
  .implement({
    description: 'The photo the article shows.',
    fields: (t) => ({
      caption: t.exposeString('caption', { nullable: true, description: 'The caption, verbatim.' }),
      credit: t.exposeString('credit', { nullable: true, description: 'Who the photo is credited to.' }),
      captionEvidence: t.field({
        type: EvidenceRef,
        nullable: true,
        description: 'The caption as a span of the article text.',
        resolve: (p, _a, ctx) => loadNode(ctx, 'Evidence', p.captionEvidence) as Promise<EvidenceRow | null>,
      }),
    }),
  });

const RelatedArticle = builder.objectRef<{ title: string; url?: string }>('RelatedArticle').implement({
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

builder.node(ArticleRef, {
  description: 'A news article: its verbatim text and everything extracted from it.',
  id: { resolve: (a) => a.id },
  loadMany: (ids, ctx) => loadTyped(ctx, 'Article', 'Article', ids) as Promise<ArticleRow[]>,
  isTypeOf: (v) => (v as ArticleRow).__type === 'Article',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable id of the article.' }),
    language: t.exposeString('language', { description: 'Language of the text (BCP 47), e.g. "id".' }),
    title: t.exposeString('title', {
      nullable: true,
      description: 'The headline, where the source gives one.',
    }),
    publishedOn: t.exposeString('publishedOn', { description: 'Publication date, YYYY-MM-DD.' }),
    dateline: t.exposeString('dateline', { nullable: true, description: 'The place line ("Moskow").' }),
    text: t.exposeString('text', { description: 'The full text, verbatim; evidence offsets index into it.' }),
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
      resolve: (a) => JSON.parse(a.relatedJson ?? '[]'),
    }),
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 of the ingested document.' }),
    ingestedAt: t.exposeString('ingestedAt', { description: 'When this version was written.' }),
    paragraphs: t.connection({
      type: ParagraphRef,
      description: 'The paragraphs, in order.',
      resolve: async (a, args, ctx) => followConnection<ParagraphRow>(ctx, 'articleParagraphs', a.id, args),
    }),
    entities: t.connection({
      type: EntityRef,
      description: 'Every entity the article mentions.',
      resolve: async (a, args, ctx) => followConnection<EntityRow>(ctx, 'articleEntities', a.id, args),
    }),
    events: t.connection({
      type: EventRef,
      description: 'The events the article reports, in time order.',
      resolve: async (a, args, ctx) => followConnection<EventRow>(ctx, 'articleEvents', a.id, args),
    }),
    claims: t.connection({
      type: ClaimRef,
      description: 'The claims the article reports, in time order.',
      resolve: async (a, args, ctx) => followConnection<ClaimRow>(ctx, 'articleClaims', a.id, args),
    }),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    description: 'An article by its stable key.',
    args: { key: t.arg.string({ required: true, description: 'The article key, e.g. "c27a19544a1cdf98".' }) },
    resolve: (_r, { key }, ctx) => loadNode(ctx, 'Article', key) as Promise<ArticleRow | null>,
  }),
  articles: t.connection({
    type: ArticleRef,
    description: 'All articles, newest first.',
    resolve: (_r, args, ctx) =>
      connectionFromQuery(
        args,
        () => ctx.db.readCount(countArticles()),
        async (skip, limit) =>
          (await ctx.db.readNodes(pageArticles(skip, limit))).map((node) => ({ node: node as ArticleRow })),
      ),
  }),
}));
