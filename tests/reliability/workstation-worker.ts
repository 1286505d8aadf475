// One workstation as its own process for scenario 3: it runs the send queue on the shared file
// (the queue tests' worker's loop) and, at the same time, edits through the real services what
// the billing office edits while a batch goes out: its resident's record (versioned, as the
// form saves it) and new débours. Prints its summary and every error code it met as JSON.
import nodemailer from 'nodemailer';
import { openDatabase } from '../../src/main/db/open';
import { composeRow, nodemailerTransport } from '../../src/main/mail/queue/adapters';
import { runQueue } from '../../src/main/mail/queue/engine';
import { saveDebours } from '../../src/main/residents/debours';
import { getResident, saveResident } from '../../src/main/residents/repository';
import { PliError, residentInputSchema } from '../../src/shared/contract';

const [file, workstation, port, account, residentId, edits, maxAttempts] = process.argv.slice(2);
const db = openDatabase(file as string, { create: false, appliedBy: workstation as string });
const actor = { userId: 2, userName: 'Hélène Dubois', workstation: workstation as string };
const errors: string[] = [];
const codeOf = (error: unknown) =>
  error instanceof PliError ? error.code : String((error as { code?: unknown }).code ?? error);

async function edit() {
  for (let i = 0; i < Number(edits); i++) {
    try {
      // The record as the form holds it, saved against the version it was read at.
      const {
        id,
        version,
        archivedAt: _a,
        lastChange: _l,
        duplicates: _d,
        ...fields
      } = getResident(db, Number(residentId));
      saveResident(db, actor, {
        id,
        version,
        resident: residentInputSchema.parse({ ...fields, notes: `${workstation} ${i}` }),
      });
      saveDebours(db, actor, {
        residentId: Number(residentId),
        id: null,
        date: '2026-09-15',
        label: `${workstation} débours ${i}`,
        amountCents: 100 + i,
        expected: null,
      });
    } catch (error) {
      errors.push(codeOf(error));
    }
    // Other work between two saves, as at a desk: the queue runs meanwhile.
    await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 20)));
  }
}

const send = runQueue({
  db,
  workstation: workstation as string,
  account: { key: account as string },
  transport: nodemailerTransport(
    nodemailer.createTransport({ host: '127.0.0.1', port: Number(port), ignoreTLS: true }),
  ),
  compose: composeRow,
  retry: { baseMs: 200, maxMs: 1000, maxAttempts: 5 },
  leaseTtlMs: 1500,
  pollMs: 50,
  ...(Number(maxAttempts) > 0 ? { maxAttempts: Number(maxAttempts) } : {}),
}).catch((error: unknown) => {
  errors.push(codeOf(error));
  return null;
});
const [summary] = await Promise.all([send, edit()]);
db.close();
process.stdout.write(JSON.stringify({ workstation, summary, errors }));
