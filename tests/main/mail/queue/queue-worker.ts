// One workstation's sender, as its own process: opens the shared file, runs the queue for the
// account until nothing is left (or maxAttempts), prints its summary as JSON. Bundled with
// esbuild by the tests so it can be killed with SIGKILL at any moment.
import nodemailer from 'nodemailer';
import { openDatabase } from '../../../../src/main/db/open';
import { composeRow, nodemailerTransport } from '../../../../src/main/mail/queue/adapters';
import { runQueue } from '../../../../src/main/mail/queue/engine';

const [file, workstation, port, account, maxAttempts, ttl] = process.argv.slice(2);
const db = openDatabase(file as string, { create: false, appliedBy: workstation as string });
const transport = nodemailerTransport(
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(port),
    secure: false,
    ignoreTLS: true,
  }),
);
const summary = await runQueue({
  db,
  workstation: workstation as string,
  account: { key: account as string },
  transport,
  compose: composeRow,
  retry: { baseMs: 200, maxMs: 1000, maxAttempts: 5 },
  leaseTtlMs: Number(ttl),
  pollMs: 50,
  ...(Number(maxAttempts) > 0 ? { maxAttempts: Number(maxAttempts) } : {}),
});
db.close();
process.stdout.write(JSON.stringify({ workstation, ...summary }));
