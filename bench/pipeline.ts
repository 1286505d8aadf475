// Bench item 2: the bulk pipeline with the throttle off (intervalMs 0, no long pause) — the
// queue claiming each row, composeRow reading the invoice PDF and building the MIME, the
// account's SMTP transport to a real smtp-server on 127.0.0.1, the outcome recorded — in
// messages per second, beside a bare nodemailer pooled transport (one connection, no message
// limit) sending the very same messages, composed beforehand, to the same server. The bare
// figure is measured before and after the pipeline and the better one kept (the harder ratio).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { composeMessage } from '../src/main/mail/compose';
import { loadMessageRow } from '../src/main/mail/message-row';
import { createMailBench, NO_THROTTLE } from './mail-bench';
import { startSink, type Sink } from './smtp-sink';
import { percentile } from './stats';

export interface PipelineFigures {
  messages: number;
  /** Mean size of a message on the wire (bytes), the invoice PDF included. */
  messageBytes: number;
  /** « Envoyer » for the whole batch (PDFs written, rows and batches), not in the ratio. */
  enqueueSeconds: number;
  pipeline: { seconds: number; perSecond: number; connections: number };
  /**
   * Where a pipeline message's time goes (ms): composing it (PDF read, MIME built), the SMTP
   * exchange, and the queue's own work — the two durable SQLite transactions around every
   * attempt (claimed before it leaves, recorded after: DESIGN rules 2 and 4) and the progress.
   */
  msPerMessage: { total: number; compose: number; smtp: number; queue: number; bare: number };
  /**
   * Median time of one fsync of 4 KB on the bench's disk, measured just before: each of the two
   * commits per message waits for several (rollback journal, synchronous = FULL, DESIGN › data).
   */
  fsyncMedianMs: number;
  bare: { seconds: number; perSecond: number; connections: number };
  ratio: number;
  target: number;
}

async function bare(
  sink: Sink,
  messages: { raw: Buffer; envelope: { from: string; to: string[] } }[],
) {
  sink.reset();
  const transporter = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
    // nodemailer's pool reconnects every 100 messages by default; one connection throughout.
    maxMessages: Infinity,
  });
  const start = process.hrtime.bigint();
  for (const { raw, envelope } of messages) await transporter.sendMail({ raw, envelope });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  transporter.close();
  await sink.received(messages.length);
  return { seconds, perSecond: messages.length / seconds, connections: sink.connections() };
}

function fsyncMedianMs(times = 30): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pli-bench-fsync-')), 'f');
  const fd = fs.openSync(file, 'w');
  const page = Buffer.alloc(4096, 1);
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    fs.writeSync(fd, page, 0, page.length, 0);
    const start = process.hrtime.bigint();
    fs.fsyncSync(fd);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  fs.closeSync(fd);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return percentile(samples, 50);
}

export async function benchPipeline(count = 400): Promise<PipelineFigures> {
  const sink = await startSink();
  const bench = createMailBench(sink.port);
  try {
    let start = process.hrtime.bigint();
    const batches = await bench.enqueue(count, NO_THROTTLE);
    const enqueueSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const ids = bench.db
      .prepare(
        `SELECT id FROM mail_messages WHERE batch_id IN (${batches.map(() => '?').join(', ')})
         ORDER BY id`,
      )
      .all(...batches.map((b) => b.id)) as { id: number }[];
    // The same messages, composed before the clock starts, for the bare transport.
    const prebuilt = await Promise.all(
      ids.map(async ({ id }) => composeMessage(loadMessageRow(bench.db, id))),
    );
    const messageBytes = prebuilt.reduce((sum, m) => sum + m.raw.length, 0) / prebuilt.length;
    const before = await bare(sink, prebuilt);

    sink.reset();
    start = process.hrtime.bigint();
    const fsyncMs = fsyncMedianMs();
    const timing = { composeMs: 0, smtpMs: 0 };
    const summary = await bench.drain(timing);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (summary.sent !== ids.length) {
      throw new Error(`bench : ${summary.sent} messages envoyés sur ${ids.length}`);
    }
    await sink.received(ids.length);
    const pipeline = { seconds, perSecond: ids.length / seconds, connections: sink.connections() };

    const after = await bare(sink, prebuilt);
    const best = before.perSecond >= after.perSecond ? before : after;
    const each = (ms: number) => ms / ids.length;
    return {
      messages: ids.length,
      messageBytes,
      enqueueSeconds,
      pipeline,
      msPerMessage: {
        total: each(seconds * 1000),
        compose: each(timing.composeMs),
        smtp: each(timing.smtpMs),
        queue: each(seconds * 1000 - timing.composeMs - timing.smtpMs),
        bare: (best.seconds * 1000) / ids.length,
      },
      fsyncMedianMs: fsyncMs,
      bare: best,
      ratio: pipeline.perSecond / best.perSecond,
      target: 0.8,
    };
  } finally {
    bench.close();
    sink.close();
  }
}
