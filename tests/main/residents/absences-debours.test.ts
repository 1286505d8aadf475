// A resident's absences and débours on a real SQLite file: saved, changed, deleted, audited;
// refused outside the stay, over another absence, from a stale version, or once invoiced.
import { describe, expect, it } from 'vitest';
import { deleteAbsence, saveAbsence } from '../../../src/main/residents/absences';
import { getResidentBilling } from '../../../src/main/residents/billing-view';
import { deleteDebours, saveDebours } from '../../../src/main/residents/debours';
import { saveResident } from '../../../src/main/residents/repository';
import { PliError, residentInputSchema } from '../../../src/shared/contract';
import { actor, residentInput, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const { db } = seededDatabase(tempDir());
const TODAY = '2026-09-20';
const residentId = saveResident(db, actor(), {
  id: null,
  version: null,
  resident: residentInputSchema.parse(residentInput({ admissionDate: '2026-01-05' })),
}).id;
const view = () => getResidentBilling(db, residentId, TODAY);
const reception = actor('ACCUEIL-2', 3, 'Karim Benali');

function thrown(run: () => unknown): PliError {
  try {
    run();
  } catch (error) {
    if (error instanceof PliError) return error;
    throw error;
  }
  throw new Error('expected a PliError');
}
const lastAudit = (entity: string) =>
  db
    .prepare(
      'SELECT user_name, workstation, action, changes FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1',
    )
    .get(entity) as { user_name: string; workstation: string; action: string; changes: string };

const absence = (overrides: Partial<Parameters<typeof saveAbsence>[2]> = {}) => ({
  residentId,
  id: null,
  version: null,
  kind: 'hospitalisation' as const,
  startDate: '2026-09-10',
  endDate: null,
  ...overrides,
});

describe('absences', () => {
  it('records a hospitalisation still under way, then its return, audited with versions', () => {
    const id = saveAbsence(db, reception, absence());
    expect(view().absences).toEqual([
      {
        id,
        version: 1,
        kind: 'hospitalisation',
        startDate: '2026-09-10',
        endDate: null,
        days: 11, // 10 → 20 September, still away today
        overlapsIssuedInvoice: false,
      },
    ]);
    expect(lastAudit('absence')).toMatchObject({ user_name: 'Karim Benali', action: 'create' });

    saveAbsence(db, reception, absence({ id, version: 1, endDate: '2026-09-14' }));
    expect(view().absences[0]).toMatchObject({ version: 2, endDate: '2026-09-14', days: 5 });
    expect(JSON.parse(lastAudit('absence').changes)).toEqual({
      endDate: [null, '2026-09-14'],
    });

    // A second workstation still holding version 1 is told who changed what.
    const stale = thrown(() => saveAbsence(db, actor(), absence({ id, version: 1 })));
    expect(stale.code).toBe('RECORD_CHANGED');
    expect(stale.details?.[0]).toMatch(/Dernier jour : \(vide\) → 2026-09-14 \(Karim Benali/);

    deleteAbsence(db, actor(), { residentId, id, version: 2 });
    expect(view().absences).toEqual([]);
    expect(lastAudit('absence').action).toBe('delete');
  });

  it('keeps absences inside the stay and apart from each other', () => {
    expect(thrown(() => saveAbsence(db, actor(), absence({ startDate: '2026-01-04' }))).code).toBe(
      'ABSENCE_OUTSIDE_STAY',
    );
    const id = saveAbsence(
      db,
      actor(),
      absence({ startDate: '2026-08-01', endDate: '2026-08-05' }),
    );
    const overlap = thrown(() =>
      saveAbsence(
        db,
        actor(),
        absence({ kind: 'convenances_personnelles', startDate: '2026-08-05', endDate: null }),
      ),
    );
    expect(overlap.code).toBe('ABSENCE_OVERLAP');
    expect(overlap.details).toEqual(['Hospitalisation du 01/08/2026 au 05/08/2026']);
    // The day after the return is free; changing the absence itself is not an overlap.
    saveAbsence(db, actor(), absence({ startDate: '2026-08-06', endDate: '2026-08-07' }));
    saveAbsence(
      db,
      actor(),
      absence({ id, version: 1, startDate: '2026-07-30', endDate: '2026-08-05' }),
    );
    // Nothing stored breaks the rule the schema states: the file refuses an inverted range too.
    expect(() =>
      db
        .prepare(
          "INSERT INTO absences (resident_id, kind, start_date, end_date, created_at) VALUES (?, 'hospitalisation', '2026-08-10', '2026-08-09', 'x')",
        )
        .run(residentId),
    ).toThrow(/CHECK/);
  });

  it('says when an issued invoice already covers the absence, and still records it', () => {
    db.prepare(
      `INSERT INTO invoices (facility_id, resident_id, period, status, seq, number, issue_date, created_at)
       VALUES (1, ?, '2026-06', 'issued', 1, 'TIL-2026-0001', '2026-07-01', '2026-07-01')`,
    ).run(residentId);
    saveAbsence(db, actor(), absence({ startDate: '2026-06-28', endDate: '2026-07-02' }));
    const june = view().absences.find((a) => a.startDate === '2026-06-28');
    expect(june?.overlapsIssuedInvoice).toBe(true);
    expect(view().absences.find((a) => a.startDate === '2026-08-06')?.overlapsIssuedInvoice).toBe(
      false,
    );
  });
});

describe('débours', () => {
  it('adds, changes and deletes a débours not yet invoiced, audited in euros', () => {
    const id = saveDebours(db, reception, {
      residentId,
      id: null,
      expected: null,
      date: '2026-09-08',
      label: 'Coiffeur',
      amountCents: 1845,
    });
    const row = view().debours[0];
    expect(row).toEqual({
      id,
      date: '2026-09-08',
      label: 'Coiffeur',
      amountCents: 1845,
      invoiceId: null,
      invoiceNumber: null,
    });
    const expected = { date: '2026-09-08', label: 'Coiffeur', amountCents: 1845 };
    saveDebours(db, actor(), { residentId, id, expected, ...expected, amountCents: 2000 });
    expect(JSON.parse(lastAudit('debours').changes)).toEqual({
      amountCents: ['18,45\u00a0€', '20,00\u00a0€'],
    });
    // Deleting from the values seen before that change is refused, saying what changed.
    const stale = thrown(() => deleteDebours(db, reception, { residentId, id, expected }));
    expect(stale.code).toBe('RECORD_CHANGED');
    expect(stale.details?.[0]).toMatch(/^Montant : 18,45\s€ → 20,00\s€ \(Hélène Dubois/);
    deleteDebours(db, reception, { residentId, id, expected: { ...expected, amountCents: 2000 } });
    expect(view().debours).toEqual([]);
  });

  it('shows invoiced débours with their number and refuses to change or delete them', () => {
    const values = { date: '2026-06-12', label: 'Pharmacie', amountCents: 1235 };
    const id = saveDebours(db, actor(), { residentId, id: null, expected: null, ...values });
    const invoice = db.prepare("SELECT id FROM invoices WHERE number = 'TIL-2026-0001'").get() as {
      id: number;
    };
    db.prepare('UPDATE debours SET invoice_id = ? WHERE id = ?').run(invoice.id, id);
    expect(view().debours.find((d) => d.id === id)).toMatchObject({
      invoiceId: invoice.id,
      invoiceNumber: 'TIL-2026-0001',
    });
    const change = () =>
      saveDebours(db, actor(), { residentId, id, expected: values, ...values, label: 'Autre' });
    expect(thrown(change).code).toBe('DEBOURS_INVOICED');
    expect(
      thrown(() => deleteDebours(db, actor(), { residentId, id, expected: values })).code,
    ).toBe('DEBOURS_INVOICED');
    expect(db.prepare('SELECT label FROM debours WHERE id = ?').get(id)).toEqual({
      label: 'Pharmacie',
    });
  });

  it('refuses a débours of another resident or one that no longer exists', () => {
    const values = { date: '2026-09-01', label: 'Pédicure', amountCents: 2850 };
    expect(
      thrown(() => deleteDebours(db, actor(), { residentId, id: 9999, expected: values })).code,
    ).toBe('NOT_FOUND');
    expect(
      thrown(() =>
        saveDebours(db, actor(), { residentId: 9999, id: null, expected: null, ...values }),
      ).code,
    ).toBe('NOT_FOUND');
  });
});
