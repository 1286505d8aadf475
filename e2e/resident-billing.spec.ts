// A demo resident's Facturation tab in Chromium: record a hospitalisation in a month already
// invoiced (and see that issued invoices stay as they are), a débours typed the French way, a
// GIR change from a date; reload and find them all, the old GIR kept from admission.
import type { Page } from '@playwright/test';
import { expect, openDemo, openResidents, test } from './fixtures';

const editor = (page: Page) => page.getByRole('region', { name: 'Dossier du résident' });
const pad = (n: number) => String(n).padStart(2, '0');
/** 'YYYY-MM' of the month `offset` months from now (negative: before). */
function month(offset: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}
const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The first resident listed who was admitted before `before` (ISO): their name. */
async function residentAdmittedBefore(page: Page, before: string): Promise<string> {
  const rows = page.locator('table tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    const admission = (await row.locator('td').nth(3).textContent()) ?? '';
    const [d, m, y] = admission.split('/');
    if (`${y}-${m}-${d}` < before) return (await row.locator('button.link').textContent()) ?? '';
  }
  throw new Error(`no demo resident admitted before ${before}`);
}

test('record a hospitalisation, a débours and a GIR change from a date, then reload', async ({
  page,
  pli,
}) => {
  await openDemo(page, pli.url);
  await openResidents(page);
  const away = { start: `${month(-2)}-05`, end: `${month(-2)}-09` };
  const name = await residentAdmittedBefore(page, `${month(-3)}-01`);
  await page.getByRole('button', { name, exact: true }).click();
  const form = editor(page);
  await expect(form.getByRole('heading', { level: 2 })).toContainText(name.split(' ')[0] ?? '');
  await form.getByRole('tab', { name: 'Facturation' }).click();

  // Absences: a wrong order is refused in French; then a five-day hospitalisation.
  const absences = form.getByRole('region', { name: 'Absences' });
  await absences.getByLabel('Type d’absence').selectOption({ label: 'Hospitalisation' });
  await absences.getByLabel('Premier jour d’absence').fill(away.end);
  await absences.getByLabel(/Dernier jour d’absence/).fill(away.start);
  await absences.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(absences.getByRole('alert')).toContainText(
    'Le dernier jour d’absence précède le premier',
  );
  await absences.getByLabel('Premier jour d’absence').fill(away.start);
  await absences.getByLabel(/Dernier jour d’absence/).fill(away.end);
  await absences.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(absences.getByText('Absence enregistrée.')).toBeVisible();
  const absenceRow = absences.getByRole('row').filter({ hasText: fr(away.start) });
  await expect(absenceRow).toContainText(
    `HospitalisationFacture déjà émise${fr(away.start)}${fr(away.end)}5 jours`,
  );
  // That month was invoiced already: the invoice stays as it is, and the page says so.
  await expect(absences.getByRole('note')).toContainText(
    'les factures déjà émises ne sont pas modifiées',
  );

  // Débours: a third decimal is refused; 18,45 is kept as 18,45 €.
  const debours = form.getByRole('region', { name: 'Débours' });
  await debours.getByLabel('Libellé (coiffeur, pharmacie…)').fill('Coiffeur (couleur)');
  await debours.getByLabel(/Montant en euros/).fill('18,456');
  await debours.getByRole('button', { name: 'Enregistrer le débours' }).click();
  await expect(debours.getByRole('alert')).toContainText('au plus deux décimales');
  await debours.getByLabel(/Montant en euros/).fill('18,45');
  await debours.getByRole('button', { name: 'Enregistrer le débours' }).click();
  await expect(debours.getByText('Débours enregistré.')).toBeVisible();
  const deboursRow = debours.getByRole('row').filter({ hasText: 'Coiffeur (couleur)' });
  await expect(deboursRow).toContainText(/18,45\s€/);

  // GIR: choosing another GIR asks from when it applies; the old one is kept from admission.
  const girSelect = form.getByRole('combobox', { name: 'GIR', exact: true });
  const before = Number(await girSelect.inputValue());
  const after = before === 2 ? 4 : 2;
  const from = `${month(-1)}-16`;
  await girSelect.selectOption({ label: `GIR ${after}` });
  await form.getByLabel('GIR à compter du').fill(from);
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(form.getByText('Dossier enregistré.')).toBeVisible();
  const gir = form.getByRole('region', { name: 'Évaluations GIR' });
  await expect(gir.getByRole('row').nth(1)).toContainText(`GIR ${after}`);
  await expect(gir.getByRole('row').nth(1)).toContainText(fr(from));
  await expect(gir.getByRole('row').nth(2)).toContainText(`GIR ${before}`);

  // After a reload, everything is read back from the file.
  await page.reload();
  await page.getByRole('button', { name, exact: true }).click();
  await editor(page).getByRole('tab', { name: 'Facturation' }).click();
  const reloaded = editor(page);
  await expect(reloaded.getByRole('combobox', { name: 'GIR', exact: true })).toHaveValue(
    String(after),
  );
  await expect(
    reloaded.getByRole('region', { name: 'Absences' }).getByRole('row', { name: /5 jours/ }),
  ).toContainText(fr(away.end));
  await expect(reloaded.getByRole('region', { name: 'Débours' })).toContainText(
    'Coiffeur (couleur)',
  );
  const evaluations = reloaded.getByRole('region', { name: 'Évaluations GIR' });
  await expect(evaluations.getByRole('row')).toHaveCount(3);

  // An evaluation dated before the latest one fills the history; the record keeps the latest.
  await evaluations.getByLabel('GIR évalué').selectOption({ label: 'GIR 6' });
  await evaluations.getByLabel('Évaluation à compter du').fill(`${month(-2)}-01`);
  await evaluations.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(evaluations.getByText('Évaluation enregistrée.')).toBeVisible();
  await expect(evaluations.getByRole('row')).toHaveCount(4);
  await expect(evaluations.getByRole('row').nth(2)).toContainText('GIR 6GIR 5-6');
  await expect(reloaded.getByRole('combobox', { name: 'GIR', exact: true })).toHaveValue(
    String(after),
  );
});
