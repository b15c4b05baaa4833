// The GraphQL enums, each built from its list in src/vocabulary.ts with that list's descriptions.
import {
  CLAIM_KINDS,
  CLAIM_LINK_TYPES,
  CLAIM_STATUSES,
  DATE_PRECISIONS,
  DIRECTIONS,
  DISTANCE_BOUNDS,
  DISTANCE_UNITS,
  ENTITY_TYPES,
  EVENT_STATUSES,
  MANNERS,
  RELATION_TYPES,
  ROLES,
  SEMANTIC_RELATIONSHIPS,
  type Vocabulary,
} from '../vocabulary.js';
import { builder } from './builder.js';

/** The values of a GraphQL enum, each with its description, keyed by value as Pothos wants them. */
export function enumValues<V extends string>(
  names: readonly V[],
  describe: (value: V) => string,
): Record<V, { value: V; description: string }> {
  // Filled for every value by the loop below (an object built key by key has no other typing).
  const values = {} as Record<V, { value: V; description: string }>;
  for (const value of names) values[value] = { value, description: describe(value) };
  return values;
}

function enumOf<V extends string>(name: string, description: string, vocabulary: Vocabulary<V>) {
  const values = enumValues(vocabulary.values, (v) => vocabulary.descriptions[v]);
  return builder.enumType(name, { description, values });
}

export const EntityType = enumOf('EntityType', 'The kinds of entity the graph holds.', ENTITY_TYPES);
export const ClaimKind = enumOf(
  'ClaimKind',
  'The kinds of claim: each has its own object type implementing `Claim`.',
  CLAIM_KINDS,
);
export const ClaimStatus = enumOf(
  'ClaimStatus',
  'How sure the source is of a claim (after FactBank: certainty according to the source).',
  CLAIM_STATUSES,
);
export const EventStatus = enumOf('EventStatus', 'Whether an event has happened.', EVENT_STATUSES);
export const StatementManner = enumOf(
  'StatementManner',
  'How a statement was made: in writing, aloud, through an interpreter, in a recording.',
  MANNERS,
);
export const Role = enumOf('Role', 'The part an entity plays in an event or a claim.', ROLES);
export const RelationType = enumOf('RelationType', 'Relations between entities.', RELATION_TYPES);
export const ClaimLinkType = enumOf('ClaimLinkType', 'How one claim bears on another.', CLAIM_LINK_TYPES);
export const DatePrecision = enumOf('DatePrecision', 'How precisely the text fixes a date.', DATE_PRECISIONS);
export const DistanceUnit = enumOf('DistanceUnit', 'Units of distance.', DISTANCE_UNITS);
export const DistanceBound = enumOf(
  'DistanceBound',
  'A distance given as a limit: the figure is a lower or an upper bound.',
  DISTANCE_BOUNDS,
);
export const Direction = enumOf('Direction', 'Which way to follow a relation.', DIRECTIONS);
export const RelationshipType = enumOf(
  'RelationshipType',
  'The relationships that connect entities, events and claims.',
  SEMANTIC_RELATIONSHIPS,
);

export const StatementOrder = builder.enumType('StatementOrder', {
  description: 'How a list of events or claims is sorted. Every order is stable: cursors stay valid.',
  values: {
    TIME: { description: 'Oldest first (undated claims at their article’s date), then by key.' },
    NEWEST: {
      description:
        'Newest first; on one day, dates known to the day before those known to the month or year.',
    },
    SOURCES: { description: 'Reported by the most articles first, then oldest first.' },
  } as const,
});

export const EntityOrder = builder.enumType('EntityOrder', {
  description: 'How a list of entities is sorted. Every order is stable: cursors stay valid.',
  values: {
    TYPE_NAME: { description: 'By type, then by name.' },
    NAME: { description: 'By name, whatever the case.' },
    MENTIONS: { description: 'Mentioned in the most quotes first, then by key.' },
  } as const,
});
