// The relationships followed from the text: a quote to what it mentions and supports and to where
// it stands, a paragraph to its article and quotes, an article to what it reports.
import { BY_ID, ENTITY_NAME, PARAGRAPHS, TEXT, TIME } from './edge-orders.js';
import { edge, NONE } from './edge-spec.js';

export const EVIDENCE_EDGES = {
  evidenceMentions: edge<'Evidence', 'Entity', { surface: string }>()({
    from: 'Evidence',
    to: 'Entity',
    pattern: '-[r:MENTIONS]->',
    props: { surface: "coalesce(r.surface, '')" },
    grouped: false,
    order: BY_ID,
  }),
  evidenceClaims: edge<'Evidence', 'Claim'>()({
    from: 'Evidence',
    to: 'Claim',
    pattern: '<-[r:EVIDENCED_BY]-',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  evidenceEvents: edge<'Evidence', 'Event'>()({
    from: 'Evidence',
    to: 'Event',
    pattern: '<-[r:EVIDENCED_BY]-',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  evidenceParagraph: edge<'Evidence', 'Paragraph'>()({
    from: 'Evidence',
    to: 'Paragraph',
    pattern: '-[r:IN_PARAGRAPH]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  evidenceArticle: edge<'Evidence', 'Article'>()({
    from: 'Evidence',
    to: 'Article',
    pattern: '-[r:IN_ARTICLE]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
};

export const PARAGRAPH_EDGES = {
  paragraphArticle: edge<'Paragraph', 'Article'>()({
    from: 'Paragraph',
    to: 'Article',
    pattern: '-[r:IN_ARTICLE]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  paragraphEvidence: edge<'Paragraph', 'Evidence'>()({
    from: 'Paragraph',
    to: 'Evidence',
    pattern: '<-[r:IN_PARAGRAPH]-',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
};

export const ARTICLE_EDGES = {
  articleParagraphs: edge<'Article', 'Paragraph'>()({
    from: 'Article',
    to: 'Paragraph',
    pattern: '<-[r:IN_ARTICLE]-',
    props: NONE,
    grouped: true,
    order: PARAGRAPHS,
  }),
  articleEvents: edge<'Article', 'Event'>()({
    from: 'Article',
    to: 'Event',
    pattern: '<-[r:REPORTED_IN]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  articleClaims: edge<'Article', 'Claim'>()({
    from: 'Article',
    to: 'Claim',
    pattern: '<-[r:REPORTED_IN]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  articleEntities: edge<'Article', 'Entity'>()({
    from: 'Article',
    to: 'Entity',
    pattern: '<-[:IN_ARTICLE]-(:Evidence)-[r:MENTIONS]->',
    props: NONE,
    grouped: true,
    order: ENTITY_NAME,
  }),
};
