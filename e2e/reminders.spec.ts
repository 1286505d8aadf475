// Relances end to end in Chromium on a demo database (it has unpaid invoices in recent months)
// and a real smtp-server started by this spec: in « Mode courrier » two ticked payers give one
// PDF of letters, opened in a new tab from the web host, and their level becomes « Relance 1 »;
// in « Mode e-mail » the addresses column appears, and one ticked payer's reminder reaches the
// server with the PDF of every unpaid invoice attached.
import { simpleParser } from 'mailparser';
import { startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { saveLocalServer } from './steps';

const USER = 'factures@les-tilleuls.example';
const PASSWORD = 'Bon-M0t-de-Passe';
let server: TestSmtp;

test.beforeAll(async () => {
  server = await startSmtp({ mode: 'plain', auth: { user: USER, pass: PASSWORD } });
});
test.afterAll(async () => {
  await server.close();
});

const NUMBER = /[A-Z]{2,5}-\d{4}-\d+/g;

test('prints letters for two payers, then emails one payer its reminder with the invoices', async ({
  page,
  pli,
}, testInfo) => {
  test.setTimeout(180_000);
  await openDemo(page, pli.url);
  // The server, with the password for this session (the administrator stays signed in).
  await saveLocalServer(page, server.port, USER, PASSWORD);

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Relances' })
    .click();
  const table = page.getByRole('table', { name: 'Relances' });
  await expect(table.getByRole('checkbox').first()).toBeEnabled({ timeout: 60_000 });
  await expect(table.getByRole('columnheader', { name: 'Adresse(s) e-mail' })).toHaveCount(0);

  // Mode courrier: two payers, one PDF.
  await page.getByRole('button', { name: 'Tout décocher' }).click();
  const rows = table.locator('tbody tr');
  const payers: string[] = [];
  for (let i = 0; i < 2; i++) {
    payers.push(((await rows.nth(i).getByRole('rowheader').textContent()) ?? '').trim());
    await rows.nth(i).getByRole('checkbox').check();
  }
  await expect(page.getByText('2 payeurs cochés', { exact: false })).toBeVisible();
  const tab = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Imprimer les lettres' }).click();
  const pdf = await tab;
  await expect(pdf).toHaveURL(/\/files\/reminders\/relances-[\d-]+\.pdf$/);
  await pdf.close();
  await expect(page.getByText(/2 lettres prêtes/)).toBeVisible();
  const link = page.getByRole('link', { name: 'Ouvrir le PDF des lettres' });
  const response = await page.request.get(
    new URL((await link.getAttribute('href'))!, pli.url).href,
  );
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  for (const payer of payers) {
    const row = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: payer, exact: true }) });
    await expect(row.first()).toContainText('Relance 1');
    await expect(row.first()).toContainText('Relance 2');
  }

  // Mode e-mail: the addresses column; one payer that has never been reminded.
  await page.getByLabel('Mode e-mail').check();
  await expect(table.getByRole('columnheader', { name: 'Adresse(s) e-mail' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('relances-mode-e-mail.png') });
  await page.getByRole('button', { name: 'Tout décocher' }).click();
  const fresh = table
    .locator('tbody tr')
    .filter({ hasNot: page.getByText('Relance 2', { exact: true }) })
    .first();
  const invoices = ((await fresh.locator('td').nth(3).textContent()) ?? '').match(NUMBER) ?? [];
  expect(invoices.length).toBeGreaterThan(0);
  const addresses = await fresh.locator('td').last().locator('li').allTextContents();
  expect(addresses.length).toBeGreaterThan(0);
  await fresh.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Envoyer les relances' }).click();
  await expect(page.getByText(/1 relance mise en file d’envoi/)).toBeVisible();
  await expect.poll(() => server.received.length, { timeout: 60_000 }).toBe(1);
  const mail = await simpleParser(server.received[0]!.raw);
  expect(server.received[0]!.envelope.rcptTo.map((r) => r.address)).toEqual(
    expect.arrayContaining(addresses),
  );
  const names = mail.attachments.map((a) => a.filename);
  for (const number of new Set(invoices)) expect(names).toContain(`Facture ${number}.pdf`);
  expect(mail.text).toBeTruthy();
});
