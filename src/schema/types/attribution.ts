// Who takes part in an event or claim, in which role, and who a claim or report comes from.
import type { EntityRow } from '../../db/queries/rows.js';
import type { Manner, Role as RoleValue } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { loadMany } from '../edges.js';
import { Role, StatementManner } from '../enums.js';
import { EntityRef, EvidenceRef } from './refs.js';

export interface ParticipantShape {
  role: RoleValue;
  entity: EntityRow;
}

export const Participant = builder.objectRef<ParticipantShape>('Participant').implement({
  description: 'An entity in a role in an event or a claim.',
  fields: (t) => ({
    role: t.field({ type: Role, description: 'The part it plays.', resolve: (p) => p.role }),
    entity: t.field({ type: EntityRef, description: 'Who or what.', resolve: (p) => p.entity }),
  }),
});

export const participants = (items: { node: EntityRow; props: { role: RoleValue } }[]): ParticipantShape[] =>
  items.map((i) => ({ role: i.props.role, entity: i.node }));

export interface AttributionShape {
  entity: EntityRow;
  cue: string;
  manner: Manner | null;
  mannerWording: string | null;
  evidenceIds: string[];
}

interface MannerShape {
  kind: Manner;
  wording: string;
}

const AttributionManner = builder.objectRef<MannerShape>('AttributionManner').implement({
  description: 'How a statement was made, with the words of the article that say so.',
  fields: (t) => ({
    kind: t.field({ type: StatementManner, description: 'The manner.', resolve: (m) => m.kind }),
    wording: t.exposeString('wording', {
      description: 'The words that state it ("dalam tanggapan tertulisnya"); they stand in the evidence.',
    }),
  }),
});

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
      resolve: (a) => (a.manner === null ? null : { kind: a.manner, wording: a.mannerWording ?? '' }),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that name the source.',
      resolve: (a, _args, ctx) => loadMany(ctx, 'Evidence', a.evidenceIds),
    }),
  }),
});

export const attributions = (
  items: {
    node: EntityRow;
    props: { cue: string; manner: Manner | null; mannerWording: string | null; evidenceIds: string[] };
  }[],
): AttributionShape[] => items.map((i) => ({ entity: i.node, ...i.props }));
