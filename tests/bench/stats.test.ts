// The bench's arithmetic: percentiles, the plan of a throttled batch (the queue's own gaps),
// each send's deviation from it, peaks of sampled memory, and which items `--only` selects.
import { describe, expect, it } from 'vitest';
import { onlyItems } from '../../bench/report';
import { deviation, followingTimes, mean, peak, percentile, plannedTimes } from '../../bench/stats';

describe('bench stats', () => {
  it('takes nearest-rank percentiles, whatever the order of the samples', () => {
    const samples = [9, 1, 5, 3, 7, 2, 8, 4, 10, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
    expect(mean([1, 2, 3, 6])).toBe(3);
  });

  it('plans 30 messages at 2 s with 10 s after every 10: 27 intervals and 2 long pauses', () => {
    const throttle = { intervalMs: 2000, pauseEvery: 10, pauseMs: 10_000, slowdown: 1 };
    const plan = plannedTimes(30, throttle, 1_000);
    expect(plan).toHaveLength(30);
    expect(plan[0]).toBe(1_000);
    expect(plan[9]! - plan[8]!).toBe(2000);
    expect(plan[10]! - plan[9]!).toBe(10_000);
    expect(plan[20]! - plan[19]!).toBe(10_000);
    expect(plan[29]! - plan[0]!).toBe(27 * 2000 + 2 * 10_000);
    // A slowed-down batch (the server asked) doubles the interval.
    expect(plannedTimes(3, { ...throttle, slowdown: 2 }, 0)).toEqual([0, 4000, 8000]);
  });

  it('measures each send against its plan: mean and max of the absolute gap, worst with its sign', () => {
    const planned = [0, 2000, 4000, 6000];
    // Received out of order by the listener: sorted before pairing.
    const actual = [2030, 10, 6100, 3950];
    expect(deviation(actual, planned)).toEqual({ meanMs: 47.5, maxMs: 100, worstSignedMs: 100 });
    expect(deviation([0, 1900], [0, 2000]).worstSignedMs).toBe(-100);
    expect(() => deviation([1, 2], [1])).toThrow('2 envois pour 1 prévus');
  });

  it('plans each message from the one before, so one late send does not make the rest late', () => {
    const throttle = { intervalMs: 2000, pauseEvery: 2, pauseMs: 10_000, slowdown: 1 };
    const actual = [50, 2300, 12_300, 14_310];
    const following = followingTimes(actual, throttle, 0);
    expect(following).toEqual([0, 2050, 12_300, 14_300]);
    expect(deviation(actual, following)).toEqual({ meanMs: 77.5, maxMs: 250, worstSignedMs: 250 });
  });

  it('keeps the peak of RSS and heap apart, as they need not peak together', () => {
    expect(
      peak([
        { rss: 100, heapUsed: 30 },
        { rss: 120, heapUsed: 25 },
        { rss: 110, heapUsed: 40 },
      ]),
    ).toEqual({ rss: 120, heapUsed: 40 });
  });

  it('selects items by --only, --only=, or a bare name, and refuses an unknown one', () => {
    const known = ['pdf', 'pipeline', 'memory', 'throttle'];
    expect(onlyItems([], known)).toBeNull();
    expect(onlyItems(['--only', 'pipeline,memory'], known)).toEqual(['pipeline', 'memory']);
    expect(onlyItems(['--only=throttle'], known)).toEqual(['throttle']);
    expect(onlyItems(['pdf'], known)).toEqual(['pdf']);
    expect(() => onlyItems(['--only', 'pipelin'], known)).toThrow('inconnu pipelin');
  });
});
