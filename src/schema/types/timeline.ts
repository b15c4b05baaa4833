// Events and claims in time order, for one entity or for all.

import { TIMELINE_ORDER, timeline } from '../../db/queries/graph.js';
import { type ClaimRow, DATE_KEYS, type EventRow } from '../../db/queries/rows.js';
import { builder } from '../builder.js';
import { entityOrThrow } from '../keys.js';
import { rootConnection } from '../lists.js';
import { CLAIM_TYPES } from './claim.js';
import { PartialDate, partialDate } from './common.js';
import { calendarDate, DATE_HINT, dateRange, datesInOrder } from './filters.js';
import { EventRef } from './refs.js';

type TimelineRow = EventRow | ClaimRow;

/** What each field of an entry reads of its row, which is its item's. */
const ENTRY_READS: Readonly<Record<string, readonly string[]>> = {
  date: DATE_KEYS,
  sortDate: ['sortDate'],
  item: [],
};

const TimelineItem = builder.unionType('TimelineItem', {
  description: 'An event or a claim on a timeline.',
  types: [EventRef, ...CLAIM_TYPES],
  resolveType: (row) => row.__type,
});

const TimelineEntry = builder.objectRef<TimelineRow>('TimelineEntry').implement({
  description: 'One point of a timeline.',
  fields: (t) => ({
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When, with its precision; null for an undated claim (placed at its article’s date).',
      resolve: (row) => partialDate(row),
    }),
    sortDate: t.string({ description: 'The day it sorts by (YYYY-MM-DD).', resolve: (row) => row.sortDate }),
    item: t.field({ type: TimelineItem, description: 'The event or claim.', resolve: (row) => row }),
  }),
});

builder.queryField('timeline', (t) =>
  t.connection(
    {
      type: TimelineEntry,
      description: 'Events and claims in time order, for one entity or for all, within a date range.',
      args: {
        entity: t.arg.string({
          required: false,
          description: 'Only what this entity takes part in, asserts or reports.',
        }),
        from: t.arg.string({
          required: false,
          description: `From this date (${DATE_HINT}).`,
          validate: calendarDate,
        }),
        to: t.arg.string({
          required: false,
          description: `Up to this date (${DATE_HINT}).`,
          validate: calendarDate,
        }),
      },
      validate: datesInOrder,
      resolve: async (_r, args, ctx, info) => {
        const range = dateRange(args.from, args.to);
        const page = await rootConnection<TimelineRow>(
          ctx,
          info,
          timeline({
            entity: args.entity ?? null,
            from: range.from ?? '0001-01-01',
            to: range.to ?? '9999-12-31',
          }),
          TIMELINE_ORDER,
          args,
          ['edges', 'node', 'item'],
          ENTRY_READS,
        );
        // An empty page may mean a key that names nothing: that is the client's mistake, said so.
        if (page.edges.length === 0 && args.entity) await entityOrThrow(ctx, args.entity, 'entity');
        return page;
      },
    },
    { name: 'TimelineConnection', description: 'Events and claims in time order.' },
    { name: 'TimelineEdge', description: 'A point of the timeline.' },
  ),
);
