// Root lists as Relay connections: one statement reads the page (and the count, when selected).
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { settle } from '../context.js';
import type { Order } from '../db/queries/order.js';
import { type RootSource, rootPage } from '../db/queries/pages.js';
import { type Connection, keysetConnection, keysetWindow, type PageArgs } from './pagination.js';
import { selectedFieldNames } from './selection.js';

export async function rootConnection<Node extends { id: string }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  source: RootSource,
  order: Order,
  args: PageArgs,
): Promise<Connection<Node>> {
  const { keepLast, ...window } = keysetWindow(args, order);
  const total = selectedFieldNames(info).has('totalCount');
  const request = { order, window, total };
  const [row] = await ctx.db.read(rootPage<Node>(source, request));
  const page = settle(row?.items ?? [], { ...request, filter: {} });
  const count = async () =>
    (
      await ctx.db.read(
        rootPage<Node>(source, {
          order,
          window: { limit: 0, backward: false, after: null, before: null },
          total: true,
        }),
      )
    )[0]?.total ?? 0;
  return keysetConnection(
    order,
    { ...window, keepLast },
    args,
    { items: page.items.map((i) => ({ node: i.node, keys: i.keys })), more: page.more },
    row?.total ?? count,
  );
}
