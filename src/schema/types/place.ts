// Countries and locations are Places: they contain one another, and events happen at them.
import { containingPlaces } from '../../graph/places.js';
import { builder } from '../builder.js';
import { edgeConnection, edgeNodes } from '../edges.js';
import { EntityRef, EventRef, PlaceRef } from './refs.js';

builder.interfaceType(PlaceRef, {
  description: 'A country or a location: places contain one another.',
  interfaces: [builder.nodeInterfaceRef(), EntityRef],
  resolveType: (e) => e.type,
  fields: (t) => ({
    containedIn: t.field({
      type: [PlaceRef],
      description: 'The places this one lies in, nearest first, up to the country.',
      resolve: (e, _a, ctx) =>
        containingPlaces(e, (place) =>
          edgeNodes(ctx, 'entityRelations', place.id, {
            direction: 'OUTGOING',
            relationTypes: ['LOCATED_IN'],
          }),
        ),
    }),
    contains: t.connection({
      type: EntityRef,
      description: 'What lies directly in this place: places and organizations, each once.',
      resolve: (e, args, ctx, info) => edgeConnection(ctx, info, 'entityContents', e.id, args),
    }),
    eventsHere: t.connection({
      type: EventRef,
      description: 'Events that took place here, in time order.',
      resolve: (e, args, ctx, info) => edgeConnection(ctx, info, 'entityEventsHere', e.id, args),
    }),
  }),
});
