// When the availability probe declares Neo4j down. A probe that fails, or that gets no answer while
// no request gets one either (a stall), is an outage; a probe that is late while requests are being
// answered has met a busy Neo4j, and clients keep being served. The real faults (a killed and a
// stopped Neo4j) are in test/chaos/faults.chaos.test.ts.
import { describe, expect, it } from 'vitest';
import { Availability, type ProbeResult } from '../../src/db/availability.js';

/** A probe that answers what it is told, when it is told. */
function controlledProbe() {
  let answer: ((result: ProbeResult) => void) | undefined;
  return {
    probe: () =>
      new Promise<ProbeResult>((resolve) => {
        answer = resolve;
      }),
    answer: (result: ProbeResult) => answer?.(result),
  };
}

describe('availability', () => {
  it('a late probe while a request got its answer leaves Neo4j up and the request served', async () => {
    const { probe, answer } = controlledProbe();
    const availability = new Availability({ probe });
    const checked = availability.check();
    await expect(availability.guard(async () => 'rows')).resolves.toBe('rows');
    answer('late');
    expect(await checked).toBe(true);
    expect(availability.isUp).toBe(true);
    await expect(availability.guard(async () => 'more rows')).resolves.toBe('more rows');
  });

  it('a late probe while nothing is answered is a stall: waiting requests get DATABASE_UNAVAILABLE', async () => {
    const { probe, answer } = controlledProbe();
    const availability = new Availability({ probe });
    const waiting = availability.guard(() => new Promise<never>(() => undefined));
    const checked = availability.check();
    answer('late');
    expect(await checked).toBe(false);
    await expect(waiting).rejects.toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
    await expect(availability.guard(async () => 'rows')).rejects.toMatchObject({
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  });

  it('an answer from before the probe started does not count: a stall that follows it is found', async () => {
    const { probe, answer } = controlledProbe();
    const availability = new Availability({ probe });
    await availability.guard(async () => 'rows');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const checked = availability.check();
    answer('late');
    expect(await checked).toBe(false);
  });

  it('a failed probe is an outage even while requests are answered, and a later answer brings it back', async () => {
    const { probe, answer } = controlledProbe();
    const availability = new Availability({ probe });
    const changes: boolean[] = [];
    availability.onChange((up) => changes.push(up));
    const checked = availability.check();
    await availability.guard(async () => 'rows');
    answer('down');
    expect(await checked).toBe(false);
    const again = availability.check();
    answer('up');
    expect(await again).toBe(true);
    expect(changes).toEqual([false, true]);
  });
});
