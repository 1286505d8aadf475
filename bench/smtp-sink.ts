// The SMTP server of the mail benches (bench/smtp-sink.mjs) started in a child process, with
// what it saw: each delivery (server-side time, Message-ID, size) and the connections opened.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SinkDelivery {
  at: number;
  messageId: string;
  bytes: number;
}

export interface Sink {
  port: number;
  deliveries: SinkDelivery[];
  connections: () => number;
  /** Resolves once `count` deliveries have arrived (IPC messages may trail the SMTP reply). */
  received(count: number, timeoutMs?: number): Promise<void>;
  /** Forget what was seen (between two measures). */
  reset(): void;
  close(): void;
}

type SinkMessage =
  { type: 'ready'; port: number } | { type: 'connection' } | ({ type: 'delivery' } & SinkDelivery);

export async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(path.resolve('bench/smtp-sink.mjs'), [], { stdio: 'inherit' });
  let deliveries: SinkDelivery[] = [];
  let connections = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: SinkMessage) => {
      if (message.type === 'ready') resolve(message.port);
      else if (message.type === 'connection') connections++;
      else deliveries.push({ at: message.at, messageId: message.messageId, bytes: message.bytes });
    });
  });
  return {
    port,
    get deliveries() {
      return deliveries;
    },
    connections: () => connections,
    async received(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (deliveries.length < count) {
        if (Date.now() > end)
          throw new Error(`serveur SMTP : ${deliveries.length} messages reçus sur ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    reset() {
      deliveries = [];
      connections = 0;
    },
    close: () => child.kill(),
  };
}
