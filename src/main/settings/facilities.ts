// Facilities (établissements) and their billing identity, shared by every workstation.
// Saved by admin or facturation, version-checked and audited like every record.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { PliError, type FacilityDetail, type facilityInputSchema } from '../../shared/contract';
import { audit, diff, type Actor } from '../db/audit';
import { updateVersioned } from '../db/conflict';
import { write } from '../db/tx';

type FacilityFields = z.output<typeof facilityInputSchema>;

const COLUMNS = `id, version, code, name, kind, address_line1 AS addressLine1, address_line2 AS addressLine2,
  postal_code AS postalCode, city, phone, email, finess, siret, legal_name AS legalName,
  billing_address AS billingAddress, iban, bic, vat_mention AS vatMention,
  sender_name AS senderName, reply_to AS replyTo`;

export const facilityFieldLabels: Record<string, string> = {
  code: 'Code',
  name: 'Nom',
  kind: 'Type',
  addressLine1: 'Adresse',
  addressLine2: 'Complément d’adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  phone: 'Téléphone',
  email: 'E-mail',
  finess: 'N° FINESS',
  siret: 'SIRET',
  legalName: 'Raison sociale',
  billingAddress: 'Adresse de facturation',
  iban: 'IBAN',
  bic: 'BIC',
  vatMention: 'Mention de TVA',
  senderName: 'Nom d’expéditeur des e-mails',
  replyTo: 'Adresse de réponse des e-mails',
};

export function listFacilityDetails(db: Database.Database): FacilityDetail[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM facilities WHERE archived_at IS NULL ORDER BY name`)
    .all() as FacilityDetail[];
}

function load(db: Database.Database, id: number): FacilityDetail {
  const row = db.prepare(`SELECT ${COLUMNS} FROM facilities WHERE id = ?`).get(id) as
    FacilityDetail | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return row;
}

function params(f: FacilityFields) {
  return {
    code: f.code,
    name: f.name,
    kind: f.kind,
    address_line1: f.addressLine1,
    address_line2: f.addressLine2,
    postal_code: f.postalCode,
    city: f.city,
    phone: f.phone,
    email: f.email ?? '',
    finess: f.finess,
    siret: f.siret,
    legal_name: f.legalName,
    billing_address: f.billingAddress,
    iban: f.iban,
    bic: f.bic,
    vat_mention: f.vatMention,
    sender_name: f.senderName,
    reply_to: f.replyTo,
  };
}

export function saveFacility(
  db: Database.Database,
  actor: Actor,
  request: { id: number | null; version: number | null; facility: FacilityFields },
): FacilityDetail {
  const values = params(request.facility);
  const after = { ...request.facility, email: request.facility.email ?? '' };
  const id = write(db, () => {
    const taken = db
      .prepare('SELECT id FROM facilities WHERE code = ? AND id IS NOT ?')
      .get(values.code, request.id);
    if (taken)
      throw new PliError('INVALID_INPUT', [
        `Le code ${values.code} est déjà pris par un autre établissement.`,
      ]);
    if (request.id === null) {
      const newId = Number(
        db
          .prepare(
            `INSERT INTO facilities (code, name, kind, address_line1, address_line2, postal_code, city, phone, email,
               finess, siret, legal_name, billing_address, iban, bic, vat_mention, sender_name, reply_to)
             VALUES (:code, :name, :kind, :address_line1, :address_line2, :postal_code, :city, :phone, :email,
               :finess, :siret, :legal_name, :billing_address, :iban, :bic, :vat_mention, :sender_name, :reply_to)`,
          )
          .run(values).lastInsertRowid,
      );
      audit(db, actor, {
        entity: 'facility',
        entityId: newId,
        action: 'create',
        version: 1,
        changes: diff({}, after),
      });
      return newId;
    }
    const { id: _id, version, ...before } = load(db, request.id);
    const update = {
      entity: 'facility',
      id: request.id,
      current: version,
      expected: request.version,
    };
    updateVersioned(db, actor, { ...update, before, after, labels: facilityFieldLabels }, () => {
      db.prepare(
        `UPDATE facilities SET code = :code, name = :name, kind = :kind, address_line1 = :address_line1,
           address_line2 = :address_line2, postal_code = :postal_code, city = :city, phone = :phone,
           email = :email, finess = :finess, siret = :siret, legal_name = :legal_name,
           billing_address = :billing_address, iban = :iban, bic = :bic, vat_mention = :vat_mention,
           sender_name = :sender_name, reply_to = :reply_to, version = version + 1
         WHERE id = :id`,
      ).run({ ...values, id: request.id });
    });
    return request.id;
  });
  return load(db, id);
}
