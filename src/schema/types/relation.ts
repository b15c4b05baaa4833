// Relations between entities as articles state them: titles held, memberships, containment.

import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { RelationProps } from '../../db/queries/edges.js';
import type { EntityRow } from '../../db/queries/rows.js';
import type { Distance as DistanceDoc } from '../../ingest/document.js';
import { relationSourceList, type RelationSource as StoredSource } from '../../ingest/sources.js';
import { type RelationPropertyValues, relationValues } from '../../ingest/values.js';
import {
  DATE_PRECISIONS,
  type DistanceBound as DistanceBoundValue,
  type DistanceUnit as DistanceUnitValue,
  type RelationType as RelationTypeValue,
} from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField, loadExisting, loadMany } from '../edges.js';
import { Direction, DistanceBound, DistanceUnit, RelationType } from '../enums.js';
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
  bound: DistanceBoundValue | null;
  fromJson: string | null;
  wording: string;
}

const Distance = builder.objectRef<DistanceShape>('Distance').implement({
  description: 'How far one place lies from another, as the article states it.',
  fields: (t) => ({
    value: t.exposeFloat('value', {
      description: 'How far, in `unit`; with a `bound`, the limit the text gives.',
    }),
    unit: t.field({ type: DistanceUnit, description: 'The unit of `value`.', resolve: (d) => d.unit }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the text hedges the figure ("sekitar", "about").',
    }),
    bound: t.field({
      type: DistanceBound,
      nullable: true,
      description: 'Set when the figure is a limit ("lebih dari 200 km": MORE_THAN); null for a figure.',
      resolve: (d) => d.bound,
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
        bound: r.distanceBound,
        fromJson: r.distanceFromJson,
        wording: r.distanceText ?? '',
      }
    : null;

const distanceOf = (d: DistanceDoc): DistanceShape => ({
  value: d.value,
  unit: d.unit,
  approximate: d.approximate === true,
  bound: d.bound ?? null,
  fromJson: JSON.stringify(d.measuredFrom),
  wording: d.wording,
});

/** One article's statement of a relation, as stored in the relation's sources. */
type SourceShape = StoredSource & { article: string };

/**
 * What each article says of the relation, earliest first. A relation written before relations
 * kept their sources has one: its article, with what the relationship itself says.
 */
function sourcesOf(r: RelationShape): SourceShape[] {
  if (r.sourcesJson !== null) return relationSourceList(r.sourcesJson);
  const d = distance(r);
  const precision = DATE_PRECISIONS.has(r.sincePrecision) ? r.sincePrecision : null;
  // The JSON properties were written from the document's text by language (i18nText).
  return [
    {
      article: r.article,
      rank: '',
      ...(r.titleJson ? { title: JSON.parse(r.titleJson) as Record<string, string> } : {}),
      ...(r.roleJson ? { role: JSON.parse(r.roleJson) as Record<string, string> } : {}),
      ...(r.since && precision ? { since: { start: r.since, precision, original: r.sinceText ?? '' } } : {}),
      ...(d?.fromJson
        ? {
            distance: {
              value: d.value,
              unit: d.unit,
              ...(d.approximate ? { approximate: true } : {}),
              ...(d.bound ? { bound: d.bound } : {}),
              measuredFrom: JSON.parse(d.fromJson) as DistanceDoc['measuredFrom'],
              wording: d.wording,
            },
          }
        : {}),
      ...(r.curated ? { curated: true as const } : {}),
      ...(r.note ? { note: r.note } : {}),
      evidenceIds: r.evidenceIds,
    },
  ];
}

const RelationSource = builder.objectRef<SourceShape>('RelationSource').implement({
  description:
    'One article’s statement of a relation: what it gives (a distance, a title, a date) and its quotes.',
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      description: 'The article that states it.',
      resolve: (s, _a, ctx) => loadExisting(ctx, 'Article', s.article),
    }),
    outlet: t.string({
      nullable: true,
      description: 'The article’s publisher, if it names one.',
      resolve: async (s, _a, ctx) => (await loadExisting(ctx, 'Article', s.article)).outlet,
    }),
    distance: t.field({
      type: Distance,
      nullable: true,
      description: 'DISTANCE_FROM: how far this article says, in its words.',
      resolve: (s) => (s.distance ? distanceOf(s.distance) : null),
    }),
    title: t.string({
      nullable: true,
      description: 'HOLDS_ROLE: the title as this article gives it.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (s, { lang }) => pick(s.title ? JSON.stringify(s.title) : null, lang ?? 'en'),
    }),
    since: t.field({
      type: PartialDate,
      nullable: true,
      description: 'Since when, as this article says.',
      resolve: (s) =>
        s.since && DATE_PRECISIONS.has(s.since.precision)
          ? {
              startDate: s.since.start,
              endDate: null,
              precision: s.since.precision,
              approximate: false,
              partOfDay: null,
              dateText: s.since.original,
            }
          : null,
    }),
    curated: t.boolean({
      description: 'True when this article adds the relation from outside its text.',
      resolve: (s) => s.curated === true,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The quotes of this article that state it; empty when curated.',
      resolve: (s, _a, ctx) => loadMany(ctx, 'Evidence', s.evidenceIds),
    }),
  }),
});

interface RelationValueShape {
  property: RelationPropertyValues['property'];
  key: string;
  text: string;
  sources: SourceShape[];
}

const RelationValue = builder.objectRef<RelationValueShape>('RelationValue').implement({
  description: 'One value the sources of a relation give a property, and the sources that give it.',
  fields: (t) => ({
    value: t.exposeString('key', {
      description:
        'The value: a distance as qualifier, figure and unit ("ABOUT 200 KM", "MORE_THAN 200 KM", ' +
        '"EXACTLY 3 KM"), or a date ("2022-02"). Equal strings are the same value.',
    }),
    text: t.exposeString('text', { description: 'The value in words ("about 200 km", "more than 200 km").' }),
    distance: t.field({
      type: Distance,
      nullable: true,
      description: 'For a distance: the distance, in the words of its first source.',
      resolve: (v) => {
        const d = v.property === 'distance' ? v.sources[0]?.distance : undefined;
        return d ? distanceOf(d) : null;
      },
    }),
    sources: t.field({
      type: [RelationSource],
      description: 'The sources that give it (article, outlet, quotes), earliest first.',
      resolve: (v) => v.sources,
    }),
  }),
});

interface RelationValuesShape {
  property: RelationPropertyValues['property'];
  disagree: boolean;
  values: RelationValueShape[];
}

const RelationValues = builder.objectRef<RelationValuesShape>('RelationValues').implement({
  description: 'A property of a relation on which its sources give different values.',
  fields: (t) => ({
    property: t.exposeString('property', { description: '"distance" (DISTANCE_FROM) or "since".' }),
    disagree: t.exposeBoolean('disagree', {
      description:
        'True when two of the values cannot both hold. A distance allows a range: a figure itself, "about" ' +
        'a tenth either way (about 200 km is 180 to 220 km), a bound everything past it (more than 200 km). ' +
        'Two distances disagree when no distance lies in both ranges: about 200 km and about 250 km do, about ' +
        '200 km and more than 200 km do not. Dates disagree when they do not overlap at their precision.',
    }),
    values: t.field({
      type: [RelationValue],
      description: 'Each value, with the sources that give it, earliest source first.',
      resolve: (p) => p.values,
    }),
  }),
});

/** The properties the relation's sources give more than one value for. */
function valuesOf(r: RelationShape): RelationValuesShape[] {
  const sources = sourcesOf(r);
  const byArticle = new Map(sources.map((s) => [s.article, s]));
  return relationValues(sources)
    .filter((p) => p.values.length > 1)
    .map((p) => ({
      property: p.property,
      disagree: p.disagree,
      values: p.values.map((v) => ({
        property: p.property,
        key: v.key,
        text: v.text,
        sources: v.articles.flatMap((a) => byArticle.get(a) ?? []),
      })),
    }));
}

export const EntityRelation = builder.objectRef<RelationShape>('EntityRelation').implement({
  description:
    'A relation between two entities that one or more articles state, with their evidence; where they give ' +
    'different values (a distance), each value with its sources.',
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
      description:
        'DISTANCE_FROM: how far `from` lies from `to`, and from what it is measured, as the first source says; ' +
        '`values` has every distance the sources give.',
      resolve: distance,
    }),
    sources: t.field({
      type: [RelationSource],
      description:
        'Every article that states it, earliest first, each with what it gives and its quotes: a relation ' +
        'several articles state is one relation with a source from each.',
      resolve: sourcesOf,
    }),
    sourceCount: t.int({
      description: 'How many articles state it.',
      resolve: (r) => sourcesOf(r).length,
    }),
    values: t.field({
      type: [RelationValues],
      description:
        'The properties its sources give different values for (a distance), each value with the sources ' +
        'that give it. Empty when they all agree, or one source states it. A title is part of what the ' +
        'relation is: two titles are two relations, not two values.',
      resolve: valuesOf,
    }),
    contested: t.boolean({
      description: 'Two of its sources give values that cannot both hold (see RelationValues.disagree).',
      resolve: (r) => valuesOf(r).some((p) => p.disagree),
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
      description: 'The first article that states it (earliest published); `sources` lists them all.',
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
