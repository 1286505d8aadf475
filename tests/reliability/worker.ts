// A sender process for the reliability scenarios: the queue tests' worker (one workstation's
// queue loop as its own process, bundled by tests/helpers.ts) started with its arguments, its
// output collected, its exit awaited.
import { spawn, type ChildProcess } from 'node:child_process';
import { bundleWorker } from '../helpers';

export interface Exit {
  code: number | null;
  signal: string | null;
  out: string;
  err: string;
}

export function bundleQueueWorker(): Promise<string> {
  return bundleWorker('tests/main/mail/queue/queue-worker.ts');
}

export function startWorker(
  worker: string,
  args: string[],
): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [worker, ...args]);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, exited };
}
