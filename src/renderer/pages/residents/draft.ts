// The editable form of a resident record: what the user types, sent as-is to residents:save,
// where the contract's schema checks it.
import type { ContactInput, Resident, ResidentInput } from '../../../shared/contract';

export type ResidentDraft = Omit<ResidentInput, 'contacts'> & { contacts: ContactInput[] };

export function emptyContact(role: ContactInput['role'] = 'famille'): ContactInput {
  return {
    id: null,
    role,
    civilite: '',
    nom: '',
    prenom: '',
    relationship: '',
    email: '',
    phone: '',
    addressLine1: '',
    addressLine2: '',
    postalCode: '',
    city: '',
    country: 'France',
    language: 'fr',
    receivesInvoices: false,
  };
}

export function emptyResident(facilityId: number): ResidentDraft {
  return {
    facilityId,
    civilite: 'Mme',
    nom: '',
    prenom: '',
    dateNaissance: null,
    room: '',
    admissionDate: new Date().toISOString().slice(0, 10),
    dischargeDate: null,
    gir: null,
    language: 'fr',
    email: '',
    receivesInvoices: false,
    notes: '',
    contacts: [],
  };
}

export function draftOf(resident: Resident): ResidentDraft {
  return {
    facilityId: resident.facilityId,
    civilite: resident.civilite,
    nom: resident.nom,
    prenom: resident.prenom,
    dateNaissance: resident.dateNaissance,
    room: resident.room,
    admissionDate: resident.admissionDate,
    dischargeDate: resident.dischargeDate,
    gir: resident.gir,
    language: resident.language,
    email: resident.email ?? '',
    receivesInvoices: resident.receivesInvoices,
    notes: resident.notes,
    contacts: resident.contacts.map((contact) => ({ ...contact, email: contact.email ?? '' })),
  };
}

export function sameDraft(a: ResidentDraft, b: ResidentDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const languages: Record<ResidentInput['language'], string> = {
  fr: 'Français',
  en: 'Anglais',
  nl: 'Néerlandais',
  de: 'Allemand',
  es: 'Espagnol',
  it: 'Italien',
  pt: 'Portugais',
};

/**
 * "Save mine anyway" after a conflict: the fields this user changed since they opened the
 * record, applied on top of the latest saved version, so the other person's changes to other
 * fields survive.
 */
export function mergeDraft(
  base: ResidentDraft,
  mine: ResidentDraft,
  latest: ResidentDraft,
): ResidentDraft {
  const merged: Record<string, unknown> = { ...latest };
  for (const key of Object.keys(mine) as (keyof ResidentDraft)[]) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(base[key])) merged[key] = mine[key];
  }
  return merged as ResidentDraft;
}
