// Who disputes a claim, across articles: reports of the same claim that call it untrue (the
// Kremlin's "no agreement was signed", a DENIED report of the alleged deal) and claims that dispute
// it by a link, each with who says so, the quote and its article.
import type { ClaimRow, ReportRow } from '../../db/queries/rows.js';
import type { ClaimLinkType } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField, loadExisting } from '../edges.js';
import { Attribution, attributions } from './attribution.js';
import { ArticleRef, ClaimRef, EvidenceRef } from './refs.js';
import { claimReports, ReportRef, reportEvidence, reportSources } from './report.js';

/** The link by which one claim disputes another (denies it is true). */
export const DISPUTING: ClaimLinkType = 'DISPUTES';

type DisputeShape = { via: 'DENIAL'; report: ReportRow } | { via: 'LINK'; claim: ClaimRow };

const disputing = edgeField('Claim', 'denials', 'claimLinks', {
  filter: () => ({ direction: 'INCOMING', relationTypes: [DISPUTING] }),
  nodePaths: [['claim']],
});
const claimSources = edgeField('Dispute', 'claimSources', 'claimAttributions');
const claimEvidence = edgeField('Dispute', 'claimEvidence', 'claimEvidence');

const DisputeVia = builder.enumType('DisputeVia', {
  description: 'How a claim is disputed.',
  values: {
    DENIAL: {
      value: 'DENIAL',
      description: 'A report of the same claim, in another article, says it is untrue.',
    },
    LINK: { value: 'LINK', description: `Another claim disputes it (${DISPUTING}).` },
  },
});

const Dispute = builder.objectRef<DisputeShape>('Dispute').implement({
  description: 'Someone saying a claim is not true: who, the quote, and the article.',
  fields: (t) => ({
    via: t.field({
      type: DisputeVia,
      description: 'A denying report or a disputing claim.',
      resolve: (d) => d.via,
    }),
    report: t.field({
      type: ReportRef,
      nullable: true,
      description: 'The report that denies it (DENIAL).',
      resolve: (d) => (d.via === 'DENIAL' ? d.report : null),
    }),
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'The claim that disputes it (LINK).',
      resolve: (d) => (d.via === 'LINK' ? d.claim : null),
    }),
    by: t.field({
      type: [Attribution],
      description:
        'Who disputes it, with the reporting verb; empty when the article says so in its own voice.',
      resolve: async (d, _a, ctx, info) =>
        attributions(
          d.via === 'DENIAL'
            ? await reportSources.list(ctx, info, d.report, {})
            : await claimSources.list(ctx, info, d.claim, {}),
        ),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The quotes that dispute it.',
      resolve: (d, _a, ctx, info) =>
        d.via === 'DENIAL'
          ? reportEvidence.nodes(ctx, info, d.report, {})
          : claimEvidence.nodes(ctx, info, d.claim, {}),
    }),
    article: t.field({
      type: ArticleRef,
      description: 'The article that says so.',
      resolve: (d, _a, ctx) =>
        loadExisting(ctx, 'Article', d.via === 'DENIAL' ? d.report.article : d.claim.articleId),
    }),
  }),
});

builder.interfaceFields(ClaimRef, (t) => ({
  denials: t.field({
    type: [Dispute],
    description:
      'Who says it is not true, across articles: reports of it that deny it, and claims that dispute it.',
    resolve: async (c, _a, ctx, info) => {
      const [reports, links] = await Promise.all([
        claimReports.list(ctx, info, c, {}),
        disputing.list(ctx, info, c, {}),
      ]);
      return [
        ...reports
          .filter((r) => r.node.status === 'DENIED')
          .map((r): DisputeShape => ({ via: 'DENIAL', report: r.node })),
        ...links.map((l): DisputeShape => ({ via: 'LINK', claim: l.node })),
      ];
    },
  }),
}));
