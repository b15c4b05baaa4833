// The relationships followed from a statement to its reports (one per article that reports it),
// and from a report to what its article says: its quotes, its sources, its participants.
import { BY_ID, ROLE_THEN_ID, TEXT } from './edge-orders.js';
import {
  ATTRIBUTION_PROPS,
  type Attribution,
  edge,
  NONE,
  PARTICIPATION_PROPS,
  type Participation,
} from './edge-spec.js';
import type { Order } from './order.js';

/** Reports in the order that makes the first one give the statement its key: earliest article first. */
const RANK: Order = {
  name: 'RANK',
  keys: [
    { expr: 'y.rank', type: 'string' },
    { expr: 'y.id', type: 'string' },
  ],
};

export const REPORT_EDGES = {
  eventReports: edge<'Event', 'Report'>()({
    from: 'Event',
    to: 'Report',
    pattern: '<-[r:REPORTS]-',
    props: NONE,
    grouped: false,
    order: RANK,
  }),
  claimReports: edge<'Claim', 'Report'>()({
    from: 'Claim',
    to: 'Report',
    pattern: '<-[r:REPORTS]-',
    props: NONE,
    grouped: false,
    order: RANK,
  }),
  reportEvidence: edge<'Report', 'Evidence'>()({
    from: 'Report',
    to: 'Evidence',
    pattern: '-[r:QUOTES]->',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
  reportSources: edge<'Report', 'Entity', Attribution>()({
    from: 'Report',
    to: 'Entity',
    pattern: '-[r:ACCORDING_TO]->',
    props: ATTRIBUTION_PROPS,
    grouped: false,
    order: BY_ID,
  }),
  reportParticipants: edge<'Report', 'Entity', Participation>()({
    from: 'Report',
    to: 'Entity',
    pattern: '-[r:INVOLVES]->',
    props: PARTICIPATION_PROPS,
    grouped: false,
    order: ROLE_THEN_ID,
  }),
};
