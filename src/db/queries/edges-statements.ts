// The relationships followed from a claim or an event: who takes part and in which role, who
// asserts or reports it, its quotes, where it happens, what it is part of, how claims link.
import { CLAIM_LINK_TYPES, type ClaimLinkType, RETIRED_CLAIM_LINK } from '../../vocabulary.js';
import { BY_ID, DIRECTION, LINK_ORDER, ROLE_THEN_ID, TEXT, TIME } from './edge-orders.js';
import {
  ATTRIBUTION_PROPS,
  type Attribution,
  edge,
  NONE,
  PARTICIPATION_PROPS,
  type Participation,
} from './edge-spec.js';

// With the retired CONTRADICTS, which only the deprecated contradicts fields ask for (claim-links.ts).
const CLAIM_LINKS = [...CLAIM_LINK_TYPES.values, RETIRED_CLAIM_LINK].join('|');
const LINK_PROPS = { type: 'type(r)', direction: DIRECTION } as const;

type Link = { type: ClaimLinkType; direction: 'OUTGOING' | 'INCOMING' };

export const CLAIM_EDGES = {
  claimParticipants: edge<'Claim', 'Entity', Participation>()({
    from: 'Claim',
    to: 'Entity',
    pattern: '-[r:PARTICIPANT]->',
    props: PARTICIPATION_PROPS,
    grouped: false,
    order: ROLE_THEN_ID,
  }),
  claimAttributions: edge<'Claim', 'Entity', Attribution>()({
    from: 'Claim',
    to: 'Entity',
    pattern: '-[r:ATTRIBUTED_TO]->',
    props: ATTRIBUTION_PROPS,
    grouped: false,
    order: BY_ID,
  }),
  claimEvidence: edge<'Claim', 'Evidence'>()({
    from: 'Claim',
    to: 'Evidence',
    pattern: '-[r:EVIDENCED_BY]->',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
  claimAbout: edge<'Claim', 'Event'>()({
    from: 'Claim',
    to: 'Event',
    pattern: '-[r:ABOUT]->',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  claimLinks: edge<'Claim', 'Claim', Link>()({
    from: 'Claim',
    to: 'Claim',
    pattern: `-[r:${CLAIM_LINKS}]-`,
    props: LINK_PROPS,
    grouped: false,
    order: LINK_ORDER,
  }),
};

export const EVENT_EDGES = {
  eventParticipants: edge<'Event', 'Entity', Participation>()({
    from: 'Event',
    to: 'Entity',
    pattern: '-[r:PARTICIPANT]->',
    props: PARTICIPATION_PROPS,
    grouped: false,
    order: ROLE_THEN_ID,
  }),
  eventReportedBy: edge<'Event', 'Entity', Attribution>()({
    from: 'Event',
    to: 'Entity',
    pattern: '-[r:REPORTED_BY]->',
    props: ATTRIBUTION_PROPS,
    grouped: false,
    order: BY_ID,
  }),
  eventEvidence: edge<'Event', 'Evidence'>()({
    from: 'Event',
    to: 'Evidence',
    pattern: '-[r:EVIDENCED_BY]->',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
  eventLocation: edge<'Event', 'Entity'>()({
    from: 'Event',
    to: 'Entity',
    pattern: '-[r:AT]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  eventPartOf: edge<'Event', 'Event'>()({
    from: 'Event',
    to: 'Event',
    pattern: '-[r:PART_OF]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  eventParts: edge<'Event', 'Event'>()({
    from: 'Event',
    to: 'Event',
    pattern: '<-[r:PART_OF]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  eventClaims: edge<'Event', 'Claim'>()({
    from: 'Event',
    to: 'Claim',
    pattern: '<-[r:ABOUT]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
};
