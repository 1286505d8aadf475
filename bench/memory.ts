// Bench item 4: the main side's memory (this process: database, queue, composition, SMTP client;
// the SMTP server runs in its own process) across a 1,000-message batch with the throttle off,
// sampled every 20 ms, beside a 100-message batch in the same process and the process idle with
// the file open. If attachments or messages were held, the peak and the final figure (after a
// garbage collection) would grow with the batch: ten times the messages, ten times the bytes.
import v8 from 'node:v8';
import vm from 'node:vm';
import { createMailBench, NO_THROTTLE } from './mail-bench';
import { startSink } from './smtp-sink';
import { peak, type MemorySample } from './stats';

export interface MemoryRun {
  messages: number;
  seconds: number;
  samples: number;
  /** MB. */
  peak: { rss: number; heapUsed: number };
  /** MB, after the batch and a garbage collection. */
  final: { rss: number; heapUsed: number };
}

export interface MemoryFigures {
  /** MB: the file open, nothing sending, after a garbage collection. */
  idle: { rss: number; heapUsed: number };
  small: MemoryRun;
  large: MemoryRun;
  /** large / small: about 1 when nothing is held per message. */
  peakHeapRatio: number;
  peakRssRatio: number;
  /** MB the heap kept after the large batch beyond what it kept after the small one. */
  finalHeapGrowth: number;
  target: { peakRatio: number; finalHeapGrowthMb: number };
}

const MB = 1024 * 1024;

// A collection before each "final" figure, so it shows what is kept, not what is not yet freed.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function now(): MemorySample {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MB, heapUsed: heapUsed / MB };
}

function settled(): MemorySample {
  gc();
  gc();
  return now();
}

async function sampled(run: () => Promise<number>): Promise<MemoryRun> {
  gc();
  const samples: MemorySample[] = [now()];
  const timer = setInterval(() => samples.push(now()), 20);
  const start = process.hrtime.bigint();
  const messages = await run().finally(() => clearInterval(timer));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  samples.push(now());
  return { messages, seconds, samples: samples.length, peak: peak(samples), final: settled() };
}

export async function benchMemory(small = 100, large = 1000): Promise<MemoryFigures> {
  const sink = await startSink();
  const bench = createMailBench(sink.port);
  try {
    const drain = async () => (await bench.drain()).sent;
    await bench.enqueue(small, NO_THROTTLE);
    const idle = settled();
    const smallRun = await sampled(drain);
    await bench.enqueue(large, NO_THROTTLE);
    settled();
    const largeRun = await sampled(drain);
    if (smallRun.messages !== small || largeRun.messages !== large) {
      throw new Error(`bench : ${smallRun.messages} + ${largeRun.messages} messages envoyés`);
    }
    return {
      idle,
      small: smallRun,
      large: largeRun,
      peakHeapRatio: largeRun.peak.heapUsed / smallRun.peak.heapUsed,
      peakRssRatio: largeRun.peak.rss / smallRun.peak.rss,
      finalHeapGrowth: largeRun.final.heapUsed - smallRun.final.heapUsed,
      target: { peakRatio: 1.2, finalHeapGrowthMb: 5 },
    };
  } finally {
    bench.close();
    sink.close();
  }
}
