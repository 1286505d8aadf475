// A resident's record lists their issued invoices (Facturation tab): « Voir le PDF » opens the
// invoice, and « Envoyer par e-mail » opens the journal's own single-send dialog for it. The
// tab passes axe-core; a screenshot goes with the results.
import { expect, openDemo, openResidents, test } from './fixtures';
import { expectAccessible } from './steps';

test('a demo resident’s invoices: open the PDF and the send dialog', async ({
  page,
  pli,
}, testInfo) => {
  await openDemo(page, pli.url);
  await openResidents(page);
  const first = page.locator('.residents-list tbody button').first();
  const name = ((await first.textContent()) ?? '').trim();
  await first.click();
  const record = page.getByRole('region', { name: 'Dossier du résident' });
  await expect(record.getByRole('heading', { level: 2 })).toContainText(name.split(' ')[0] ?? '');
  await record.getByRole('tab', { name: 'Facturation' }).click();

  const invoices = record.getByRole('region', { name: 'Factures émises du résident' });
  const rows = invoices.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const number = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
  expect(number).toMatch(/^[A-Z]+-\d{4}-\d+$/);
  await expectAccessible(page, '.resident-invoices');
  const shot = testInfo.outputPath('factures-du-resident.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('factures-du-resident', { path: shot, contentType: 'image/png' });

  const popup = page.waitForEvent('popup');
  await invoices.getByRole('button', { name: `Voir le PDF de ${number}` }).click();
  const pdf = await popup;
  await expect.poll(() => pdf.url()).toContain('/facture.pdf');
  await pdf.close();

  await invoices.getByRole('button', { name: `Envoyer par e-mail la facture ${number}` }).click();
  const dialog = page.getByRole('dialog', { name: `Envoyer la facture ${number} par e-mail` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Destinataires' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
});
