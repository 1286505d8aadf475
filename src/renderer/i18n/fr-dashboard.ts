// French text of the home page's monthly dashboard.
export const frDashboard = {
  nav: 'Tableau de bord',
  title: 'Tableau de bord',
  intro: 'Les factures de chaque établissement pour le mois en cours et le mois précédent.',
  caption: (facility: string) => `Factures de ${facility}`,
  measure: 'Factures',
  figures: {
    issued: 'Émises',
    sent: 'Envoyées par e-mail',
    failed: 'En échec',
    read: 'Lues (accusé reçu)',
    unpaid: 'Non payées',
  },
  noFacility: 'Aucun établissement pour l’instant.',
} as const;
