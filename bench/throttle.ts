// Bench item 6: throttle fidelity at the association's default pace (2 s between messages, 10 s
// after every 10), over 30 messages, each send timed when the smtp-server received it: its
// deviation from when the queue's rule made it due (the previous send plus the gap), its drift
// from the plan made at the start with the same gaps (the queue counts a gap from the end of the
// previous attempt, so each attempt's own time adds up), and the error of the ETA the product
// shows at the start (the batch's etaSeconds, as the Envoi page displays it) against the end.
import { getBatch } from '../src/main/mail/queue/progress';
import { createMailBench } from './mail-bench';
import { startSink } from './smtp-sink';
import { deviation, followingTimes, plannedTimes, type Deviation } from './stats';

export interface ThrottleFigures {
  messages: number;
  pace: { intervalMs: number; pauseEvery: number; pauseMs: number };
  /** The plan's length: first send at 0, last at this (s). */
  plannedSeconds: number;
  /** Each send against the queue's rule: the previous send plus its gap (local fidelity). */
  deviation: Deviation;
  /** Each send against the plan made at the start (the drift the ETA also shows). */
  drift: Deviation;
  eta: { shownSeconds: number; actualSeconds: number; errorSeconds: number; errorRatio: number };
  target: { maxDeviationMs: number; etaErrorRatio: number };
}

export async function benchThrottle(count = 30): Promise<ThrottleFigures> {
  const sink = await startSink();
  const bench = createMailBench(sink.port);
  try {
    // No pace given: the batch copies the association's, which is the default here.
    const [batch, ...others] = await bench.enqueue(count);
    if (!batch || others.length > 0) throw new Error('bench : un seul lot attendu');
    const pace = batch.throttle;
    const start = Date.now();
    const shown = getBatch(bench.db, batch.id, start)?.etaSeconds ?? NaN;
    const summary = await bench.drain();
    await sink.received(count);
    if (summary.sent !== count) throw new Error(`bench : ${summary.sent} envoyés sur ${count}`);
    const actual = sink.deliveries.map((d) => d.at);
    const throttle = { ...pace, slowdown: 1 };
    const planned = plannedTimes(count, throttle, start);
    const actualSeconds = (Math.max(...actual) - start) / 1000;
    return {
      messages: count,
      pace,
      plannedSeconds: ((planned.at(-1) ?? start) - start) / 1000,
      deviation: deviation(actual, followingTimes(actual, throttle, start)),
      drift: deviation(actual, planned),
      eta: {
        shownSeconds: shown,
        actualSeconds,
        errorSeconds: actualSeconds - shown,
        errorRatio: (actualSeconds - shown) / shown,
      },
      target: { maxDeviationMs: 500, etaErrorRatio: 0.05 },
    };
  } finally {
    bench.close();
    sink.close();
  }
}
