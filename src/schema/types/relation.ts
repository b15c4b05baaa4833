// Relations between entities as articles state them: titles held, memberships, containment.

import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { RelationProps } from '../../db/queries/edges.js';
import type { EntityRow } from '../../db/queries/rows.js';
import type {
  DistanceUnit as DistanceUnitValue,
  RelationType as RelationTypeValue,
} from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField, loadExisting, loadMany } from '../edges.js';
import { Direction, DistanceUnit, RelationType } from '../enums.js';
import type { PageArgs } from '../pagination.js';
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
        precision: r.sincePrecision,
        approximate: false,
        partOfDay: null,
        dateText: r.sinceText,
      }
    : null;

interface DistanceShape {
  value: number;
  unit: DistanceUnitValue;
  approximate: boolean;
  fromJson: string | null;
  wording: string;
}

const Distance = builder.objectRef<DistanceShape>('Distance').implement({
  description: 'How far one place lies from another, as the article states it.',
  fields: (t) => ({
    value: t.exposeFloat('value', { description: 'How far, in `unit`.' }),
    unit: t.field({ type: DistanceUnit, description: 'The unit of `value`.', resolve: (d) => d.unit }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the text hedges the figure ("sekitar", "about").',
    }),
    measuredFrom: t.string({
      nullable: true,
      description: 'What on the other place it is measured from ("the border").',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (d, { lang }) => pick(d.fromJson, lang ?? 'en'),
    }),
    wording: t.exposeString('wording', {
      description: 'The words of the article that state it; they stand in the evidence.',
    }),
  }),
});

const distance = (r: RelationShape): DistanceShape | null =>
  r.distanceValue !== null && r.distanceUnit !== null
    ? {
        value: r.distanceValue,
        unit: r.distanceUnit,
        approximate: r.distanceApproximate === true,
        fromJson: r.distanceFromJson,
        wording: r.distanceText ?? '',
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
    distance: t.field({
      type: Distance,
      nullable: true,
      description: 'DISTANCE_FROM: how far `from` lies from `to`, and from what it is measured.',
      resolve: distance,
    }),
    curated: t.exposeBoolean('curated', {
      description:
        'True when a curator added the relation from outside the article text (world knowledge); it then has no evidence.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'For a curated relation: why it holds, or where it comes from.',
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that state the relation; empty when it is curated.',
      resolve: (r, _a, ctx) => loadMany(ctx, 'Evidence', r.evidenceIds),
    }),
    article: t.field({
      type: ArticleRef,
      description: 'The article that states it.',
      resolve: (r, _a, ctx) => loadExisting(ctx, 'Article', r.article),
    }),
  }),
});

interface RelationArgs {
  types?: readonly RelationTypeValue[] | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
}

/**
 * Declares a field of relations: `fixed` arguments for fields such as a person's titles, the
 * client's `types` and `direction` otherwise. The other entity is selected under other, from or to.
 */
export const relationsField = (type: string, field: string, fixed?: RelationArgs) =>
  edgeField(type, field, 'entityRelations', {
    connection: true,
    filter: (given: RelationArgs) => {
      const a = fixed ?? given;
      const direction = a.direction ?? 'BOTH';
      return {
        ...(direction === 'BOTH' ? {} : { direction }),
        ...(a.types?.length ? { relationTypes: a.types } : {}),
      };
    },
    nodePaths: [
      ['edges', 'node', 'other'],
      ['edges', 'node', 'from'],
      ['edges', 'node', 'to'],
    ],
  });

/** The relations of an entity as a connection of EntityRelation. */
export async function relationConnection(
  declared: ReturnType<typeof relationsField>,
  ctx: Context,
  info: GraphQLResolveInfo,
  entity: EntityRow,
  args: RelationArgs & PageArgs,
) {
  const page = await declared.page(ctx, info, entity, args);
  return {
    ...page,
    edges: page.edges.map(({ cursor, node, ...props }) => ({
      cursor,
      node: { ...props, self: entity, other: node },
    })),
  };
}
