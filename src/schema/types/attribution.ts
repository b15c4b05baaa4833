// Who takes part in an event or claim, in which role, and who a claim or report comes from.
import type { Attribution as AttributionRow, Participation } from '../../db/queries/edge-spec.js';
import type { EntityRow } from '../../db/queries/rows.js';
import type { Manner } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { loadMany } from '../edges.js';
import { Role, StatementManner } from '../enums.js';
import { EntityRef, EvidenceRef } from './refs.js';

interface MannerShape {
  kind: Manner;
  wording: string;
}

const AttributionManner = builder.objectRef<MannerShape>('AttributionManner').implement({
  description:
    'How a statement was made, or how a participant spoke, with the words of the article that say so.',
  fields: (t) => ({
    kind: t.field({ type: StatementManner, description: 'The manner.', resolve: (m) => m.kind }),
    wording: t.exposeString('wording', {
      description:
        'The words that state it ("dalam tanggapan tertulisnya", "melalui penerjemah"); they stand in the evidence.',
    }),
  }),
});

/** A stored manner (kind and wording side by side on the relationship) as the API gives it. */
const mannerOf = (m: { manner: Manner | null; mannerWording: string | null }): MannerShape | null =>
  m.manner === null ? null : { kind: m.manner, wording: m.mannerWording ?? '' };

export interface ParticipantShape extends Participation {
  entity: EntityRow;
}

export const Participant = builder.objectRef<ParticipantShape>('Participant').implement({
  description: 'An entity in a role in an event or a claim.',
  fields: (t) => ({
    role: t.field({ type: Role, description: 'The part it plays.', resolve: (p) => p.role }),
    entity: t.field({ type: EntityRef, description: 'Who or what.', resolve: (p) => p.entity }),
    manner: t.field({
      type: AttributionManner,
      nullable: true,
      description:
        'How it spoke ("melalui penerjemah": through an interpreter), where the article says so; null when it does not. ' +
        'On a statement, the first report that says so; each report keeps its own.',
      resolve: mannerOf,
    }),
  }),
});

export const participants = (items: { node: EntityRow; props: Participation }[]): ParticipantShape[] =>
  items.map((i) => ({ entity: i.node, ...i.props }));

export interface AttributionShape extends AttributionRow {
  entity: EntityRow;
}

export const Attribution = builder.objectRef<AttributionShape>('Attribution').implement({
  description: 'Who a claim or report comes from, according to the article (PROV-O attribution).',
  fields: (t) => ({
    entity: t.field({
      type: EntityRef,
      description: 'The source: a person, organization, country or group.',
      resolve: (a) => a.entity,
    }),
    cue: t.exposeString('cue', {
      description: 'The reporting verb that attributes it ("kata", "mengatakan", "lapor").',
    }),
    manner: t.field({
      type: AttributionManner,
      nullable: true,
      description: 'How the statement was made, where the article says so; null when it does not.',
      resolve: mannerOf,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that name the source.',
      resolve: (a, _args, ctx) => loadMany(ctx, 'Evidence', a.evidenceIds),
    }),
  }),
});

export const attributions = (items: { node: EntityRow; props: AttributionRow }[]): AttributionShape[] =>
  items.map((i) => ({ entity: i.node, ...i.props }));
