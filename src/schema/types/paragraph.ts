import { builder } from '../builder.js';
import { edgeField, loadTyped } from '../edges.js';
import { ArticleRef, EvidenceRef, isRowOf, ParagraphRef } from './refs.js';

const evidence = edgeField('Paragraph', 'evidence', 'paragraphEvidence', { connection: true });
const article = edgeField('Paragraph', 'article', 'paragraphArticle');

builder.node(ParagraphRef, {
  description: 'A paragraph of an article (a non-empty line of its text).',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => loadTyped(ctx, 'Paragraph', 'Paragraph', ids),
  isTypeOf: isRowOf('Paragraph'),
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in the article, from 0.' }),
    start: t.exposeInt('start', {
      description: 'Code-point offset of its first character in the article text.',
    }),
    end: t.exposeInt('end', { description: 'Code-point offset just past its last character.' }),
    text: t.exposeString('text', { description: 'The paragraph, verbatim.' }),
    article: t.field({
      type: ArticleRef,
      description: 'The article it belongs to.',
      resolve: (p, _a, ctx, info) => article.one(ctx, info, p, p.articleId),
    }),
    evidence: t.connection({
      type: EvidenceRef,
      description: 'The evidence spans that lie in this paragraph, in text order.',
      resolve: (p, args, ctx, info) => evidence.page(ctx, info, p, args),
    }),
  }),
});
