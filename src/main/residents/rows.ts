// Residents and contacts between SQLite rows and contract records.
import type { Contact, Resident, ResidentInput } from '../../shared/contract';
import type { residentInputSchema, contactInputSchema } from '../../shared/contract';
import type { z } from 'zod';
import { foldForSearch } from '../../shared/text';

export type ResidentFields = z.output<typeof residentInputSchema>;
export type ContactFields = z.output<typeof contactInputSchema>;
export type { ResidentInput };

export interface ResidentRowDb {
  id: number;
  version: number;
  facility_id: number;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  date_naissance: string | null;
  room: string;
  admission_date: string;
  discharge_date: string | null;
  gir: number | null;
  language: Resident['language'];
  email: string | null;
  receives_invoices: number;
  notes: string;
  archived_at: string | null;
}

export interface ContactRowDb {
  id: number;
  role: Contact['role'];
  civilite: Contact['civilite'];
  nom: string;
  prenom: string;
  relationship: string;
  email: string | null;
  phone: string;
  address_line1: string;
  address_line2: string;
  postal_code: string;
  city: string;
  country: string;
  language: Contact['language'];
  receives_invoices: number;
}

/** The fields the audit log and conflict messages compare, in the user's order. */
export function residentFieldsOf(row: ResidentRowDb): Omit<ResidentFields, 'contacts'> {
  return {
    facilityId: row.facility_id,
    civilite: row.civilite,
    nom: row.nom,
    prenom: row.prenom,
    dateNaissance: row.date_naissance,
    room: row.room,
    admissionDate: row.admission_date,
    dischargeDate: row.discharge_date,
    gir: row.gir,
    language: row.language,
    email: row.email,
    receivesInvoices: row.receives_invoices === 1,
    notes: row.notes,
  };
}

export function contactOf(row: ContactRowDb): Contact {
  return {
    id: row.id,
    role: row.role,
    civilite: row.civilite,
    nom: row.nom,
    prenom: row.prenom,
    relationship: row.relationship,
    email: row.email,
    phone: row.phone,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
    language: row.language,
    receivesInvoices: row.receives_invoices === 1,
  };
}

export function residentParams(fields: ResidentFields) {
  return {
    facility_id: fields.facilityId,
    civilite: fields.civilite,
    nom: fields.nom,
    prenom: fields.prenom,
    date_naissance: fields.dateNaissance,
    room: fields.room,
    admission_date: fields.admissionDate,
    discharge_date: fields.dischargeDate,
    gir: fields.gir,
    language: fields.language,
    email: fields.email,
    receives_invoices: fields.receivesInvoices ? 1 : 0,
    notes: fields.notes,
    search_key: foldForSearch(`${fields.nom} ${fields.prenom}`),
  };
}

export function contactParams(residentId: number, contact: ContactFields, position: number) {
  return {
    resident_id: residentId,
    role: contact.role,
    civilite: contact.civilite,
    nom: contact.nom,
    prenom: contact.prenom,
    relationship: contact.relationship,
    email: contact.email,
    phone: contact.phone,
    address_line1: contact.addressLine1,
    address_line2: contact.addressLine2,
    postal_code: contact.postalCode,
    city: contact.city,
    country: contact.country,
    language: contact.language,
    receives_invoices: contact.receivesInvoices ? 1 : 0,
    position,
  };
}

/** A contact as the audit log and conflict messages describe it. */
export function contactSummary(
  contact: Pick<Contact, 'role' | 'prenom' | 'nom' | 'email' | 'receivesInvoices'>,
): string {
  const name = [contact.prenom, contact.nom].filter(Boolean).join(' ');
  const email = contact.email ? ` <${contact.email}>` : '';
  return `${contact.role} ${name}${email}${contact.receivesInvoices ? ' (reçoit les factures)' : ''}`;
}
