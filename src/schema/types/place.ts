// Countries and locations are Places: they contain one another, and events happen at them.

import { EDGES } from '../../db/queries/edges.js';
import { containingPlaces } from '../../graph/places.js';
import { builder } from '../builder.js';
import { EdgeFieldHandle, edgeField } from '../edges.js';
import { EntityOrder } from '../enums.js';
import { EntityFacets, EventFacets, facetsField } from '../facets.js';
import { entityOrder, statementOrder, statementOrderArg } from './filters.js';
import { EntityRef, EventRef, PlaceRef } from './refs.js';

const contains = edgeField('Place', 'contains', 'entityContents', {
  connection: true,
  order: entityOrder(EDGES.entityContents.order),
});
const eventsHere = edgeField('Place', 'eventsHere', 'entityEventsHere', {
  connection: true,
  order: statementOrder,
});
// Walking up reads one level per statement, the places of a level together; not compiled.
const within = new EdgeFieldHandle('entityRelations', false, () => LOCATED_IN_OUTGOING, []);
const LOCATED_IN_OUTGOING = { direction: 'OUTGOING', relationTypes: ['LOCATED_IN'] } as const;

builder.interfaceType(PlaceRef, {
  description: 'A country or a location: places contain one another.',
  interfaces: [builder.nodeInterfaceRef(), EntityRef],
  resolveType: (e) => e.__type,
  fields: (t) => ({
    containedIn: t.field({
      type: [PlaceRef],
      description: 'The places this one lies in, nearest first, up to the country.',
      resolve: (e, _a, ctx, info) => containingPlaces(e, (place) => within.nodes(ctx, info, place, {})),
    }),
    contains: t.connection(
      {
        type: EntityRef,
        description:
          'What lies directly in this place: places and organizations, each once, by key or as `orderBy` says.',
        args: {
          orderBy: t.arg({
            type: EntityOrder,
            required: false,
            description: 'How to sort them; by key when left out.',
          }),
        },
        resolve: (e, args, ctx, info) => contains.page(ctx, info, e, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(EntityFacets)) }) },
    ),
    eventsHere: t.connection(
      {
        type: EventRef,
        description: 'Events that took place here, in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
        },
        resolve: (e, args, ctx, info) => eventsHere.page(ctx, info, e, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(EventFacets)) }) },
    ),
  }),
});
