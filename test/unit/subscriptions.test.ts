// The per-subscriber queue: bounded in changes, a subscriber that falls behind is dropped with one
// last message, notices pass through, shutdown ends streams after what is queued.
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/bus.js';
import type { ArticleChange, StatementChange } from '../../src/events/changes.js';
import { Subscriptions } from '../../src/events/subscriptions.js';
import { Metrics } from '../../src/observability/metrics.js';

const claim = (key: string): StatementChange => ({
  key,
  of: 'Claim',
  action: 'CREATED',
  kind: 'Statement',
  status: 'ASSERTED',
  sourceCount: 1,
  participants: [],
});
const change = (articleKey: string, claims = 0): ArticleChange => ({
  articleKey,
  action: 'CREATED',
  at: '2026-11-26T00:00:00.000Z',
  statements: Array.from({ length: claims }, (_, i) => claim(`${articleKey}/c${i}`)),
});

describe('a subscription stream', () => {
  it('holds as many changes as its queue, however many messages each makes', async () => {
    const bus = new EventBus();
    const subs = new Subscriptions(bus, { queueSize: 2, killAfterMs: 1_000 });
    const stream = subs.stream({ name: 'sse' }, (c) => c.statements);
    await bus.publish(change('a', 3));
    await bus.publish(change('b', 3));
    const keys = [];
    for (let i = 0; i < 6; i++)
      keys.push(((await stream.next()).value as { value: StatementChange }).value.key);
    expect(keys).toEqual(['a/c0', 'a/c1', 'a/c2', 'b/c0', 'b/c1', 'b/c2']);
    await stream.return?.();
    expect(subs.active).toBe(0);
  });

  it('drops a subscriber that falls behind: one last message saying how much it lost, then the end', async () => {
    const bus = new EventBus();
    const metrics = new Metrics();
    const subs = new Subscriptions(bus, { queueSize: 2, killAfterMs: 60_000, metrics });
    const slow = subs.stream({ name: 'ws' }, (c) => [c.articleKey]);
    const other = subs.stream({ name: 'ws' }, (c) => [c.articleKey]);
    for (const key of ['a', 'b', 'c']) await bus.publish(change(key));
    expect(await slow.next()).toEqual({ value: { dropped: 3 }, done: false });
    expect((await slow.next()).done).toBe(true);
    // The other was just as slow here; it too is dropped, independently.
    expect(await other.next()).toEqual({ value: { dropped: 3 }, done: false });
    const text = (await metrics.text()).body;
    expect(text).toMatch(/newsgraph_subscribers_dropped_total\{transport="ws"\} 2/);
    expect(text).toMatch(/newsgraph_events_dropped_total 6/);
  });

  it('cuts the connection of a dropped subscriber that does not take its last message', async () => {
    const bus = new EventBus();
    let killed = false;
    const subs = new Subscriptions(bus, { queueSize: 1, killAfterMs: 10 });
    subs.stream({ name: 'sse', kill: () => (killed = true) }, (c) => [c.articleKey]);
    await bus.publish(change('a'));
    await bus.publish(change('b'));
    await new Promise((r) => setTimeout(r, 200));
    expect(killed).toBe(true);
    expect(subs.active).toBe(0);
  });

  it('ends after what is queued at shutdown, and a stream opened later ends at once', async () => {
    const bus = new EventBus();
    const subs = new Subscriptions(bus, { queueSize: 10, killAfterMs: 1_000 });
    const stream = subs.stream({ name: 'sse' }, (c) => [c.articleKey]);
    await bus.publish(change('a'));
    subs.endAll();
    await bus.publish(change('b'));
    expect(await stream.next()).toEqual({ value: { value: 'a' }, done: false });
    expect((await stream.next()).done).toBe(true);
    expect(subs.active).toBe(0);
    const late = subs.stream({ name: 'sse' }, (c) => [c.articleKey]);
    expect((await late.next()).done).toBe(true);
  });
});
