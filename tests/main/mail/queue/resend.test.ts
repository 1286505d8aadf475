// « Renvoyer les échecs » reads the recipients again from the resident's record: an address
// corrected there after a 550 is the one the resend goes to; an address still in the record, or
// a row whose record has no new recipient, is resent as it was.
import { describe, expect, it } from 'vitest';
import { retryFailed } from '../../../../src/main/mail/queue/batches';
import { actor } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';
import { batchOf, queueDatabase } from './queue-fixture';

const FAST = { intervalMs: 100, pauseEvery: 10, pauseMs: 500 };

function setup(to: (i: number) => string) {
  const { db } = queueDatabase(tempDir('pli-resend-'));
  db.exec(`INSERT INTO contacts (id, resident_id, role, nom, prenom, email, receives_invoices)
    VALUES (1, 1, 'famille', 'Lefèvre', 'Marc', 'marc.lefevre@orange.example', 1),
           (2, 1, 'tuteur', 'Durand', 'Anne', 'anne.durand@free.example', 1)`);
  const batch = batchOf(db, 1, FAST, to);
  db.prepare(
    "UPDATE mail_messages SET state = 'failed', last_reply = '550 unknown user' WHERE batch_id = ?",
  ).run(batch.id);
  const resent = () => {
    retryFailed(db, actor('POSTE-FACT'), { batchId: batch.id });
    const row = db
      .prepare('SELECT to_addresses FROM mail_messages WHERE resend_of IS NOT NULL')
      .get() as { to_addresses: string };
    return JSON.parse(row.to_addresses) as string[];
  };
  return { db, resent };
}

describe('retryFailed recipients', () => {
  it('sends to the address fixed in the record, keeping the ones still there', () => {
    const { db, resent } = setup(() => 'marc.lefevr@orange.example');
    db.prepare("UPDATE mail_messages SET to_addresses = ? WHERE state = 'failed'").run(
      JSON.stringify(['marc.lefevr@orange.example', 'anne.durand@free.example']),
    );
    db.prepare('UPDATE contacts SET email = ? WHERE id = 1').run('marc.lefevre@orange.example');
    expect(resent()).toEqual(['anne.durand@free.example', 'marc.lefevre@orange.example']);
  });

  it('keeps the addresses when they are all still in the record', () => {
    const { resent } = setup(() => 'marc.lefevre@orange.example');
    expect(resent()).toEqual(['marc.lefevre@orange.example']);
  });

  it('keeps an address the record never had when the record offers nobody new', () => {
    const { db, resent } = setup(() => 'saisie.a.la.main@laposte.example');
    db.prepare('UPDATE contacts SET receives_invoices = 0').run();
    expect(resent()).toEqual(['saisie.a.la.main@laposte.example']);
  });
});
