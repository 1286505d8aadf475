// CSV import in Chromium: an export in Windows-1252 with one bad line is refused whole, with
// the line named; once corrected, every resident arrives with their family contact.
import { expect, openDemo, openResidents, test } from './fixtures';

function csv(secondEmail: string): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [
    'Civilité;Nom;Prénom;Chambre;Date entrée;Nom famille;Prénom famille;Email famille',
    'Mme;Théréné;Françoise;101;01/09/2025;Théréné;Agnès;agnes.therene@orange.example',
    `M.;Lefèbvre;Gérard;102;15/10/2025;Lefèbvre;Loïc;${secondEmail}`,
    'Mme;Caël;Noëlle;103;03/11/2025;Caël;Hervé;herve.cael@free.example',
  ];
  // Windows-1252, as older billing software exports: these letters are all in Latin-1.
  return {
    name: 'export-residents.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n'), 'latin1'),
  };
}

test('import residents from a Windows-1252 CSV: all or nothing, with per-line errors', async ({
  page,
  pli,
}) => {
  await openDemo(page, pli.url);
  await openResidents(page);
  await page.getByRole('button', { name: 'Importer un fichier CSV' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Fichier CSV').setInputFiles(csv('loic.lefebvre@'));
  await expect(dialog.getByText('Windows-1252')).toBeVisible();
  await expect(dialog.getByRole('table').first()).toContainText('Théréné');
  await dialog
    .getByLabel('Établissement par défaut')
    .selectOption({ label: 'EHPAD Les Tilleuls (TIL)' });
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  const errors = dialog.getByLabel('Lignes à corriger');
  await expect(errors).toContainText('Ligne 3');
  await expect(errors).toContainText('Adresse e-mail invalide');
  await expect(dialog.getByRole('alert')).toContainText('rien n’a été importé');

  await dialog.getByLabel('Fichier CSV').setInputFiles(csv('loic.lefebvre@wanadoo.example'));
  await dialog
    .getByLabel('Établissement par défaut')
    .selectOption({ label: 'EHPAD Les Tilleuls (TIL)' });
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByText('3 résidents importés.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  // Imported once, not twice: the refused attempt left nothing behind.
  await page.getByRole('search').getByLabel('Rechercher (nom ou chambre)').fill('therene');
  await expect(page.getByRole('button', { name: 'Théréné Françoise' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Théréné Françoise' }).click();
  await page.getByRole('tab', { name: 'Famille / Tuteur' }).click();
  await expect(page.getByLabel('E-mail du contact')).toHaveValue('agnes.therene@orange.example');
});
