// Type references shared across the type files, declared before they are implemented so that
// types can point at each other (an article's claims, a claim's article) without import cycles.
// Each is typed by the row its loader returns (src/db/queries/rows.ts).
import type {
  ArticleRow,
  ClaimRow,
  EntityRow,
  EventRow,
  EvidenceRow,
  ParagraphRow,
} from '../../db/queries/rows.js';
import { builder } from '../builder.js';

export const ArticleRef = builder.objectRef<ArticleRow>('Article');
export const ParagraphRef = builder.objectRef<ParagraphRow>('Paragraph');
export const EvidenceRef = builder.objectRef<EvidenceRow>('Evidence');
export const EventRef = builder.objectRef<EventRow>('Event');
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');
export const PlaceRef = builder.interfaceRef<EntityRow>('Place');
export const ClaimRef = builder.interfaceRef<ClaimRow>('Claim');

/** `isTypeOf` of a row's GraphQL type: rows name their type in `__type` (see rows.ts). */
export const isRowOf =
  (type: string) =>
  (value: unknown): boolean =>
    typeof value === 'object' && value !== null && '__type' in value && value.__type === type;
