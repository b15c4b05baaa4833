// `nodes(ids:)`: each id is fetched on its own terms. A malformed id is null at its position with
// an error whose path names that position; the other objects come back as if it were not there.
import { resolveNodes } from '@pothos/plugin-relay';
import { builder, decodeNodeId } from '../builder.js';

builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      'Fetches several objects by their global ids, in the same order. An id that is not a global id of ' +
      'this API gives null at its position and an error with that position in its path; an id of an ' +
      'object that does not exist gives null.',
    args: { ids: t.arg.idList({ required: true, description: 'Global ids, as returned in `id` fields.' }) },
    resolve: async (_root, { ids }, ctx, info) => {
      const decoded = ids.map((id, i) => {
        try {
          return decodeNodeId(String(id), `ids[${i}]`);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      });
      const found = await resolveNodes(
        builder,
        ctx,
        info,
        decoded.map((d) => (d instanceof Error ? null : d)),
      );
      // graphql-js turns an Error in a list into null at that index, with the error at its path.
      return decoded.map((d, i) => (d instanceof Error ? d : found[i])) as never;
    },
  }),
);
