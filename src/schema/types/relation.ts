// Relations between entities as articles state them: titles held, memberships, containment.
import type { RelationProps } from '../../db/queries/edges.js';
import type { EntityRow } from '../../db/queries/rows.js';
import type { RelationType as RelationTypeValue } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeConnection, loadExisting, loadMany } from '../edges.js';
import { Direction, RelationType } from '../enums.js';
import { LANG_ARG_DESCRIPTION, PartialDate, type PartialDateShape, pick } from './common.js';
import { ArticleRef, EntityRef, EvidenceRef } from './refs.js';

export interface RelationShape extends RelationProps {
  /** The entity the relation was reached from, and the one at the other end. */
  self: EntityRow;
  other: EntityRow;
}

const since = (r: RelationShape): PartialDateShape | null =>
  r.since && r.sincePrecision
    ? {
        startDate: r.since,
        endDate: null,
        // Written from the document's DatePrecision enum by ingestion.
        precision: r.sincePrecision as PartialDateShape['precision'],
        approximate: false,
        partOfDay: null,
        dateText: r.sinceText,
      }
    : null;

export const EntityRelation = builder.objectRef<RelationShape>('EntityRelation').implement({
  description: 'A relation between two entities that an article states, with its evidence.',
  fields: (t) => ({
    type: t.field({ type: RelationType, description: 'What the relation is.', resolve: (r) => r.type }),
    direction: t.field({
      type: Direction,
      description: 'OUTGOING when the entity asked about is `from`, INCOMING when it is `to`.',
      resolve: (r) => r.direction,
    }),
    from: t.field({
      type: EntityRef,
      description: 'The subject ("Vladimir Putin").',
      resolve: (r) => (r.direction === 'OUTGOING' ? r.self : r.other),
    }),
    to: t.field({
      type: EntityRef,
      description: 'The object ("Russia").',
      resolve: (r) => (r.direction === 'OUTGOING' ? r.other : r.self),
    }),
    other: t.field({
      type: EntityRef,
      description: 'The entity at the other end from the one asked about.',
      resolve: (r) => r.other,
    }),
    title: t.string({
      nullable: true,
      description: 'HOLDS_ROLE: the title held ("President of Russia").',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (r, { lang }) => pick(r.titleJson, lang ?? 'en'),
    }),
    role: t.string({
      nullable: true,
      description: 'MEMBER_OF: the kind of membership ("permanent member").',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (r, { lang }) => pick(r.roleJson, lang ?? 'en'),
    }),
    since: t.field({
      type: PartialDate,
      nullable: true,
      description: 'Since when, where the article says.',
      resolve: since,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that state the relation.',
      resolve: (r, _a, ctx) => loadMany(ctx, 'Evidence', r.evidenceIds),
    }),
    article: t.field({
      type: ArticleRef,
      description: 'The article that states it.',
      resolve: (r, _a, ctx) => loadExisting(ctx, 'Article', r.article),
    }),
  }),
});

export interface RelationArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The relations of an entity as a connection of EntityRelation, in the given direction and types. */
export async function relationConnection(
  ctx: Parameters<typeof edgeConnection>[0],
  info: Parameters<typeof edgeConnection>[1],
  entity: EntityRow,
  args: RelationArgs,
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH',
  types: readonly RelationTypeValue[] | null | undefined,
) {
  const page = await edgeConnection(ctx, info, 'entityRelations', entity.id, args, {
    ...(direction === 'BOTH' ? {} : { direction }),
    ...(types?.length ? { relationTypes: types } : {}),
  });
  return {
    ...page,
    edges: page.edges.map(({ cursor, node, ...props }) => ({
      cursor,
      node: { ...props, self: entity, other: node },
    })),
  };
}
