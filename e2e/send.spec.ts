// « Envoyer » end to end in Chromium on a demo database and a real smtp-server started by this
// spec: the administrator sets the server (password for the session only, so the next user is
// asked for it); facturation unticks all but 3 ready invoices, confirms « Envoyer 3 e-mails ? »
// at the fastest pace, types the password, and watches the panel reach « 2 envoyés, 1 en échec »:
// the server refused one family's address with 550, shown in red with its reply. The panel
// survives a change of page and a reload (the indicator reopens it). Once the server accepts
// that address, « Renvoyer les échecs » makes it « 3 envoyés ». Every message has its PDF.
import { simpleParser } from 'mailparser';
import type { TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { openBulkSendAsBilling, saveLocalServer, startRefusingSmtp } from './steps';

const USER = 'factures@les-tilleuls.example';
const PASSWORD = 'Bon-M0t-de-Passe';
let server: TestSmtp;
/** Addresses the server refuses for now (lower case). */
const refused = new Set<string>();

test.beforeAll(async () => {
  server = await startRefusingSmtp(USER, PASSWORD, refused);
});
test.afterAll(async () => {
  await server.close();
});

test('facturation sends 3 invoices, sees a refused address in red, and resends it', async ({
  page,
  pli,
}) => {
  test.setTimeout(180_000);
  await openDemo(page, pli.url);
  await saveLocalServer(page, server.port, USER, PASSWORD);
  // Signing out forgets the password typed for the session: facturation will be asked.
  const ready = await openBulkSendAsBilling(page);
  await page.getByRole('button', { name: 'Tout décocher' }).click();
  const rows = ready.locator('tbody tr');
  const numbers: string[] = [];
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    numbers.push(((await row.getByRole('rowheader').textContent()) ?? '').trim());
    await row.getByRole('checkbox').check();
  }
  // The third family's addresses are refused by the server for now.
  const third = rows.nth(2).locator('td').nth(2).locator('li');
  for (const text of await third.allTextContents()) {
    refused.add((text.split(' ')[0] ?? '').toLowerCase());
  }
  expect([...refused][0]).toContain('@');

  await page.getByRole('button', { name: 'Envoyer 3 factures' }).click();
  const confirm = page.getByRole('dialog', { name: 'Envoyer 3 e-mails ?' });
  // The association's pace: 2 s between messages, so about 4 s for three.
  await expect(confirm.getByTestId('send-eta')).toHaveText('Durée prévue : environ 4 s.');
  await confirm.getByLabel('Secondes entre deux messages').fill('0');
  await confirm.getByLabel(/^Pause après chaque groupe/).fill('0');
  await expect(confirm.getByTestId('send-eta')).toHaveText('Durée prévue : quelques secondes.');
  await confirm.getByRole('button', { name: 'Envoyer 3 e-mails' }).click();

  await expect(confirm.getByLabel('Mot de passe du compte d’envoi')).toBeVisible();
  await confirm.getByLabel('Mot de passe du compte d’envoi').fill(PASSWORD);
  await confirm.getByLabel('Mémoriser sur ce poste').uncheck();
  await confirm.getByRole('button', { name: 'Valider et envoyer' }).click();

  const panel = page.getByRole('region', { name: 'Avancement de l’envoi' });
  await expect(panel.getByRole('status')).toContainText('2 envoyés, 1 en échec', {
    timeout: 60_000,
  });
  const failure = panel.locator('.batch-failure');
  await expect(failure).toContainText(`Facture ${numbers[2]}`);
  await expect(failure).toContainText('550 5.1.1 Mailbox unavailable');
  await expect(failure).toHaveCSS('color', 'rgb(163, 38, 42)');
  expect(server.received).toHaveLength(2);

  // Another page: the panel stays. A reload: the indicator, read from mail:batches, reopens it.
  await page.getByRole('link', { name: 'Résidents' }).click();
  await expect(panel).toBeVisible();
  await page.reload();
  await expect(panel).toHaveCount(0);
  const indicator = page.getByRole('group', { name: 'Envois en cours' });
  await indicator.getByRole('button', { name: '2 envoyés, 1 en échec' }).click();
  await expect(panel.locator('.batch-failure')).toContainText('550 5.1.1');

  // Fixed at the server's end: the resend goes out.
  refused.clear();
  await panel.getByRole('button', { name: 'Renvoyer les échecs' }).click();
  await expect(panel.getByRole('status')).toContainText('3 envoyés, 0 en échec', {
    timeout: 60_000,
  });
  await expect(panel.locator('.batch-failure')).toHaveCount(0);
  expect(server.received).toHaveLength(3);
  const subjects: string[] = [];
  for (const received of server.received) {
    const mail = await simpleParser(received.raw);
    subjects.push(mail.subject ?? '');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toMatch(/^Facture .+\.pdf$/);
  }
  for (const number of numbers) expect(subjects.join('\n')).toContain(number);
});
