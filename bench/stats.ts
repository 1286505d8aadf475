// The arithmetic of the benches, pure so it is unit-tested (tests/bench/stats.test.ts):
// percentiles, the planned times of a throttled batch (from its start, or each from the message
// before) and each send's deviation from them, and the peak of sampled memory.
import { gapAfter, type BatchThrottle } from '../src/main/mail/queue/throttle';

/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? NaN : samples.reduce((a, b) => a + b, 0) / samples.length;
}

/**
 * When each of `count` messages should leave at this pace, the first at `start`: the gaps the
 * queue's own gapAfter gives (interval, and the long pause after every N), so the plan is the
 * product's promise, not a re-implementation of it.
 */
export function plannedTimes(count: number, throttle: BatchThrottle, start: number): number[] {
  const times: number[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (i > 0) at += gapAfter(i, throttle);
    times.push(at);
  }
  return times;
}

/**
 * When each message was due by the queue's own rule — the previous one's time plus its gap —
 * from the times it really left: the pace's local fidelity, without the drift of the whole batch.
 */
export function followingTimes(
  actual: readonly number[],
  throttle: BatchThrottle,
  start: number,
): number[] {
  const sorted = [...actual].sort((a, b) => a - b);
  return sorted.map((_, i) =>
    i === 0 ? start : (sorted[i - 1] as number) + gapAfter(i, throttle),
  );
}

export interface Deviation {
  /** Mean of |actual − planned| (ms). */
  meanMs: number;
  /** Largest |actual − planned| (ms). */
  maxMs: number;
  /** Largest actual − planned with its sign: > 0 late, < 0 early (ms). */
  worstSignedMs: number;
}

/** Each actual time (sorted) against its planned time, in order. */
export function deviation(actual: readonly number[], planned: readonly number[]): Deviation {
  if (actual.length !== planned.length) {
    throw new Error(`${actual.length} envois pour ${planned.length} prévus`);
  }
  const sorted = [...actual].sort((a, b) => a - b);
  const signed = sorted.map((at, i) => at - (planned[i] as number));
  const absolute = signed.map(Math.abs);
  const maxMs = Math.max(0, ...absolute);
  return {
    meanMs: mean(absolute),
    maxMs,
    worstSignedMs: signed[absolute.indexOf(maxMs)] ?? 0,
  };
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
}

/** The largest RSS and heap seen (each on its own: they need not peak together). */
export function peak(samples: readonly MemorySample[]): MemorySample {
  return {
    rss: Math.max(0, ...samples.map((s) => s.rss)),
    heapUsed: Math.max(0, ...samples.map((s) => s.heapUsed)),
  };
}
