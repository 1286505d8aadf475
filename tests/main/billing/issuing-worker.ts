// One billing workstation for the two-process test: prepares and issues its own month of the
// shared facility, then issues avoirs one by one (one day of hébergement each), every one a
// separate short transaction racing the other process for the facility's next number.
import { createCreditNote } from '../../../src/main/billing/credit';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { openDatabase } from '../../../src/main/db/open';
import { PliError } from '../../../src/shared/contract';

const [file, workstation, period, countText, startText] = process.argv.slice(2);
const actor = { userId: 2, userName: 'Hélène Dubois', workstation: workstation ?? '?' };
const db = openDatabase(file ?? '', { create: false, appliedBy: actor.workstation });
const surfaced: string[] = [];
const numbers: string[] = [];
const numberOf = db.prepare('SELECT number FROM invoices WHERE id = ?');

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
// Both processes start working at the same instant, whatever their start-up time.
pause(Math.max(0, Number(startText) - Date.now()));

try {
  const runId = prepareRun(db, actor, 1, period ?? '');
  const ids = issueRun(db, actor, runId, 1, '2026-11-02');
  for (const id of ids) numbers.push((numberOf.get(id) as { number: string }).number);
  for (let i = 0; i < Number(countText); i++) {
    // A few milliseconds between two avoirs, as between two clicks: the other workstation
    // gets the lock in between instead of waiting for this whole loop.
    pause(10);
    const invoiceId = ids[i % ids.length] ?? 0;
    const id = createCreditNote(db, actor, {
      invoiceId,
      lines: [{ position: 0, quantity: 1 }],
      reason: `Journée ${String(i + 1)} non due`,
      issueDate: '2026-11-02',
    });
    numbers.push((numberOf.get(id) as { number: string }).number);
  }
} catch (error) {
  surfaced.push(error instanceof PliError ? error.code : String(error));
}
db.close();
process.stdout.write(JSON.stringify({ workstation, numbers, surfaced }));
