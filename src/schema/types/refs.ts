// Type references shared across the type files, declared before they are implemented so that
// types can point at each other (an article's claims, a claim's article) without import cycles.
import { builder } from '../builder.js';

interface NodeRow {
  id: string;
  __type: string;
}

export type ArticleRow = NodeRow & {
  language: string;
  title: string | null;
  publishedOn: string;
  dateline: string | null;
  text: string;
  photoCaption: string | null;
  photoCaptionEvidence: string | null;
  photoCredit: string | null;
  relatedJson: string;
  contentHash: string;
  ingestedAt: string;
};
export type ParagraphRow = NodeRow & {
  index: number;
  start: number;
  end: number;
  text: string;
  articleId: string;
};
export type EvidenceRow = NodeRow & {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  paragraphId: string;
  articleId: string;
};
export type EntityRow = NodeRow & {
  type: string;
  label: string;
  labelsJson: string;
  aliasesJson: string;
  descriptionJson: string | null;
  wikidata: string | null;
};
export type EventRow = NodeRow & {
  kind: string;
  label: string;
  labelJson: string;
  summaryJson: string | null;
  status: string;
  articleId: string;
};
export type ClaimRow = NodeRow & {
  kind: string;
  summary: string;
  wording: string;
  status: string;
  hedge: string | null;
  articleId: string;
};

export const ArticleRef = builder.objectRef<ArticleRow>('Article');
export const ParagraphRef = builder.objectRef<ParagraphRow>('Paragraph');
export const EvidenceRef = builder.objectRef<EvidenceRow>('Evidence');
export const EventRef = builder.objectRef<EventRow>('Event');
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');
export const PlaceRef = builder.interfaceRef<EntityRow>('Place');
export const ClaimRef = builder.interfaceRef<ClaimRow>('Claim');
