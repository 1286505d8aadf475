// Who an invoice goes to, on a real Pli file: the contacts marked « reçoit les factures » and
// the resident's own address, with their template language; every address of the resident for
// a single send; mistyped stored addresses reported, typed addresses checked in French.
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadAddressBook,
  recipientsForInvoice,
  templateLanguage,
  typedRecipient,
} from '../../../src/main/mail/recipients';
import { PliError } from '../../../src/shared/contract';
import { seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

let db: Database.Database;
let position = 0;

function resident(id: number, email: string | null, receives: 0 | 1, language = 'fr') {
  db.prepare(
    `INSERT INTO residents (id, facility_id, civilite, nom, prenom, admission_date, language, email,
       receives_invoices, search_key, created_at, updated_at)
     VALUES (?, 1, 'Mme', 'Lefèvre', 'Éléonore', '2024-01-01', ?, ?, ?, 'x', '', '')`,
  ).run(id, language, email, receives);
  db.prepare(
    `INSERT INTO invoices (id, facility_id, resident_id, status, seq, number, period, created_at)
     VALUES (?, 1, ?, 'issued', ?, ?, '2026-09', '')`,
  ).run(id, id, id, `TIL-2026-00000${id}`);
}

function contact(
  residentId: number,
  nom: string,
  email: string | null,
  receives: 0 | 1,
  language = 'fr',
  role = 'famille',
) {
  return Number(
    db
      .prepare(
        `INSERT INTO contacts (resident_id, role, civilite, nom, prenom, email, language,
           receives_invoices, position) VALUES (?, ?, 'M.', ?, 'Luc', ?, ?, ?, ?)`,
      )
      .run(residentId, role, nom, email, language, receives, position++).lastInsertRowid,
  );
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
  return null;
};

describe('recipients', () => {
  let famille = 0;
  let brother = 0;
  beforeAll(() => {
    db = seededDatabase(tempDir()).db;
    // 1: the resident (language nobody ships) and a Dutch-speaking son receive invoices.
    resident(1, 'eleonore.lefevre@free.example', 1, 'tlh');
    famille = contact(1, 'Lefèvre', '  Luc.Lefevre@Orange.example ', 1, 'nl');
    brother = contact(1, 'Martin', 'luc.martin@gmail.example', 0, 'de');
    contact(1, 'Durand', 'jean.dupont@orange', 0);
    contact(1, 'Sans', null, 0);
    // 2: the only invoice address is mistyped.
    resident(2, null, 0);
    contact(2, 'Durand', 'marie..durand@free.example', 1, 'es');
    // 3: no email anywhere; 4: the tutor and the resident share one mailbox.
    resident(3, null, 0);
    contact(3, 'Poste', null, 1);
    resident(4, 'udaf@udaf44.example', 1);
    contact(4, 'UDAF 44', 'UDAF@udaf44.example', 1, 'fr', 'tuteur');
  });

  it('sends an invoice to the contacts who receive invoices and the resident, in their language', () => {
    const r = recipientsForInvoice(db, 1);
    expect(r.recipients).toEqual([
      {
        address: 'Luc.Lefevre@Orange.example',
        name: 'Luc Lefèvre',
        civilite: 'M.',
        role: 'famille',
        contactId: famille,
        language: 'nl',
      },
      {
        address: 'eleonore.lefevre@free.example',
        name: 'Éléonore Lefèvre',
        civilite: 'Mme',
        role: 'resident',
        contactId: null,
        language: 'fr', // 'tlh' is not a template language: French
      },
    ]);
    expect(r.skipped).toEqual([]);
    // A single send may pick anyone with a valid address; the mistyped one is not offered.
    expect(r.candidates.map((c) => [c.address, c.contactId, c.language])).toEqual([
      ['Luc.Lefevre@Orange.example', famille, 'nl'],
      ['luc.martin@gmail.example', brother, 'de'],
      ['eleonore.lefevre@free.example', null, 'fr'],
    ]);
  });

  it('reports a mistyped invoice address instead of dropping it', () => {
    const r = recipientsForInvoice(db, 2);
    expect(r.recipients).toEqual([]);
    expect(r.skipped).toEqual([
      {
        address: 'marie..durand@free.example',
        name: 'Luc Durand',
        reason: 'invalid_address',
        message: expect.stringMatching(/mal écrite.*Corrigez-la/) as unknown,
      },
    ]);
    expect(r.candidates).toEqual([]);
  });

  it('has nobody for a resident without email, and one message for a shared mailbox', () => {
    expect(recipientsForInvoice(db, 3)).toMatchObject({ recipients: [], skipped: [] });
    const shared = recipientsForInvoice(db, 4).recipients;
    expect(shared.map((r) => [r.address, r.role])).toEqual([['UDAF@udaf44.example', 'tuteur']]);
  });

  it('loads many residents at once, and refuses an unknown invoice', () => {
    const book = loadAddressBook(db, [1, 2, 3, 4]).people;
    expect([...book.keys()].sort()).toEqual([1, 2, 4]);
    expect(
      book
        .get(1)
        ?.filter((p) => !p.valid)
        .map((p) => p.address),
    ).toEqual(['jean.dupont@orange']);
    expect(code(() => recipientsForInvoice(db, 999))).toBe('NOT_FOUND');
  });

  it('checks a typed address: valid, mistyped, or carrying a line break', () => {
    expect(typedRecipient(' notaire@étude-durand.example ', 'Maître Durand')).toEqual({
      address: 'notaire@étude-durand.example',
      name: 'Maître Durand',
      civilite: '',
      role: 'autre',
      contactId: null,
      language: 'fr',
    });
    expect(code(() => typedRecipient('jean.dupont@orange'))).toBe('MAIL_ADDRESS_INVALID');
    expect(code(() => typedRecipient('marie..durand@free.fr'))).toBe('MAIL_ADDRESS_INVALID');
    expect(code(() => typedRecipient('a@b.example\r\nBcc: x@y.example'))).toBe(
      'MAIL_HEADER_UNSAFE',
    );
    expect(code(() => typedRecipient('a@b.example', 'Nom\nBcc: x@y.example'))).toBe(
      'MAIL_HEADER_UNSAFE',
    );
  });

  it('maps stored language codes to template languages, French when unknown', () => {
    expect(
      ['fr', 'EN', ' de ', 'nl', 'es', 'it', 'pt', '', 'pl', 'en-GB'].map(templateLanguage),
    ).toEqual(['fr', 'en', 'de', 'nl', 'es', 'it', 'pt', 'fr', 'fr', 'fr']);
  });
});
