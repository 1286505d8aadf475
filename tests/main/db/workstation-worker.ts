// One simulated workstation for the multi-process test: its own process and connection to the
// shared file, creating residents, editing a shared one (reloading on RECORD_CHANGED, as a
// user would) and claiming invoice numbers. Prints one JSON line with what it did.
import { openDatabase } from '../../../src/main/db/open';
import { write } from '../../../src/main/db/tx';
import { claimInvoiceSeq } from '../../../src/main/billing/numbering';
import { getResident, saveResident } from '../../../src/main/residents/repository';
import { PliError, residentInputSchema } from '../../../src/shared/contract';

const [file, workstation, countText, sharedIdText] = process.argv.slice(2);
const count = Number(countText);
const sharedId = Number(sharedIdText);
const actor = { userId: 2, userName: 'Hélène Dubois', workstation: workstation ?? '?' };
const db = openDatabase(file ?? '', { create: false, appliedBy: actor.workstation });
const surfaced: string[] = [];
const claimed: number[] = [];
let conflicts = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));

const base = {
  facilityId: 1,
  civilite: 'Mme' as const,
  dateNaissance: null,
  room: '',
  admissionDate: '2025-01-01',
  dischargeDate: null,
  gir: 4,
  language: 'fr' as const,
  email: null,
  receivesInvoices: false,
  notes: '',
  contacts: [],
};

for (let i = 0; i < count; i++) {
  try {
    saveResident(db, actor, {
      id: null,
      version: null,
      resident: residentInputSchema.parse({
        ...base,
        nom: `${workstation}`,
        prenom: `Résident ${i}`,
      }),
    });
    // Read-modify-write on the shared record: the version check must never lose an append.
    for (;;) {
      const current = getResident(db, sharedId);
      // The user "types" for a moment between reading and saving, as people do.
      Atomics.wait(pause, 0, 0, 1 + Math.floor(Math.random() * 5));
      try {
        saveResident(db, actor, {
          id: sharedId,
          version: current.version,
          resident: residentInputSchema.parse({
            ...base,
            nom: current.nom,
            prenom: current.prenom,
            notes: `${current.notes}[${workstation}-${i}]`,
          }),
        });
        break;
      } catch (error) {
        if (error instanceof PliError && error.code === 'RECORD_CHANGED') {
          conflicts++;
          continue;
        }
        throw error;
      }
    }
    claimed.push(write(db, () => claimInvoiceSeq(db, 1)));
  } catch (error) {
    surfaced.push(error instanceof PliError ? error.code : String(error));
  }
}
db.close();
console.log(JSON.stringify({ workstation, surfaced, claimed, conflicts }));
