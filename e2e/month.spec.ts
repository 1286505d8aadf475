// The whole month on the demo, in Chromium against a real smtp-server started by this spec:
// the administrator sets the server; facturation prepares and issues the current month in the
// Journal des factures, ticks 20 of its invoices in Envoi groupé and sends them at the fastest
// pace while a second page watches the journal: the envelopes turn « Envoyé » as the messages
// arrive, and the one family the server refuses with 550 turns red « En échec » with the reply.
// Facturation fixes that address in the resident's record, « Renvoyer les échecs » sends the
// invoice to the corrected address, and its envelope turns « Envoyé ».
import type { Page } from '@playwright/test';
import type { TestSmtp } from '../tests/fixtures/smtp';
import { formatPeriodFr } from '../src/shared/money';
import { expect, openDemo, openResidents, signIn, test } from './fixtures';
import { saveLocalServer, startRefusingSmtp } from './steps';

const USER = 'factures@les-tilleuls.example';
const PASSWORD = 'Bon-M0t-de-Passe';
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const period = today.slice(0, 7);
const month = formatPeriodFr(period);

let server: TestSmtp;
/** Addresses the server refuses (lower case). */
const refused = new Set<string>();

test.beforeAll(async () => {
  server = await startRefusingSmtp(USER, PASSWORD, refused);
});
test.afterAll(async () => {
  await server.close();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
const journalRow = (page: Page, number: string) =>
  page
    .locator('.journal-table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: number, exact: true }) });
const envelopeOf = (page: Page, number: string) =>
  journalRow(page, number).locator('[data-envelope]');

async function envelopeCounts(page: Page, numbers: readonly string[]) {
  const counts: Record<string, number> = {};
  for (const number of numbers) {
    const state = (await envelopeOf(page, number).getAttribute('data-envelope')) ?? '';
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

async function openJournal(page: Page) {
  await nav(page).getByRole('link', { name: 'Journal des factures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des factures' })).toBeVisible();
  await expect(
    page.getByRole('search', { name: 'Filtres du journal' }).getByLabel('Période'),
  ).toHaveValue(period);
}

test('facturation bills, issues and sends the month, fixes a refused address and resends', async ({
  context,
  page,
  pli,
}) => {
  test.setTimeout(240_000);
  await openDemo(page, pli.url);
  await saveLocalServer(page, server.port, USER, PASSWORD);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Benoît Maréchal');

  // Billing run of the current month for the first facility, then issue.
  await openJournal(page);
  const run = page.getByRole('region', { name: /^Facturation du mois/ });
  await run.getByRole('button', { name: `Préparer la facturation de ${month}` }).click();
  await expect(run.getByRole('heading', { name: 'Vérification avant émission' })).toBeVisible({
    timeout: 60_000,
  });
  await run.getByRole('button', { name: /^Émettre les \d+ factures$/ }).click();
  const issue = page.getByRole('dialog', { name: /^Émettre les \d+ factures de / });
  await issue.getByLabel('Date d’émission').fill(today);
  await issue.getByRole('button', { name: 'Émettre définitivement' }).click();
  await expect(run.getByRole('status').filter({ hasText: 'factures émises' })).toBeVisible({
    timeout: 60_000,
  });

  // Envoi groupé: the month just issued is chosen; 20 ticked, the rest unticked.
  await nav(page).getByRole('link', { name: 'Envoi groupé' }).click();
  await expect(page.getByLabel('Période')).toHaveValue(period);
  const ready = page.getByRole('table', { name: 'Factures qui partiront' });
  await expect(ready.getByRole('checkbox').first()).toBeEnabled({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Tout décocher' }).click();
  const rows = ready.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(20);
  const numbers: string[] = [];
  let target: { number: string; resident: string; address: string } | null = null;
  for (let i = 0; i < 20; i++) {
    const row = rows.nth(i);
    const number = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
    numbers.push(number);
    await row.getByRole('checkbox').check();
    const addresses = await row.locator('td').nth(2).locator('li').allTextContents();
    if (!target && i >= 2 && addresses.length === 1) {
      const address = (addresses[0]?.split(' ')[0] ?? '').toLowerCase();
      const resident = ((await row.locator('td').nth(1).textContent()) ?? '').trim();
      target = { number, resident, address };
    }
  }
  if (!target) throw new Error('no ticked invoice with a single address');
  expect(target.address).toContain('@');
  refused.add(target.address);
  await expect(page.getByText(/^20 sur \d+ cochées$/)).toBeVisible();

  // A second page of the same session watches the journal of the month during the send.
  const watcher = await context.newPage();
  await watcher.goto(pli.url);
  await openJournal(watcher);
  await expect(envelopeOf(watcher, numbers[0] ?? '')).toHaveAttribute(
    'data-envelope',
    'non_envoyee',
  );

  await page.getByRole('button', { name: 'Envoyer 20 factures' }).click();
  const confirm = page.getByRole('dialog', { name: 'Envoyer 20 e-mails ?' });
  await confirm.getByLabel('Secondes entre deux messages').fill('0');
  await confirm.getByLabel(/^Pause après chaque groupe/).fill('0');
  await expect(confirm.getByTestId('send-eta')).toHaveText('Durée prévue : quelques secondes.');
  await confirm.getByRole('button', { name: 'Envoyer 20 e-mails' }).click();
  await confirm.getByLabel('Mot de passe du compte d’envoi').fill(PASSWORD);
  await confirm.getByLabel('Mémoriser sur ce poste').uncheck();
  await confirm.getByRole('button', { name: 'Valider et envoyer' }).click();

  // The watcher's journal follows the messages without a reload.
  await expect
    .poll(() => envelopeCounts(watcher, numbers), { timeout: 120_000, intervals: [500] })
    .toEqual({ envoye: 19, en_echec: 1 });
  const failed = envelopeOf(watcher, target.number);
  await expect(failed).toHaveText('⚠ En échec');
  await expect(failed).toHaveCSS('color', 'rgb(161, 29, 33)');
  const tip = (await failed.getAttribute('title')) ?? '';
  expect(tip).toContain(`À : ${target.address}`);
  expect(tip).toContain('Réponse du serveur : 550 5.1.1 Mailbox unavailable');

  const panel = page.getByRole('region', { name: 'Avancement de l’envoi' });
  await expect(panel.getByRole('status')).toContainText('19 envoyés, 1 en échec', {
    timeout: 60_000,
  });
  await expect(panel.locator('.batch-failure')).toContainText(`Facture ${target.number}`);
  await expect(panel.locator('.batch-failure')).toContainText('550 5.1.1 Mailbox unavailable');
  expect(server.received).toHaveLength(19);

  // The address is fixed in the resident's record, the panel closed while doing so (it lies
  // over the record's buttons); the indicator in the navigation brings it back.
  await panel.getByRole('button', { name: 'Fermer (l’envoi continue)' }).click();
  await expect(panel).toHaveCount(0);
  const fixed = `corrige.${target.address}`;
  await openResidents(page);
  // Envoi groupé writes « Prénom Nom »; the search is by the surname.
  const parts = target.resident.split(' ');
  const surname = parts[parts.length - 1] ?? target.resident;
  await page.getByLabel('Rechercher (nom ou chambre)').fill(surname);
  await page
    .getByRole('button')
    .filter({ hasText: surname })
    .filter({ hasText: parts[0] ?? '' })
    .first()
    .click({ timeout: 30_000 });
  const record = page.getByRole('region', { name: 'Dossier du résident' });
  await expect(record.getByRole('heading', { level: 2 })).toContainText(surname);
  let field = record.getByLabel('E-mail du résident');
  if ((await field.inputValue()).toLowerCase() !== target.address) {
    await record.getByRole('tab', { name: 'Famille / Tuteur' }).click();
    const fields = record.getByLabel('E-mail du contact');
    for (let i = 0; i < (await fields.count()); i++) {
      if ((await fields.nth(i).inputValue()).toLowerCase() === target.address) {
        field = fields.nth(i);
      }
    }
  }
  await field.fill(fixed);
  await record.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(record.getByText('Dossier enregistré.')).toBeVisible();

  // « Renvoyer les échecs » goes to the corrected address; the envelope turns « Envoyé ».
  await page
    .getByRole('group', { name: 'Envois en cours' })
    .getByRole('button', { name: '19 envoyés, 1 en échec' })
    .click();
  await panel.getByRole('button', { name: 'Renvoyer les échecs' }).click();
  await expect(panel.getByRole('status')).toContainText('20 envoyés, 0 en échec', {
    timeout: 60_000,
  });
  await expect.poll(() => server.received.length, { timeout: 30_000 }).toBe(20);
  const last = server.received[19];
  expect(last?.envelope.rcptTo.map((r) => r.address.toLowerCase())).toEqual([fixed]);
  await expect(envelopeOf(watcher, target.number)).toHaveAttribute('data-envelope', 'envoye', {
    timeout: 60_000,
  });
  expect(await envelopeOf(watcher, target.number).getAttribute('title')).toContain(`À : ${fixed}`);

  // The journal sorts by a column from the keyboard: « Montant » ascending, then descending.
  const amountHeader = watcher.getByRole('columnheader', { name: 'Montant' });
  await amountHeader.getByRole('button').focus();
  await watcher.keyboard.press('Enter');
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending');
  const amounts = async () =>
    (await watcher.locator('.journal-table tbody tr td.num').allTextContents()).map((text) =>
      Number(text.replace(/[^\d,-]/g, '').replace(',', '.')),
    );
  await expect
    .poll(async () => {
      const list = await amounts();
      return list.length > 1 && list.every((a, i) => i === 0 || (list[i - 1] ?? 0) <= a);
    })
    .toBe(true);
  await watcher.keyboard.press('Enter');
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => {
      const list = await amounts();
      return list.length > 1 && list.every((a, i) => i === 0 || (list[i - 1] ?? 0) >= a);
    })
    .toBe(true);
  await watcher.close();
});
