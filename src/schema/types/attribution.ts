import type { EdgeRow } from '../../context.js';
import { builder } from '../builder.js';
import { Role } from '../enums.js';
import { EntityRef, type EntityRow, EvidenceRef, type EvidenceRow } from './refs.js';

export interface ParticipantShape {
  role: string;
  entity: EntityRow;
}

export const Participant = builder.objectRef<ParticipantShape>('Participant').implement({
  description: 'An entity in a role in an event or a claim.',
  fields: (t) => ({
    role: t.field({ type: Role, description: 'The part it plays.', resolve: (p) => p.role as never }),
    entity: t.field({ type: EntityRef, description: 'Who or what.', resolve: (p) => p.entity }),
  }),
});

export const participants = (rows: EdgeRow[], role?: string | null): ParticipantShape[] =>
  rows
    .map((r) => ({ role: String(r.rel.role), entity: r.node as EntityRow }))
    .filter((p) => !role || p.role === role);

export interface AttributionShape {
  entity: EntityRow;
  cue: string;
  evidenceIds: string[];
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
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that name the source.',
      resolve: async (a, _args, ctx) =>
        (await ctx.loaders.node('Evidence').loadMany(a.evidenceIds)).filter(
          (e) => e !== null && !(e instanceof Error),
        ) as unknown as EvidenceRow[],
    }),
  }),
});

export const attributions = (rows: EdgeRow[]): AttributionShape[] =>
  rows.map((r) => ({
    entity: r.node as EntityRow,
    cue: String(r.rel.cue ?? ''),
    evidenceIds: (r.rel.evidenceIds as string[]) ?? [],
  }));
