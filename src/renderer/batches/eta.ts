// How long a batch will take at a pace, before it starts: the queue's own rule (a pause between
// messages; after every N messages the longer pause instead), the first message leaving at once.
import type { Throttle } from '../../shared/contract';

export function plannedSeconds(messages: number, throttle: Throttle): number {
  let total = 0;
  for (let sent = 1; sent < messages; sent++) {
    const longPause = throttle.pauseEvery > 0 && sent % throttle.pauseEvery === 0;
    total += longPause ? Math.max(throttle.intervalMs, throttle.pauseMs) : throttle.intervalMs;
  }
  return Math.ceil(total / 1000);
}
