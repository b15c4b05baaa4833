import { builder } from '../builder.js';
import { followConnection, loadNode, loadTyped } from './common.js';
import {
  ArticleRef,
  type ArticleRow,
  EvidenceRef,
  type EvidenceRow,
  ParagraphRef,
  type ParagraphRow,
} from './refs.js';

builder.node(ParagraphRef, {
  description: 'A paragraph of an article (a non-empty line of its text).',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => loadTyped(ctx, 'Paragraph', 'Paragraph', ids) as Promise<ParagraphRow[]>,
  isTypeOf: (v) => (v as ParagraphRow).__type === 'Paragraph',
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
      resolve: async (p, _a, ctx) => (await loadNode(ctx, 'Article', p.articleId)) as ArticleRow,
    }),
    evidence: t.connection({
      type: EvidenceRef,
      description: 'The evidence spans that lie in this paragraph, in text order.',
      resolve: async (p, args, ctx) => followConnection<EvidenceRow>(ctx, 'paragraphEvidence', p.id, args),
    }),
  }),
});
