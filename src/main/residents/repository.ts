// Resident records in the shared file. Every save is one short write transaction that checks
// the version the user started from, so two people editing the same resident never silently
// overwrite each other: the second is told what changed, by whom, from which workstation.
import type Database from 'better-sqlite3';
import { PliError, type Resident, type ResidentRow } from '../../shared/contract';
import { foldForSearch } from '../../shared/text';
import { audit, diff, type Actor } from '../db/audit';
import { write } from '../db/tx';
import { checkVersion, updateVersioned } from '../db/conflict';
import { residentFieldLabels } from './labels';
import { findDuplicates } from './duplicates';
import { localToday } from './billing-view';
import { recordGirChange } from './gir';
import {
  contactOf,
  contactParams,
  contactSummary,
  residentFieldsOf,
  residentParams,
  type ContactRowDb,
  type ResidentFields,
  type ResidentRowDb,
} from './rows';

export interface ResidentFilter {
  search: string;
  facilityId: number | null;
  status: 'present' | 'departed' | 'archived' | 'all';
}

export const LIST_LIMIT = 1000;

const statusClause: Record<ResidentFilter['status'], string> = {
  present:
    "r.archived_at IS NULL AND (r.discharge_date IS NULL OR r.discharge_date >= date('now'))",
  departed: "r.archived_at IS NULL AND r.discharge_date < date('now')",
  archived: 'r.archived_at IS NOT NULL',
  all: '1 = 1',
};

export function listResidents(db: Database.Database, filter: ResidentFilter): ResidentRow[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.facility_id, f.name AS facility_name, r.civilite, r.nom, r.prenom, r.room,
              r.admission_date, r.discharge_date, r.gir, r.archived_at,
              CASE WHEN r.receives_invoices = 1 THEN r.email END AS own_email,
              (SELECT json_group_array(c.email) FROM contacts c
                WHERE c.resident_id = r.id AND c.receives_invoices = 1 AND c.email IS NOT NULL) AS contact_emails,
              EXISTS (SELECT 1 FROM residents d WHERE d.search_key = r.search_key AND d.id <> r.id
                      AND d.archived_at IS NULL) AS duplicate
         FROM residents r JOIN facilities f ON f.id = r.facility_id
        WHERE ${statusClause[filter.status]}
          AND (:facility IS NULL OR r.facility_id = :facility)
          AND (:search = '' OR r.search_key LIKE '%' || :search || '%' OR r.room = :room)
        ORDER BY r.search_key
        LIMIT ${LIST_LIMIT}`,
    )
    .all({
      facility: filter.facilityId,
      search: foldForSearch(filter.search),
      room: filter.search.trim(),
    }) as {
    id: number;
    facility_id: number;
    facility_name: string;
    civilite: 'M.' | 'Mme';
    nom: string;
    prenom: string;
    room: string;
    admission_date: string;
    discharge_date: string | null;
    gir: number | null;
    archived_at: string | null;
    own_email: string | null;
    contact_emails: string;
    duplicate: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    civilite: row.civilite,
    nom: row.nom,
    prenom: row.prenom,
    room: row.room,
    admissionDate: row.admission_date,
    dischargeDate: row.discharge_date,
    gir: row.gir,
    invoiceEmails: [
      ...(row.own_email ? [row.own_email] : []),
      ...(JSON.parse(row.contact_emails) as string[]),
    ],
    archived: row.archived_at !== null,
    duplicate: row.duplicate === 1,
  }));
}

function loadRow(db: Database.Database, id: number): ResidentRowDb {
  const row = db.prepare('SELECT * FROM residents WHERE id = ?').get(id) as
    ResidentRowDb | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return row;
}

function loadContacts(db: Database.Database, id: number): ContactRowDb[] {
  return db
    .prepare('SELECT * FROM contacts WHERE resident_id = ? ORDER BY position, id')
    .all(id) as ContactRowDb[];
}

export function getResident(db: Database.Database, id: number): Resident {
  const row = loadRow(db, id);
  const last = db
    .prepare(
      `SELECT user_name AS userName, workstation, at FROM audit_log
        WHERE entity = 'resident' AND entity_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(id) as Resident['lastChange'] | undefined;
  return {
    id: row.id,
    version: row.version,
    ...residentFieldsOf(row),
    archivedAt: row.archived_at,
    contacts: loadContacts(db, id).map(contactOf),
    lastChange: last ?? null,
    duplicates: findDuplicates(db, row.nom, row.prenom, id),
  };
}

/** What the audit log records for a resident: fields, and contacts as readable lines. */
function snapshot(
  fields: Omit<ResidentFields, 'contacts'>,
  contacts: Parameters<typeof contactSummary>[0][],
) {
  return { ...fields, contacts: contacts.map(contactSummary) };
}

function writeContacts(
  db: Database.Database,
  residentId: number,
  contacts: ResidentFields['contacts'],
): void {
  const existing = new Set(loadContacts(db, residentId).map((c) => c.id));
  // Clear the invoice flags first so the two-address trigger never sees a half-applied swap.
  db.prepare('UPDATE contacts SET receives_invoices = 0 WHERE resident_id = ?').run(residentId);
  const update = db.prepare(
    `UPDATE contacts SET role = :role, civilite = :civilite, nom = :nom, prenom = :prenom,
       relationship = :relationship, email = :email, phone = :phone, address_line1 = :address_line1,
       address_line2 = :address_line2, postal_code = :postal_code, city = :city, country = :country,
       language = :language, receives_invoices = :receives_invoices, position = :position
     WHERE id = :id AND resident_id = :resident_id`,
  );
  const insert = db.prepare(
    `INSERT INTO contacts (resident_id, role, civilite, nom, prenom, relationship, email, phone,
       address_line1, address_line2, postal_code, city, country, language, receives_invoices, position)
     VALUES (:resident_id, :role, :civilite, :nom, :prenom, :relationship, :email, :phone,
       :address_line1, :address_line2, :postal_code, :city, :country, :language, :receives_invoices, :position)`,
  );
  const kept: number[] = [];
  contacts.forEach((contact, position) => {
    const params = contactParams(residentId, contact, position);
    if (contact.id !== null && existing.has(contact.id)) {
      update.run({ ...params, id: contact.id });
      kept.push(contact.id);
    } else {
      insert.run(params);
    }
  });
  const removed = [...existing].filter((id) => !kept.includes(id));
  const remove = db.prepare('DELETE FROM contacts WHERE id = ?');
  for (const id of removed) remove.run(id);
}

/**
 * Adds a resident and their contacts, audited as `action`; the caller holds the write
 * transaction (a save, or a whole CSV import that must land all at once or not at all).
 */
export function insertResident(
  db: Database.Database,
  actor: Actor,
  resident: ResidentFields,
  action: 'create' | 'import' = 'create',
): number {
  const { contacts, ...fields } = resident;
  const params = residentParams(resident);
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO residents (facility_id, civilite, nom, prenom, date_naissance, room, admission_date,
           discharge_date, gir, language, email, receives_invoices, notes, search_key, created_at, updated_at)
         VALUES (:facility_id, :civilite, :nom, :prenom, :date_naissance, :room, :admission_date,
           :discharge_date, :gir, :language, :email, 0, :notes, :search_key, :now, :now)`,
      )
      .run({ ...params, now }).lastInsertRowid,
  );
  writeContacts(db, id, contacts);
  db.prepare('UPDATE residents SET receives_invoices = ? WHERE id = ?').run(
    params.receives_invoices,
    id,
  );
  audit(db, actor, {
    entity: 'resident',
    entityId: id,
    action,
    version: 1,
    changes: diff({}, snapshot(fields, contacts)),
  });
  return id;
}

export interface SaveRequest {
  id: number | null;
  version: number | null;
  resident: ResidentFields;
  /** When a changed GIR applies from (an evaluation's date); today when not given. */
  girValidFrom?: string | undefined;
}

export function saveResident(db: Database.Database, actor: Actor, request: SaveRequest): Resident {
  const { contacts, ...fields } = request.resident;
  const now = new Date().toISOString();
  const id = write(db, () => {
    if (request.id === null) return insertResident(db, actor, request.resident);
    const residentId = request.id;
    const current = loadRow(db, residentId);
    const update = {
      entity: 'resident',
      id: residentId,
      current: current.version,
      expected: request.version,
      before: snapshot(residentFieldsOf(current), loadContacts(db, residentId).map(contactOf)),
      after: snapshot(fields, contacts),
      labels: residentFieldLabels,
    };
    updateVersioned(db, actor, update, () => {
      db.prepare('UPDATE residents SET receives_invoices = 0 WHERE id = ?').run(residentId);
      writeContacts(db, residentId, contacts);
      db.prepare(
        `UPDATE residents SET facility_id = :facility_id, civilite = :civilite, nom = :nom, prenom = :prenom,
           date_naissance = :date_naissance, room = :room, admission_date = :admission_date,
           discharge_date = :discharge_date, gir = :gir, language = :language, email = :email,
           receives_invoices = :receives_invoices, notes = :notes, search_key = :search_key,
           updated_at = :now, version = version + 1
         WHERE id = :id`,
      ).run({ ...residentParams(request.resident), now, id: residentId });
      if (fields.gir !== null && fields.gir !== current.gir) {
        const latest = recordGirChange(db, actor, {
          residentId,
          admissionDate: fields.admissionDate,
          previousGir: current.gir,
          gir: fields.gir,
          validFrom: request.girValidFrom ?? localToday(),
        });
        // An evaluation dated before a later one: the record keeps showing the latest.
        db.prepare('UPDATE residents SET gir = ? WHERE id = ?').run(latest, residentId);
      }
    });
    return request.id;
  });
  return getResident(db, id);
}

/** Archives (or restores) a resident: kept with their invoices, hidden from daily lists. */
export function setArchived(
  db: Database.Database,
  actor: Actor,
  ref: { id: number; version: number },
  archived: boolean,
): Resident {
  write(db, () => {
    const current = loadRow(db, ref.id);
    checkVersion(
      db,
      { entity: 'resident', id: ref.id, current: current.version, expected: ref.version },
      residentFieldLabels,
    );
    const at = archived ? new Date().toISOString() : null;
    db.prepare(
      'UPDATE residents SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?',
    ).run(at, new Date().toISOString(), ref.id);
    audit(db, actor, {
      entity: 'resident',
      entityId: ref.id,
      action: archived ? 'archive' : 'restore',
      version: current.version + 1,
      changes: { archivedAt: [current.archived_at, at] },
    });
  });
  return getResident(db, ref.id);
}
