// A batch under control in Chromium, against a real smtp-server started by this spec: facturation
// sends 15 invoices of the demo's last month at one message a second, pauses it mid-way (the
// server receives nothing more while paused), resumes it, closes the progress panel and follows
// the batch in the navigation's indicator, reloads the page mid-batch and still sees it move,
// until « 15 envoyés, 0 en échec ».
import type { Page } from '@playwright/test';
import { startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { openBulkSendAsBilling, saveLocalServer } from './steps';

const USER = 'factures@les-tilleuls.example';
const PASSWORD = 'Bon-M0t-de-Passe';
const TOTAL = 15;
let server: TestSmtp;

test.beforeAll(async () => {
  server = await startSmtp({ mode: 'plain', auth: { user: USER, pass: PASSWORD } });
});
test.afterAll(async () => {
  await server.close();
});

/** The indicator's « Envoi : 3 / 12 » as a number of messages sent. */
async function indicatorSent(page: Page): Promise<number> {
  const text =
    (await page
      .getByRole('group', { name: 'Envois en cours' })
      .getByRole('button')
      .first()
      .textContent()) ?? '';
  const match = /(\d+) (?:\/|envoyés)/.exec(text);
  return match ? Number(match[1]) : -1;
}

test('pause and resume a batch, close its panel, reload mid-batch: it goes on', async ({
  page,
  pli,
}) => {
  test.setTimeout(240_000);
  await openDemo(page, pli.url);
  await saveLocalServer(page, server.port, USER, PASSWORD);
  const ready = await openBulkSendAsBilling(page);
  await page.getByRole('button', { name: 'Tout décocher' }).click();
  for (let i = 0; i < TOTAL; i++)
    await ready.locator('tbody tr').nth(i).getByRole('checkbox').check();

  await page.getByRole('button', { name: `Envoyer ${TOTAL} factures` }).click();
  const confirm = page.getByRole('dialog', { name: `Envoyer ${TOTAL} e-mails ?` });
  await confirm.getByLabel('Secondes entre deux messages').fill('1');
  await confirm.getByLabel(/^Pause après chaque groupe/).fill('0');
  await confirm.getByRole('button', { name: `Envoyer ${TOTAL} e-mails` }).click();
  await confirm.getByLabel('Mot de passe du compte d’envoi').fill(PASSWORD);
  await confirm.getByLabel('Mémoriser sur ce poste').uncheck();
  await confirm.getByRole('button', { name: 'Valider et envoyer' }).click();

  // Paused once two messages are out: the server receives nothing more until « Reprendre ».
  const panel = page.getByRole('region', { name: 'Avancement de l’envoi' });
  const sent = panel.locator('[data-count="sent"] strong');
  await expect
    .poll(async () => Number(await sent.textContent()), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByRole('status')).toContainText('Envoi en pause.', { timeout: 30_000 });
  // A message on its way when the pause came may still land; then the count holds.
  await expect
    .poll(async () => Number(await sent.textContent()) === server.received.length, {
      timeout: 30_000,
    })
    .toBe(true);
  const atPause = server.received.length;
  expect(atPause).toBeLessThan(TOTAL);
  // Three intervals of the pace go by: nothing is sent, the panel says the same.
  await page.waitForTimeout(3_000);
  expect(server.received.length).toBe(atPause);
  await expect(sent).toHaveText(String(atPause));

  // Resume, then close the panel: the indicator follows the batch.
  await panel.getByRole('button', { name: 'Reprendre' }).click();
  await expect(panel.getByRole('status')).toContainText('Envoi en cours.', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Fermer (l’envoi continue)' }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => indicatorSent(page), { timeout: 60_000 }).toBeGreaterThan(atPause);

  // A reload mid-batch: the indicator, read from mail:batches, is there and still moving.
  const beforeReload = server.received.length;
  expect(beforeReload).toBeLessThan(TOTAL);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Envois en cours' })).toBeVisible({
    timeout: 30_000,
  });
  await expect.poll(() => indicatorSent(page), { timeout: 60_000 }).toBeGreaterThan(beforeReload);
  await page.getByRole('group', { name: 'Envois en cours' }).getByRole('button').first().click();
  await expect(panel.getByRole('status')).toContainText(`${TOTAL} envoyés, 0 en échec`, {
    timeout: 90_000,
  });
  expect(server.received).toHaveLength(TOTAL);
});
