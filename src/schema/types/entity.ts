// Entities (people, organizations, countries, places, groups, items) share the Entity interface;
// countries and locations are also Places.
import type { EdgeRow } from '../../context.js';
import type { Plain } from '../../db/mappers.js';
import { countEntities, pageEntities } from '../../db/queries/lists.js';
import { ENTITY_TYPES, type EntityType as EntityTypeName, PLACE_TYPES } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { ClaimKind, ClaimStatus, Direction, EntityType, RelationType, Role } from '../enums.js';
import { connectionFromArray, connectionFromQuery } from '../pagination.js';
import {
  follow,
  followConnection,
  LANG_ARG_DESCRIPTION,
  LocalizedText,
  loadNode,
  loadTyped,
  localized,
  PartialDate,
  type PartialDateShape,
  parseMap,
  pick,
} from './common.js';
import {
  ArticleRef,
  type ArticleRow,
  ClaimRef,
  type ClaimRow,
  EntityRef,
  type EntityRow,
  EventRef,
  type EventRow,
  EvidenceRef,
  type EvidenceRow,
  PlaceRef,
} from './refs.js';

export interface RelationShape {
  type: string;
  from: EntityRow;
  to: EntityRow;
  /** Which end the asking entity is. */
  direction: 'OUTGOING' | 'INCOMING';
  props: Record<string, Plain>;
}

export const EntityRelation = builder.objectRef<RelationShape>('EntityRelation').implement({
  description: 'A relation between two entities that an article states, with its evidence.',
  fields: (t) => ({
    type: t.field({
      type: RelationType,
      description: 'What the relation is.',
      resolve: (r) => r.type as never,
    }),
    direction: t.field({
      type: Direction,
      description: 'OUTGOING when the entity asked about is `from`, INCOMING when it is `to`.',
      resolve: (r) => r.direction,
    }),
    from: t.field({
      type: EntityRef,
      description: 'The subject ("Vladimir Putin").',
      resolve: (r) => r.from,
    }),
    to: t.field({ type: EntityRef, description: 'The object ("Russia").', resolve: (r) => r.to }),
    other: t.field({
      type: EntityRef,
      description: 'The entity at the other end from the one asked about.',
      resolve: (r) => (r.direction === 'OUTGOING' ? r.to : r.from),
    }),
    title: t.string({
      nullable: true,
      description: 'HOLDS_ROLE: the title held ("President of Russia").',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (r, { lang }) => pick(r.props.titleJson, lang ?? 'en'),
    }),
    role: t.string({
      nullable: true,
      description: 'MEMBER_OF: the kind of membership ("permanent member").',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (r, { lang }) => pick(r.props.roleJson, lang ?? 'en'),
    }),
    since: t.field({
      type: PartialDate,
      nullable: true,
      description: 'Since when, where the article says.',
      resolve: (r): PartialDateShape | null =>
        typeof r.props.since === 'string'
          ? {
              startDate: r.props.since,
              endDate: null,
              precision: String(r.props.sincePrecision),
              approximate: false,
              partOfDay: null,
              dateText: (r.props.sinceText as string | null) ?? null,
            }
          : null,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that state the relation.',
      resolve: async (r, _a, ctx) =>
        (await ctx.loaders.node('Evidence').loadMany((r.props.evidenceIds as string[]) ?? [])).filter(
          (e) => e !== null && !(e instanceof Error),
        ) as unknown as EvidenceRow[],
    }),
    article: t.field({
      type: ArticleRef,
      description: 'The article that states it.',
      resolve: async (r, _a, ctx) => (await loadNode(ctx, 'Article', String(r.props.article))) as ArticleRow,
    }),
  }),
});

async function relations(
  ctx: Parameters<typeof follow>[0],
  e: EntityRow,
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH',
  types: readonly string[] | null | undefined,
): Promise<RelationShape[]> {
  const wanted = (x: EdgeRow) => !types || types.length === 0 || types.includes(String(x.type));
  const out =
    direction === 'INCOMING'
      ? []
      : (await follow(ctx, 'entityRelationsOut', e.id)).filter(wanted).map(
          (x): RelationShape => ({
            type: String(x.type),
            from: e,
            to: x.node as EntityRow,
            direction: 'OUTGOING',
            props: x.rel,
          }),
        );
  const inc =
    direction === 'OUTGOING'
      ? []
      : (await follow(ctx, 'entityRelationsIn', e.id)).filter(wanted).map(
          (x): RelationShape => ({
            type: String(x.type),
            from: x.node as EntityRow,
            to: e,
            direction: 'INCOMING',
            props: x.rel,
          }),
        );
  return [...out, ...inc];
}

/** Rows of (node, role) grouped by node, so an entity with two roles in one claim is one edge. */
function byNode<T extends { id: string }>(rows: EdgeRow[], roleFilter?: string | null) {
  const grouped = new Map<string, { node: T; roles: string[] }>();
  for (const r of rows) {
    const role = r.rel.role as string | undefined;
    if (roleFilter && role !== roleFilter) continue;
    const entry = grouped.get(r.node.id) ?? { node: r.node as unknown as T, roles: [] };
    if (role && !entry.roles.includes(role)) entry.roles.push(role);
    grouped.set(r.node.id, entry);
  }
  return [...grouped.values()];
}

builder.interfaceType(EntityRef, {
  description: 'Something the news talks about: a person, organization, country, place, group or item.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (e) => e.type,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable id, e.g. "person:kim-jong-un".' }),
    type: t.field({
      type: EntityType,
      description: 'What kind of entity it is.',
      resolve: (e) => e.type as never,
    }),
    label: t.string({
      description: 'The preferred name in a language.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (e, { lang }) => pick(e.labelsJson, lang ?? 'en') ?? e.label,
    }),
    labels: t.field({
      type: [LocalizedText],
      description: 'The preferred name in every language the graph has.',
      resolve: (e) => localized(e.labelsJson),
    }),
    aliases: t.field({
      type: [LocalizedText],
      description: 'Other names (spellings, short forms), in one language or all.',
      args: { lang: t.arg.string({ required: false, description: 'Only this language; all when omitted.' }) },
      resolve: (e, { lang }) =>
        Object.entries(parseMap<string[]>(e.aliasesJson))
          .filter(([l]) => !lang || l === lang)
          .flatMap(([l, names]) => names.map((text) => ({ lang: l, text }))),
    }),
    description: t.string({
      nullable: true,
      description: 'A short description.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (e, { lang }) => pick(e.descriptionJson, lang ?? 'en'),
    }),
    wikidata: t.exposeString('wikidata', {
      nullable: true,
      description: 'The Wikidata item (Q-id), only where the identification is certain.',
    }),
    mentions: t.connection(
      {
        type: EvidenceRef,
        description: 'Every span that names this entity, with the words used.',
        resolve: async (e, args, ctx) =>
          connectionFromArray(
            (await follow(ctx, 'entityMentions', e.id)).map((m) => ({
              node: m.node as EvidenceRow,
              surface: String(m.rel.surface ?? ''),
            })),
            args,
          ),
      },
      { name: 'EntityMentionsConnection', description: 'Spans that name an entity.' },
      {
        name: 'EntityMentionEdge',
        description: 'A span that names the entity.',
        fields: (edge) => ({
          surface: edge.string({
            description: 'The name as written in the span.',
            resolve: (x) => (x as unknown as { surface: string }).surface,
          }),
        }),
      },
    ),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'Claims this entity takes part in, in time order, filtered by role, kind and status.',
        args: {
          role: t.arg({ type: Role, required: false, description: 'Only claims where it plays this role.' }),
          kinds: t.arg({ type: [ClaimKind], required: false, description: 'Only these kinds.' }),
          statuses: t.arg({ type: [ClaimStatus], required: false, description: 'Only these statuses.' }),
        },
        resolve: async (e, args, ctx) =>
          connectionFromArray(
            byNode<ClaimRow>(await follow(ctx, 'entityClaims', e.id), args.role).filter(
              ({ node }) =>
                (!args.kinds?.length || args.kinds.includes(node.kind as never)) &&
                (!args.statuses?.length || args.statuses.includes(node.status as never)),
            ),
            args,
          ),
      },
      { name: 'EntityClaimsConnection', description: 'Claims an entity takes part in.' },
      {
        name: 'EntityClaimEdge',
        description: 'A claim and the roles the entity plays in it.',
        fields: (edge) => ({
          roles: edge.field({
            type: [Role],
            description: 'The roles the entity plays in the claim.',
            resolve: (x) => (x as unknown as { roles: string[] }).roles as never,
          }),
        }),
      },
    ),
    assertedClaims: t.connection(
      {
        type: ClaimRef,
        description: 'Claims the article attributes to this entity as their source, in time order.',
        resolve: async (e, args, ctx) =>
          connectionFromArray(
            (await follow(ctx, 'entityAssertions', e.id)).map((x) => ({
              node: x.node as ClaimRow,
              cue: String(x.rel.cue ?? ''),
            })),
            args,
          ),
      },
      { name: 'EntityAssertedClaimsConnection', description: 'Claims an entity asserts.' },
      {
        name: 'EntityAssertedClaimEdge',
        description: 'A claim the entity asserts.',
        fields: (edge) => ({
          cue: edge.string({
            description: 'The reporting verb that attributes it ("kata", "mengatakan").',
            resolve: (x) => (x as unknown as { cue: string }).cue,
          }),
        }),
      },
    ),
    events: t.connection(
      {
        type: EventRef,
        description: 'Events this entity takes part in, in time order.',
        args: {
          role: t.arg({ type: Role, required: false, description: 'Only events where it plays this role.' }),
        },
        resolve: async (e, args, ctx) =>
          connectionFromArray(byNode<EventRow>(await follow(ctx, 'entityEvents', e.id), args.role), args),
      },
      { name: 'EntityEventsConnection', description: 'Events an entity takes part in.' },
      {
        name: 'EntityEventEdge',
        description: 'An event and the roles the entity plays in it.',
        fields: (edge) => ({
          roles: edge.field({
            type: [Role],
            description: 'The roles the entity plays in the event.',
            resolve: (x) => (x as unknown as { roles: string[] }).roles as never,
          }),
        }),
      },
    ),
    reportedEvents: t.connection({
      type: EventRef,
      description: 'Events the article says this entity reported ("lapor kantor berita RIA"), in time order.',
      resolve: async (e, args, ctx) => followConnection<EventRow>(ctx, 'entityReports', e.id, args),
    }),
    articles: t.connection({
      type: ArticleRef,
      description: 'Articles that mention this entity, newest first.',
      resolve: async (e, args, ctx) => followConnection<ArticleRow>(ctx, 'entityArticles', e.id, args),
    }),
    relations: t.connection({
      type: EntityRelation,
      description:
        'Relations to other entities (titles held, memberships, containment), each as an article states it.',
      args: {
        types: t.arg({ type: [RelationType], required: false, description: 'Only these relation types.' }),
        direction: t.arg({ type: Direction, defaultValue: 'BOTH', description: 'Which way to follow them.' }),
      },
      resolve: async (e, args, ctx) =>
        connectionFromArray(
          (await relations(ctx, e, args.direction ?? 'BOTH', args.types)).map((node) => ({ node })),
          args,
        ),
    }),
  }),
});

builder.interfaceType(PlaceRef, {
  description: 'A country or a location: places contain one another.',
  interfaces: [builder.nodeInterfaceRef(), EntityRef],
  resolveType: (e) => e.type,
  fields: (t) => ({
    containedIn: t.field({
      type: [PlaceRef],
      description: 'The places this one lies in, nearest first, up to the country.',
      resolve: async (e, _a, ctx) => {
        // Walks LOCATED_IN up one level at a time, every place of a level in one batch (awaiting
        // them one by one would send a statement per place); five levels is beyond any real nesting.
        const found = new Map<string, EntityRow>();
        const within: [string, string][] = [];
        let frontier = [e];
        for (let level = 0; level < 5 && frontier.length > 0; level++) {
          const ups = await Promise.all(frontier.map((p) => relations(ctx, p, 'OUTGOING', ['LOCATED_IN'])));
          const next: EntityRow[] = [];
          for (const r of ups.flat()) {
            if (r.to.type !== 'Location' && r.to.type !== 'Country') continue;
            within.push([r.from.id, r.to.id]);
            if (r.to.id === e.id || found.has(r.to.id)) continue;
            found.set(r.to.id, r.to);
            next.push(r.to);
          }
          frontier = next;
        }
        // Nearest first means a place comes after every place found that lies in it: Artyom lies
        // both in Russia and in Primorye, which lies in Russia, so Russia comes after Primorye.
        // The rank is the longest chain of LOCATED_IN from here (bounded passes, so cycles end).
        const rank = new Map<string, number>([[e.id, 0]]);
        for (let pass = 0; pass <= found.size; pass++) {
          for (const [from, to] of within) {
            const r = rank.get(from);
            if (r !== undefined && r + 1 > (rank.get(to) ?? 0) && r < found.size) rank.set(to, r + 1);
          }
        }
        return [...found.values()].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
      },
    }),
    contains: t.connection({
      type: EntityRef,
      description: 'What lies directly in this place: places and organizations, each once.',
      resolve: async (e, args, ctx) => {
        // Two articles that place the same city here are two relations, but one city.
        const inside = new Map(
          (await relations(ctx, e, 'INCOMING', ['LOCATED_IN'])).map((r) => [r.from.id, r.from]),
        );
        return connectionFromArray(
          [...inside.values()].map((node) => ({ node })),
          args,
        );
      },
    }),
    eventsHere: t.connection({
      type: EventRef,
      description: 'Events that took place here, in time order.',
      resolve: async (e, args, ctx) => followConnection<EventRow>(ctx, 'entityEventsHere', e.id, args),
    }),
  }),
});

function entityNode(name: EntityTypeName) {
  const ref = builder.objectRef<EntityRow>(name);
  builder.node(ref, {
    description: ENTITY_TYPES.descriptions[name],
    interfaces: PLACE_TYPES.includes(name) ? [EntityRef, PlaceRef] : [EntityRef],
    id: { resolve: (e) => e.id },
    loadMany: (ids, ctx) => loadTyped(ctx, 'Entity', name, ids) as Promise<EntityRow[]>,
    isTypeOf: (v) => (v as EntityRow).__type === name,
    fields: () => ({}),
  });
  return ref;
}

function relationField(
  ref: ReturnType<typeof entityNode>,
  field: string,
  type: string,
  direction: 'OUTGOING' | 'INCOMING',
  description: string,
) {
  builder.objectField(ref, field, (t) =>
    t.connection({
      type: EntityRelation,
      description,
      resolve: async (e, args, ctx) =>
        connectionFromArray(
          (await relations(ctx, e, direction, [type])).map((node) => ({ node })),
          args,
        ),
    }),
  );
}

const Person = entityNode('Person');
const Organization = entityNode('Organization');
const Country = entityNode('Country');
entityNode('Location');
entityNode('Group');
entityNode('Item');

relationField(Person, 'roles', 'HOLDS_ROLE', 'OUTGOING', 'Titles the person holds ("President of Russia").');
relationField(Organization, 'officeHolders', 'HOLDS_ROLE', 'INCOMING', 'People who hold a title in it.');
relationField(Organization, 'members', 'MEMBER_OF', 'INCOMING', 'Countries that are members of it.');
relationField(Country, 'officeHolders', 'HOLDS_ROLE', 'INCOMING', 'People who hold a title in it.');
relationField(Country, 'memberships', 'MEMBER_OF', 'OUTGOING', 'Organizations it is a member of.');

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by its stable key.',
    args: {
      key: t.arg.string({ required: true, description: 'The entity key, e.g. "country:north-korea".' }),
    },
    resolve: (_r, { key }, ctx) => loadNode(ctx, 'Entity', key) as Promise<EntityRow | null>,
  }),
  entities: t.connection({
    type: EntityRef,
    description: 'All entities, by type and then name.',
    args: { types: t.arg({ type: [EntityType], required: false, description: 'Only these types.' }) },
    resolve: (_r, args, ctx) => {
      const types = args.types?.length ? [...args.types] : [...ENTITY_TYPES.values];
      return connectionFromQuery(
        args,
        () => ctx.db.readCount(countEntities(types)),
        async (skip, limit) =>
          (await ctx.db.readNodes(pageEntities(types, skip, limit))).map((node) => ({
            node: node as EntityRow,
          })),
      );
    },
  }),
}));
