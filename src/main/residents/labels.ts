// French names of resident fields, for conflict messages and the audit log's readers.
export const residentFieldLabels: Record<string, string> = {
  facilityId: 'Établissement',
  civilite: 'Civilité',
  nom: 'Nom',
  prenom: 'Prénom',
  dateNaissance: 'Date de naissance',
  room: 'Chambre',
  admissionDate: 'Date d’entrée',
  dischargeDate: 'Date de sortie',
  gir: 'GIR',
  language: 'Langue',
  email: 'E-mail du résident',
  receivesInvoices: 'Le résident reçoit les factures',
  notes: 'Notes',
  contacts: 'Famille / tuteur',
  archivedAt: 'Archivé le',
};
