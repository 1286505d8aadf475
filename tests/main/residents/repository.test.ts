// Resident records on a real SQLite file: audit, version checks, the two-address rule,
// duplicates, filters.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  getResident,
  listResidents,
  saveResident,
  setArchived,
} from '../../../src/main/residents/repository';
import { PliError, residentInputSchema, type ResidentInput } from '../../../src/shared/contract';
import { actor, residentInput, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const { db, file } = seededDatabase(tempDir());
const fields = (overrides: Partial<ResidentInput> = {}) =>
  residentInputSchema.parse(residentInput(overrides));
const family = (nom: string, email: string, receivesInvoices = true) => ({
  id: null,
  role: 'famille' as const,
  civilite: 'Mme' as const,
  nom,
  prenom: 'Anne',
  relationship: 'fille',
  email,
  phone: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  country: 'France',
  language: 'fr' as const,
  receivesInvoices,
});

function thrown(run: () => unknown): PliError {
  try {
    run();
  } catch (error) {
    if (error instanceof PliError) return error;
    throw error;
  }
  throw new Error('expected a PliError');
}

describe('resident records', () => {
  it('creates a resident with contacts and audits who did it from which workstation', () => {
    const created = saveResident(db, actor(), {
      id: null,
      version: null,
      resident: fields({
        contacts: [
          family('Lefèvre', 'anne.lefevre@orange.example'),
          family('Durand', 'paul@free.example'),
        ],
      }),
    });
    expect(created).toMatchObject({ version: 1, nom: 'Lefèvre', prenom: 'Éléonore' });
    expect(created.contacts.map((c) => c.email)).toEqual([
      'anne.lefevre@orange.example',
      'paul@free.example',
    ]);
    expect(created.lastChange).toMatchObject({
      userName: 'Hélène Dubois',
      workstation: 'ACCUEIL-1',
    });
    const entry = db
      .prepare("SELECT * FROM audit_log WHERE entity = 'resident' AND entity_id = ?")
      .get(created.id) as {
      action: string;
      user_id: number;
      changes: string;
    };
    expect(entry).toMatchObject({ action: 'create', user_id: 2 });
    expect(JSON.parse(entry.changes)).toMatchObject({ nom: [null, 'Lefèvre'], room: [null, '12'] });
  });

  it('saves an edit from the version it started from and records the difference', () => {
    const [row] = listResidents(db, { search: 'eleonore', facilityId: null, status: 'all' });
    const before = getResident(db, row!.id);
    const after = saveResident(db, actor('ACCUEIL-2'), {
      id: before.id,
      version: before.version,
      resident: fields({
        room: '14',
        contacts: before.contacts.map((c) => ({ ...c, email: c.email ?? '' })),
      }),
    });
    expect(after.version).toBe(2);
    expect(after.room).toBe('14');
    expect(after.contacts.map((c) => c.id)).toEqual(before.contacts.map((c) => c.id));
  });

  it('refuses a save from a stale version and says what changed, by whom, where', () => {
    const [row] = listResidents(db, { search: 'lefevre', facilityId: null, status: 'all' });
    const error = thrown(() =>
      saveResident(db, actor('ACCUEIL-3'), {
        id: row!.id,
        version: 1,
        resident: fields({ room: '99' }),
      }),
    );
    expect(error.code).toBe('RECORD_CHANGED');
    expect(error.details).toEqual([
      expect.stringMatching(/^Chambre : 12 → 14 \(Hélène Dubois, poste ACCUEIL-2, le /),
    ]);
    expect(getResident(db, row!.id).room).toBe('14');
  });

  it('allows at most two invoice addresses, in the schema and in the file itself', () => {
    const three = residentInput({
      email: 'eleonore@free.example',
      receivesInvoices: true,
      contacts: [family('A', 'a@free.example'), family('B', 'b@free.example')],
    });
    expect(residentInputSchema.safeParse(three).success).toBe(false);
    // Even a writer that skips the schema cannot store a third address.
    const [row] = listResidents(db, { search: 'lefevre', facilityId: null, status: 'all' });
    const raw = new Database(file);
    expect(() =>
      raw.prepare('UPDATE residents SET receives_invoices = 1 WHERE id = ?').run(row!.id),
    ).toThrow(/PLI_TOO_MANY_INVOICE_ADDRESSES/);
    raw.close();
  });

  it('moves the invoice flag between contacts in one save', () => {
    const [row] = listResidents(db, { search: 'lefevre', facilityId: null, status: 'all' });
    const current = getResident(db, row!.id);
    const contacts = current.contacts.map((c) => ({
      ...c,
      email: c.email ?? '',
      receivesInvoices: false,
    }));
    const saved = saveResident(db, actor(), {
      id: current.id,
      version: current.version,
      resident: fields({
        room: current.room,
        email: 'eleonore@free.example',
        receivesInvoices: true,
        contacts: [{ ...contacts[0]!, receivesInvoices: true }, contacts[1]!],
      }),
    });
    expect(
      listResidents(db, { search: 'lefevre', facilityId: null, status: 'all' })[0]?.invoiceEmails,
    ).toEqual(['eleonore@free.example', 'anne.lefevre@orange.example']);
    expect(saved.version).toBe(current.version + 1);
  });

  it('flags namesakes as possible duplicates, ignoring accents and case', () => {
    const twin = saveResident(db, actor(), {
      id: null,
      version: null,
      resident: fields({ nom: 'LEFEVRE', prenom: 'eleonore', facilityId: 2 }),
    });
    expect(twin.duplicates).toEqual([
      expect.objectContaining({ name: expect.stringContaining('Lefèvre') as string }),
    ]);
    expect(
      listResidents(db, { search: '', facilityId: null, status: 'all' }).every((r) => r.duplicate),
    ).toBe(true);
  });

  it('filters by facility, search, and present / departed / archived', () => {
    const departed = saveResident(db, actor(), {
      id: null,
      version: null,
      resident: fields({
        nom: 'Nguyễn',
        prenom: 'Thị Hồng',
        admissionDate: '2020-01-01',
        dischargeDate: '2021-06-30',
      }),
    });
    const names = (filter: Parameters<typeof listResidents>[1]) =>
      listResidents(db, filter).map((r) => r.nom);
    expect(names({ search: 'nguyen', facilityId: null, status: 'present' })).toEqual([]);
    expect(names({ search: 'nguyen', facilityId: null, status: 'departed' })).toEqual(['Nguyễn']);
    expect(names({ search: '', facilityId: 2, status: 'all' })).toEqual(['LEFEVRE']);
    const archived = setArchived(db, actor(), { id: departed.id, version: departed.version }, true);
    expect(archived.archivedAt).not.toBeNull();
    expect(names({ search: 'nguyen', facilityId: null, status: 'departed' })).toEqual([]);
    expect(names({ search: 'nguyen', facilityId: null, status: 'archived' })).toEqual(['Nguyễn']);
  });

  it('says NOT_FOUND for a resident that no longer exists', () => {
    expect(thrown(() => getResident(db, 9999)).code).toBe('NOT_FOUND');
  });
});
