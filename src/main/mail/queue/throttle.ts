// The pace of an SMTP account, as pure functions of what the shared file records: when the next
// message may leave, how long a batch still needs, how long a temporary failure waits. The
// schedule is per account, not per workstation, so the pace holds whichever workstation holds
// the lease.
import type { Throttle } from '../../../shared/contract';

export interface AccountSchedule {
  /** When the last attempt ended (ms); 0 = never. */
  lastSendAt: number;
  /** Attempts since the account started, for the long pause after every N. */
  streak: number;
  /** Nothing leaves before this (ms), after a "slow down" reply. */
  holdUntil: number;
}

export interface BatchThrottle extends Throttle {
  slowdown: number;
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 30 * 60_000, maxAttempts: 5 };

/** The wait after the streak-th attempt before the next one. */
export function gapAfter(streak: number, throttle: BatchThrottle): number {
  const interval = throttle.intervalMs * throttle.slowdown;
  const longPause = throttle.pauseEvery > 0 && streak > 0 && streak % throttle.pauseEvery === 0;
  return longPause ? Math.max(interval, throttle.pauseMs) : interval;
}

/** The earliest time (ms) the next message may start. */
export function nextSlot(schedule: AccountSchedule, throttle: BatchThrottle): number {
  if (schedule.lastSendAt === 0) return schedule.holdUntil;
  return Math.max(schedule.lastSendAt + gapAfter(schedule.streak, throttle), schedule.holdUntil);
}

/** Seconds until `remaining` more messages have left at this pace (sending time not counted). */
export function etaSeconds(
  remaining: number,
  schedule: AccountSchedule,
  throttle: BatchThrottle,
  now: number,
): number {
  if (remaining <= 0) return 0;
  let total = Math.max(0, nextSlot(schedule, throttle) - now);
  for (let i = 1; i < Math.min(remaining, 100_000); i++) {
    total += gapAfter(schedule.streak + i, throttle);
  }
  return Math.ceil(total / 1000);
}

/** Exponential: base, 2×base, 4×base… capped. */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}
