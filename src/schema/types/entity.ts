// Entities (people, organizations, countries, places, groups, items) share the Entity interface;
// each type is its own object type. The root fields that return entities are here too.
import { ENTITY_ORDERS, entities } from '../../db/queries/lists.js';
import type { EntityRow } from '../../db/queries/rows.js';
import {
  type ClaimKind as ClaimKindValue,
  type ClaimStatus as ClaimStatusValue,
  ENTITY_TYPES,
  type EntityType as EntityTypeName,
  PLACE_TYPES,
  type Role as RoleValue,
} from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField, loadTyped } from '../edges.js';
import { ClaimKind, ClaimStatus, Direction, EntityType, RelationType, Role } from '../enums.js';
import { ClaimFacets, EntityFacets, EventFacets, facetsField, withFacets } from '../facets.js';
import { unknownEntity } from '../keys.js';
import { rootConnection, rootNode } from '../lists.js';
import { LANG_ARG_DESCRIPTION, LocalizedText, localized, parseMap, pick } from './common.js';
import {
  type CorroborationArgs,
  corroboration,
  corroborationArgs,
  entityOrderArg,
  type StatementOrderArgs,
  statementOrder,
  statementOrderArg,
} from './filters.js';
import { ArticleRef, ClaimRef, EntityRef, EventRef, EvidenceRef, isRowOf, PlaceRef } from './refs.js';
import { EntityRelation, relationConnection, relationsField } from './relation.js';

const mentions = edgeField('Entity', 'mentions', 'entityMentions', { connection: true });
const claims = edgeField('Entity', 'claims', 'entityClaims', {
  connection: true,
  filter: (
    a: {
      role?: RoleValue | null;
      kinds?: readonly ClaimKindValue[] | null;
      statuses?: readonly ClaimStatusValue[] | null;
    } & CorroborationArgs &
      StatementOrderArgs,
  ) => ({
    ...(a.role ? { roles: [a.role] } : {}),
    ...(a.kinds?.length ? { kinds: a.kinds } : {}),
    ...(a.statuses?.length ? { statuses: a.statuses } : {}),
    ...corroboration(a),
  }),
  order: statementOrder,
});
const assertedClaims = edgeField('Entity', 'assertedClaims', 'entityAssertedClaims', {
  connection: true,
  order: statementOrder,
});
const events = edgeField('Entity', 'events', 'entityEvents', {
  connection: true,
  filter: (a: { role?: RoleValue | null } & CorroborationArgs & StatementOrderArgs) => ({
    ...(a.role ? { roles: [a.role] } : {}),
    ...corroboration(a),
  }),
  order: statementOrder,
});
const reportedEvents = edgeField('Entity', 'reportedEvents', 'entityReportedEvents', {
  connection: true,
  order: statementOrder,
});
const articles = edgeField('Entity', 'articles', 'entityArticles', { connection: true });
const relations = relationsField('Entity', 'relations');

builder.interfaceType(EntityRef, {
  description: 'Something the news talks about: a person, organization, country, place, group or item.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (e) => e.__type,
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable id, e.g. "person:kim-jong-un".' }),
    type: t.field({ type: EntityType, description: 'What kind of entity it is.', resolve: (e) => e.type }),
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
        resolve: (e, args, ctx, info) => mentions.page(ctx, info, e, args),
      },
      { name: 'EntityMentionsConnection', description: 'Spans that name an entity.' },
      {
        name: 'EntityMentionEdge',
        description: 'A span that names the entity.',
        fields: (edge) => ({
          surface: edge.string({
            description: 'The name as written in the span.',
            resolve: (x) => x.surface,
          }),
        }),
      },
    ),
    claims: t.connection(
      {
        type: ClaimRef,
        description:
          'Claims this entity takes part in, in time order or as `orderBy` says, filtered by role, kind and status.',
        args: {
          ...statementOrderArg(t.arg),
          role: t.arg({ type: Role, required: false, description: 'Only claims where it plays this role.' }),
          kinds: t.arg({ type: [ClaimKind], required: false, description: 'Only these kinds.' }),
          statuses: t.arg({ type: [ClaimStatus], required: false, description: 'Only these statuses.' }),
          ...corroborationArgs(t.arg),
        },
        resolve: (e, args, ctx, info) => claims.page(ctx, info, e, args),
      },
      {
        name: 'EntityClaimsConnection',
        description: 'Claims an entity takes part in.',
        fields: (c) => ({ facets: c.field(facetsField(ClaimFacets)) }),
      },
      {
        name: 'EntityClaimEdge',
        description: 'A claim and the roles the entity plays in it.',
        fields: (edge) => ({
          roles: edge.field({
            type: [Role],
            description: 'The roles the entity plays in the claim.',
            resolve: (x) => x.roles,
          }),
        }),
      },
    ),
    assertedClaims: t.connection(
      {
        type: ClaimRef,
        description:
          'Claims the article attributes to this entity as their source, in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
        },
        resolve: (e, args, ctx, info) => assertedClaims.page(ctx, info, e, args),
      },
      {
        name: 'EntityAssertedClaimsConnection',
        description: 'Claims an entity asserts.',
        fields: (c) => ({ facets: c.field(facetsField(ClaimFacets)) }),
      },
      {
        name: 'EntityAssertedClaimEdge',
        description: 'A claim the entity asserts.',
        fields: (edge) => ({
          cue: edge.string({
            description: 'The reporting verb that attributes it ("kata", "mengatakan").',
            resolve: (x) => x.cue,
          }),
        }),
      },
    ),
    events: t.connection(
      {
        type: EventRef,
        description: 'Events this entity takes part in, in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
          role: t.arg({ type: Role, required: false, description: 'Only events where it plays this role.' }),
          ...corroborationArgs(t.arg),
        },
        resolve: (e, args, ctx, info) => events.page(ctx, info, e, args),
      },
      {
        name: 'EntityEventsConnection',
        description: 'Events an entity takes part in.',
        fields: (c) => ({ facets: c.field(facetsField(EventFacets)) }),
      },
      {
        name: 'EntityEventEdge',
        description: 'An event and the roles the entity plays in it.',
        fields: (edge) => ({
          roles: edge.field({
            type: [Role],
            description: 'The roles the entity plays in the event.',
            resolve: (x) => x.roles,
          }),
        }),
      },
    ),
    reportedEvents: t.connection(
      {
        type: EventRef,
        description:
          'Events the article says this entity reported ("lapor kantor berita RIA"), in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
        },
        resolve: (e, args, ctx, info) => reportedEvents.page(ctx, info, e, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(EventFacets)) }) },
    ),
    articles: t.connection({
      type: ArticleRef,
      description: 'Articles that mention this entity, newest first.',
      resolve: (e, args, ctx, info) => articles.page(ctx, info, e, args),
    }),
    relations: t.connection({
      type: EntityRelation,
      description:
        'Relations to other entities (titles held, memberships, containment), each as an article states it.',
      args: {
        types: t.arg({ type: [RelationType], required: false, description: 'Only these relation types.' }),
        direction: t.arg({ type: Direction, defaultValue: 'BOTH', description: 'Which way to follow them.' }),
      },
      resolve: (e, args, ctx, info) => relationConnection(relations, ctx, info, e, args),
    }),
  }),
});

function entityNode(name: EntityTypeName) {
  const ref = builder.objectRef<EntityRow>(name);
  builder.node(ref, {
    description: ENTITY_TYPES.descriptions[name],
    interfaces: PLACE_TYPES.includes(name) ? [EntityRef, PlaceRef] : [EntityRef],
    id: { resolve: (e) => e.id },
    loadMany: (ids, ctx) => loadTyped(ctx, 'Entity', name, ids),
    isTypeOf: isRowOf(name),
    fields: () => ({}),
  });
  return ref;
}

/** A relation field of one type and direction, e.g. a person's titles (HOLDS_ROLE, outgoing). */
function relationField(
  ref: ReturnType<typeof entityNode>,
  field: string,
  type: 'HOLDS_ROLE' | 'MEMBER_OF',
  direction: 'OUTGOING' | 'INCOMING',
  description: string,
  deprecationReason?: string,
) {
  const declared = relationsField(ref.name, field, { types: [type], direction });
  builder.objectField(ref, field, (t) =>
    t.connection({
      type: EntityRelation,
      description,
      ...(deprecationReason ? { deprecationReason } : {}),
      resolve: (e, args, ctx, info) => relationConnection(declared, ctx, info, e, args),
    }),
  );
}

const Person = entityNode('Person');
const Organization = entityNode('Organization');
const Country = entityNode('Country');
entityNode('Location');
entityNode('Group');
entityNode('Item');

relationField(Person, 'titles', 'HOLDS_ROLE', 'OUTGOING', 'Titles the person holds ("President of Russia").');
// The first name of `titles`, kept for the clients that use it: `roles` are participant roles elsewhere.
relationField(
  Person,
  'roles',
  'HOLDS_ROLE',
  'OUTGOING',
  'Titles the person holds ("President of Russia"); the same as `titles`.',
  'Use `titles`: elsewhere `roles` are the roles an entity plays in a claim or an event.',
);
relationField(Organization, 'officeHolders', 'HOLDS_ROLE', 'INCOMING', 'People who hold a title in it.');
relationField(Organization, 'members', 'MEMBER_OF', 'INCOMING', 'Countries that are members of it.');
relationField(Country, 'officeHolders', 'HOLDS_ROLE', 'INCOMING', 'People who hold a title in it.');
relationField(Country, 'memberships', 'MEMBER_OF', 'OUTGOING', 'Organizations it is a member of.');

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description:
      'An entity by its stable key; a key that names none is an error (BAD_USER_INPUT) suggesting the closest entities.',
    args: {
      key: t.arg.string({ required: true, description: 'The entity key, e.g. "country:north-korea".' }),
    },
    resolve: async (_r, { key }, ctx, info) => {
      const found = await rootNode(ctx, info, 'Entity', key);
      // A key that names nothing is the client's mistake: an error that suggests the closest.
      if (!found) throw await unknownEntity(ctx, key, 'key');
      return found;
    },
  }),
  entities: t.connection(
    {
      type: EntityRef,
      description: 'All entities, by type and then name, or as `orderBy` says.',
      args: {
        types: t.arg({ type: [EntityType], required: false, description: 'Only these types.' }),
        ...entityOrderArg(t.arg),
      },
      resolve: async (_r, args, ctx, info) => {
        const source = entities(args.types?.length ? args.types : ENTITY_TYPES.values);
        const order = ENTITY_ORDERS[args.orderBy ?? 'TYPE_NAME'];
        const page = await rootConnection<EntityRow>(ctx, info, source, order, args);
        return withFacets(page, { source, participant: null });
      },
    },
    { fields: (c) => ({ facets: c.field(facetsField(EntityFacets)) }) },
  ),
}));
