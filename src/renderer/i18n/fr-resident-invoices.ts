// French text of a resident's « Factures émises » (their record's Facturation tab).
export const frResidentInvoices = {
  title: 'Factures émises',
  label: 'Factures émises du résident',
  none: 'Aucune facture émise pour ce résident.',
  columns: {
    number: 'N°',
    period: 'Période',
    date: 'Date',
    amount: 'Montant',
    status: 'Statut',
    envelope: 'Envoi',
    actions: 'Actions',
  },
  sendOf: (number: string) => `Envoyer par e-mail la facture ${number}`,
} as const;
