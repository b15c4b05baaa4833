// The vocabularies a client filters by (entity types, claim kinds and statuses, event kinds and
// statuses, roles, relation types), each value with how often the graph uses it.
import { type VocabularyName, vocabularyCounts } from '../../db/queries/vocabulary.js';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  ENTITY_TYPES,
  EVENT_STATUSES,
  RELATION_TYPES,
  ROLES,
  type Vocabulary as VocabularyList,
} from '../../vocabulary.js';
import { builder } from '../builder.js';

interface TermShape {
  value: string;
  description: string | null;
  count: number;
}

const VocabularyTerm = builder.objectRef<TermShape>('VocabularyTerm').implement({
  description: 'One value of a vocabulary and how often the graph uses it.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The value, as filters take it.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it means.' }),
    count: t.exposeInt('count', {
      description:
        'How many entities, claims or events have it; for roles and relation types, how many relationships.',
    }),
  }),
});

const Vocabulary = builder.objectRef<object>('Vocabulary').implement({
  description: 'The values filters take, with counts; each list is counted only when selected.',
  fields: (t) => {
    const list = (name: VocabularyName, description: string, closed?: VocabularyList<string>) =>
      t.field({
        type: [VocabularyTerm],
        description,
        resolve: async (_v, _a, ctx) => {
          const counts = new Map(
            (await ctx.db.read(vocabularyCounts(name))).map((r) => [r.value, Number(r.count)]),
          );
          // A closed list shows every value, used or not, in its own order; an open one what is used.
          const values = closed ? [...closed.values] : [...counts.keys()];
          return values.map((value) => ({
            value,
            description: closed ? (closed.descriptions[value] ?? null) : null,
            count: counts.get(value) ?? 0,
          }));
        },
      });
    return {
      entityTypes: list(
        'entityTypes',
        'Entity types (`EntityType`), with the number of entities.',
        ENTITY_TYPES,
      ),
      claimKinds: list('claimKinds', 'Claim kinds (`ClaimKind`), with the number of claims.', CLAIM_KINDS),
      claimStatuses: list(
        'claimStatuses',
        'Claim statuses (`ClaimStatus`), with the number of claims.',
        CLAIM_STATUSES,
      ),
      eventKinds: list(
        'eventKinds',
        'Event kinds the graph holds (an open list: articles bring new ones), with the number of events. Filters take them in any case.',
      ),
      eventStatuses: list(
        'eventStatuses',
        'Event statuses (`EventStatus`), with the number of events.',
        EVENT_STATUSES,
      ),
      roles: list(
        'roles',
        'Roles (`Role`) of participants in events and claims, with the number of participations.',
        ROLES,
      ),
      relationTypes: list(
        'relationTypes',
        'Relations between entities (`RelationType`), with the number stated.',
        RELATION_TYPES,
      ),
    };
  },
});

builder.queryField('vocabulary', (t) =>
  t.field({
    type: Vocabulary,
    description:
      'Which entity types, claim kinds and statuses, event kinds and statuses and roles exist, with counts.',
    resolve: () => ({}),
  }),
);
