// Subscriptions: articles ingested, replaced or removed, and the claims and events that changed
// with them, filtered as a client needs them. Served over SSE and over WebSocket (graphql-ws),
// on this instance and, through Redis, from every other one (src/events).

import { type Context, Loaders } from '../../context.js';
import { badUserInput, eventsNotice, subscriberTooSlow } from '../../errors.js';
import type {
  ArticleChange,
  ClaimChange as ClaimChangeData,
  EventChange as EventChangeData,
  StatementChange,
} from '../../events/changes.js';
import type { Delivery } from '../../events/subscriptions.js';
import { builder } from '../builder.js';
import { loadNode } from '../edges.js';
import { ClaimKind, ClaimStatus, EventStatus } from '../enums.js';
import { ENTITY_KEY_HINT } from './filters.js';
import { ArticleRef, ClaimRef, EventRef } from './refs.js';

const ArticleAction = builder.enumType('ArticleAction', {
  description: 'What happened to an article.',
  values: {
    CREATED: { value: 'CREATED', description: 'It was ingested for the first time.' },
    REPLACED: { value: 'REPLACED', description: 'A changed version replaced it.' },
    REMOVED: { value: 'REMOVED', description: 'It was taken out of the graph.' },
  },
});

const StatementAction = builder.enumType('StatementAction', {
  description: 'What a change to an article did to a claim or an event.',
  values: {
    CREATED: { value: 'CREATED', description: 'It is new to the graph.' },
    CHANGED: {
      value: 'CHANGED',
      description: 'It was there, reported by other articles too, and gained or lost a report.',
    },
    REMOVED: { value: 'REMOVED', description: 'No article reports it any more: it is gone.' },
  },
});

/** A statement's change, with the article change that made it. */
interface StatementChangeShape<C extends StatementChange = StatementChange> {
  change: C;
  article: ArticleChange;
}

const StatementChangeRef = builder.interfaceRef<StatementChangeShape>('StatementChange').implement({
  description: 'A claim or an event created, changed or removed by an article’s ingestion or removal.',
  resolveType: (s) => (s.change.of === 'Claim' ? 'ClaimChange' : 'EventChange'),
  fields: (t) => ({
    action: t.field({
      type: StatementAction,
      description: 'What the change did to it.',
      resolve: (s) => s.change.action,
    }),
    key: t.string({ description: 'Its stable key.', resolve: (s) => s.change.key }),
    sourceCount: t.int({
      description: 'How many articles report it now (before it went, when removed).',
      resolve: (s) => s.change.sourceCount,
    }),
    participantKeys: t.stringList({
      description: 'Keys of the entities that take part in it.',
      resolve: (s) => s.change.participants,
    }),
    articleKey: t.string({
      description: 'The article whose ingestion or removal made the change.',
      resolve: (s) => s.article.articleKey,
    }),
    articleAction: t.field({
      type: ArticleAction,
      description: 'What happened to that article.',
      resolve: (s) => s.article.action,
    }),
    at: t.string({ description: 'When the change was made (ISO 8601).', resolve: (s) => s.article.at }),
  }),
});

const ClaimChange = builder.objectRef<StatementChangeShape<ClaimChangeData>>('ClaimChange').implement({
  description: 'A claim created, changed or removed by an article’s ingestion or removal.',
  interfaces: [StatementChangeRef],
  fields: (t) => ({
    kind: t.field({
      type: ClaimKind,
      description: 'What sort of claim.',
      resolve: (s) => s.change.kind,
    }),
    status: t.field({
      type: ClaimStatus,
      description: 'How sure its source is.',
      resolve: (s) => s.change.status,
    }),
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'The claim as it is now; null once removed.',
      resolve: (s, _a, ctx) => (s.change.action === 'REMOVED' ? null : loadNode(ctx, 'Claim', s.change.key)),
    }),
  }),
});

const EventChange = builder.objectRef<StatementChangeShape<EventChangeData>>('EventChange').implement({
  description: 'An event created, changed or removed by an article’s ingestion or removal.',
  interfaces: [StatementChangeRef],
  fields: (t) => ({
    kind: t.string({
      description: 'What sort of event ("Visit", "Ceremony").',
      resolve: (s) => s.change.kind,
    }),
    status: t.field({
      type: EventStatus,
      description: 'Whether it has happened.',
      resolve: (s) => s.change.status,
    }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The event as it is now; null once removed.',
      resolve: (s, _a, ctx) => (s.change.action === 'REMOVED' ? null : loadNode(ctx, 'Event', s.change.key)),
    }),
  }),
});

const claimsOf = (change: ArticleChange): StatementChangeShape<ClaimChangeData>[] =>
  change.statements.flatMap((s) => (s.of === 'Claim' ? [{ change: s, article: change }] : []));

const eventsOf = (change: ArticleChange): StatementChangeShape<EventChangeData>[] =>
  change.statements.flatMap((s) => (s.of === 'Event' ? [{ change: s, article: change }] : []));

const ArticleChangeRef = builder.objectRef<ArticleChange>('ArticleChange').implement({
  description: 'An article ingested, replaced or removed, with the claims and events that changed with it.',
  fields: (t) => ({
    action: t.field({ type: ArticleAction, description: 'What happened.', resolve: (a) => a.action }),
    articleKey: t.exposeString('articleKey', { description: 'The article’s key.' }),
    at: t.exposeString('at', { description: 'When it happened (ISO 8601).' }),
    bookmark: t.string({
      nullable: true,
      description:
        'Bookmark of the write (see `ingestArticle`): the objects in this message are read after it; pass it in ' +
        '`Neo4j-Bookmark` to read the write in later queries. Null when the change came from the command line.',
      resolve: (a) => a.bookmark ?? null,
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article as it is now; null once removed.',
      resolve: (a, _a, ctx) => (a.action === 'REMOVED' ? null : loadNode(ctx, 'Article', a.articleKey)),
    }),
    claims: t.field({
      type: [ClaimChange],
      description: 'The claims created, changed or removed.',
      resolve: (a) => claimsOf(a),
    }),
    events: t.field({
      type: [EventChange],
      description: 'The events created, changed or removed.',
      resolve: (a) => eventsOf(a),
    }),
  }),
});

const ArticleChangeFilter = builder.inputType('ArticleChangeFilter', {
  description: 'Narrows article changes; all given conditions must hold.',
  fields: (t) => ({
    keys: t.stringList({ required: false, description: 'Only these articles.' }),
    actions: t.field({ type: [ArticleAction], required: false, description: 'Only these actions.' }),
  }),
});

const PARTICIPANTS = `Only those at least one of these entities takes part in. ${ENTITY_KEY_HINT}`;
const MIN_SOURCES = 'Only those reported by at least this many articles (1 or more).';

const ClaimChangeFilter = builder.inputType('ClaimChangeFilter', {
  description: 'Narrows claim changes; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [ClaimKind], required: false, description: 'Only these kinds.' }),
    statuses: t.field({ type: [ClaimStatus], required: false, description: 'Only these statuses.' }),
    participants: t.stringList({ required: false, description: PARTICIPANTS }),
    minSources: t.int({ required: false, description: MIN_SOURCES }),
    actions: t.field({ type: [StatementAction], required: false, description: 'Only these actions.' }),
  }),
});

const EventChangeFilter = builder.inputType('EventChangeFilter', {
  description: 'Narrows event changes; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.stringList({ required: false, description: 'Only these kinds ("Visit", "Ceremony").' }),
    statuses: t.field({ type: [EventStatus], required: false, description: 'Only these statuses.' }),
    participants: t.stringList({ required: false, description: PARTICIPANTS }),
    minSources: t.int({ required: false, description: MIN_SOURCES }),
    actions: t.field({ type: [StatementAction], required: false, description: 'Only these actions.' }),
  }),
});

interface StatementFilter {
  kinds?: readonly string[] | null;
  statuses?: readonly string[] | null;
  participants?: readonly string[] | null;
  minSources?: number | null;
  actions?: readonly string[] | null;
}

const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  Array.isArray(list) && list.length > 0;

/** Whether a statement change passes the filter; checked when subscribing (minSources). */
export function statementMatches(filter: StatementFilter | null | undefined, s: StatementChange): boolean {
  if (!filter) return true;
  if (given(filter.kinds) && !filter.kinds.includes(s.kind)) return false;
  if (given(filter.statuses) && !filter.statuses.includes(s.status)) return false;
  if (given(filter.actions) && !filter.actions.includes(s.action)) return false;
  if (given(filter.participants) && !filter.participants.some((p) => s.participants.includes(p)))
    return false;
  if (filter.minSources != null && s.sourceCount < filter.minSources) return false;
  return true;
}

function checkMinSources(filter: StatementFilter | null | undefined): void {
  if (filter?.minSources != null && filter.minSources < 1) {
    throw badUserInput(`"filter.minSources" must be 1 or more (got ${filter.minSources})`, 'filter');
  }
}

/**
 * The value of one delivery. Each is read with loaders of its own: a subscription's context lives
 * as long as the subscription, and what it loaded for an earlier change is stale by now.
 */
function delivered<T>(delivery: Delivery<T>, ctx: Context, bookmark: (value: T) => string | undefined): T {
  if ('dropped' in delivery) throw subscriberTooSlow(delivery.dropped);
  if ('notice' in delivery) throw eventsNotice(delivery.notice.code, delivery.notice.message);
  // What the message reads waits for the write it tells of, on whichever cluster member serves it.
  const after = bookmark(delivery.value)?.split(',') ?? [];
  ctx.loaders = new Loaders(ctx.db.after(after));
  return delivery.value;
}

builder.subscriptionType({
  description:
    'Changes as they happen, over server-sent events (POST or GET /graphql with Accept: text/event-stream) ' +
    'or WebSocket (graphql-ws protocol on /graphql). Notices about the event bus arrive as errors with ' +
    'the codes EVENTS_INTERRUPTED and EVENTS_RESUMED, and the stream goes on; a subscriber too slow to ' +
    'keep up gets SUBSCRIBER_TOO_SLOW and its stream ends.',
});

builder.subscriptionFields((t) => ({
  articleChanged: t.field({
    type: ArticleChangeRef,
    description: 'Articles ingested, replaced or removed, on any instance.',
    args: { filter: t.arg({ type: ArticleChangeFilter, required: false, description: 'Conditions.' }) },
    subscribe: (_r, { filter }, ctx) =>
      ctx.subscriptions.stream(ctx.transport, (change) =>
        (!given(filter?.keys) || filter.keys.includes(change.articleKey)) &&
        (!given(filter?.actions) || filter.actions.includes(change.action))
          ? [change]
          : [],
      ),
    resolve: (delivery: Delivery<ArticleChange>, _a, ctx) => delivered(delivery, ctx, (a) => a.bookmark),
  }),
  claimsChanged: t.field({
    type: ClaimChange,
    description: 'Claims created, changed or removed, one message per claim, on any instance.',
    args: { filter: t.arg({ type: ClaimChangeFilter, required: false, description: 'Conditions.' }) },
    subscribe: (_r, { filter }, ctx) => {
      checkMinSources(filter);
      return ctx.subscriptions.stream(ctx.transport, (change) =>
        claimsOf(change).filter((s) => statementMatches(filter, s.change)),
      );
    },
    resolve: (delivery: Delivery<StatementChangeShape<ClaimChangeData>>, _a, ctx) =>
      delivered(delivery, ctx, (s) => s.article.bookmark),
  }),
  eventsChanged: t.field({
    type: EventChange,
    description: 'Events created, changed or removed, one message per event, on any instance.',
    args: { filter: t.arg({ type: EventChangeFilter, required: false, description: 'Conditions.' }) },
    subscribe: (_r, { filter }, ctx) => {
      checkMinSources(filter);
      return ctx.subscriptions.stream(ctx.transport, (change) =>
        eventsOf(change).filter((s) => statementMatches(filter, s.change)),
      );
    },
    resolve: (delivery: Delivery<StatementChangeShape<EventChangeData>>, _a, ctx) =>
      delivered(delivery, ctx, (s) => s.article.bookmark),
  }),
}));
