// The journal's envelopes in Chromium on the demo database, whose past months have a sending
// history: last month shows « Envoyé » (with its date, recipients, sender and workstation in
// the tooltip) beside « Non envoyée »; the « Envoi » filter keeps one kind. A message the
// server refused, written into the shared file as the queue would, turns its invoice red
// « En échec » with the reply, in the filter and in the invoice's history.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openDemo, signIn, startPli, test } from './fixtures';
import { openJournal } from './steps';

const envelopes = (page: Page) => page.locator('.journal-table tbody tr [data-envelope]');
const envelope = (page: Page, state: string) =>
  page.locator(`.journal-table tbody tr [data-envelope="${state}"]`);

async function openLastMonth(page: Page) {
  const filters = await openJournal(page, 'EHPAD Les Tilleuls');
  await filters.getByRole('button', { name: 'Mois précédent' }).click();
  return filters;
}

async function envelopeStates(page: Page): Promise<Set<string>> {
  const states = await envelopes(page).evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('data-envelope') ?? ''),
  );
  return new Set(states);
}

test('the journal shows each invoice’s envelope, filters by it, and a refusal in red', async ({
  page,
  pli,
}) => {
  test.setTimeout(120_000);
  await openDemo(page, pli.url);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Benoît Maréchal');
  const filters = await openLastMonth(page);

  const table = page.getByRole('table', { name: /lignes? dans le journal/ });
  await expect(table.getByRole('columnheader', { name: 'Envoi' })).toBeVisible();
  const sent = envelope(page, 'envoye');
  await expect(sent.first()).toHaveText('✉ Envoyé');
  await expect(envelope(page, 'non_envoyee').first()).toHaveText('○ Non envoyée');
  const tooltip = (await sent.first().getAttribute('title')) ?? '';
  expect(tooltip).toMatch(/^Envoyé\nDernier envoi le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}\nÀ : \S+@/);
  expect(tooltip).toMatch(/\nPar .+ depuis le poste BUREAU-FACTURATION/);

  // « Envoi »: only the sent ones, then only the others.
  const envoi = filters.getByRole('combobox', { name: /^Envoi/ });
  await envoi.selectOption({ label: 'Envoyé' });
  await expect.poll(() => envelopeStates(page)).toEqual(new Set(['envoye']));
  await envoi.selectOption({ label: 'Non envoyé' });
  await expect.poll(() => envelopeStates(page)).toEqual(new Set(['non_envoyee']));
  await envoi.selectOption({ label: 'En échec' });
  await expect(page.getByText('Aucune facture ne correspond à ces critères.')).toBeVisible();
  await envoi.selectOption({ label: 'Tous' });

  // The server refuses one family's address: the queue's row, written into the shared file.
  const file = path.join(pli.dataDir, 'pli.sqlite');
  const db = new Database(file);
  let number: string;
  try {
    const invoice = db
      .prepare(
        `SELECT i.id, i.number FROM invoices i
         WHERE i.status = 'issued' AND i.kind = 'facture' AND i.facility_id = (SELECT id FROM facilities WHERE name = 'EHPAD Les Tilleuls')
           AND i.period = (SELECT max(period) FROM invoices WHERE status = 'issued')
           AND NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.invoice_id = i.id)
         ORDER BY i.seq LIMIT 1`,
      )
      .get() as { id: number; number: string };
    number = invoice.number;
    db.prepare(
      `INSERT INTO mail_messages (invoice_id, doc_type, state, message_id, sender_mode,
         from_address, to_addresses, subject, body_text, attempts, last_error_code, last_reply,
         created_at, created_by, workstation)
       VALUES (?, 'facture', 'failed', '<pli.e2e.1@les-tilleuls.example>', 'association',
         'factures@les-tilleuls.example', '["inconnu@famille.example"]', 'Votre facture',
         'Bonjour', 1, 'SMTP_RECIPIENT_REFUSED', '550 5.1.1 Mailbox unavailable: no such user here',
         ?, (SELECT id FROM users WHERE name = 'Benoît Maréchal'), 'ACCUEIL-2')`,
    ).run(invoice.id, new Date().toISOString());
  } finally {
    db.close();
  }

  await envoi.selectOption({ label: 'En échec' });
  const failed = envelope(page, 'en_echec');
  await expect(failed).toHaveCount(1);
  await expect(envelopes(page)).toHaveCount(1);
  await expect(failed).toHaveText('⚠ En échec');
  await expect(failed).toHaveCSS('color', 'rgb(161, 29, 33)');
  const row = page
    .locator('.journal-table tbody tr')
    .filter({ has: page.locator('[data-envelope="en_echec"]') });
  await expect(row.getByRole('rowheader')).toHaveText(number);
  const failedTip = (await failed.getAttribute('title')) ?? '';
  expect(failedTip).toContain('À : inconnu@famille.example');
  expect(failedTip).toContain('Par Benoît Maréchal depuis le poste ACCUEIL-2');
  expect(failedTip).toContain('Réponse du serveur : 550 5.1.1 Mailbox unavailable');
  expect(failedTip).toMatch(/^En échec\n/);

  // Its panel lists the message with the reply.
  await row.getByRole('button', { name: 'Détails' }).click();
  const history = page.getByRole('region', { name: 'Envois par e-mail' });
  const message = history.getByRole('row').filter({ hasText: 'inconnu@famille.example' });
  await expect(message).toContainText('En échec');
  await expect(message).toContainText('550 5.1.1 Mailbox unavailable: no such user here');
  await expect(message).toContainText('Benoît Maréchal (poste ACCUEIL-2)');

  // « Tous » again: the month's sent invoices are back beside the failed one.
  await envoi.selectOption({ label: 'Tous' });
  await expect(sent.first()).toBeVisible();
  await expect(failed).toHaveCount(1);
});

test('a month of 600 invoices keeps only the rows on screen in the page, and scrolls to the last', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-journal-big-'));
  execFileSync(process.execPath, [
    'dist/main/demo.mjs',
    '--data-dir',
    path.join(dir, 'demo'),
    '--residents',
    '1500',
    '--months',
    '2',
    '--force',
  ]);
  fs.writeFileSync(
    path.join(dir, 'preferences.json'),
    JSON.stringify({ databasePath: path.join(dir, 'demo', 'pli.sqlite') }),
  );
  const pli = await startPli(dir);
  try {
    await page.goto(pli.app.url);
    await signIn(page, 'Benoît Maréchal');
    await openLastMonth(page);
    const table = page.getByRole('table', { name: /lignes? dans le journal/ });
    const total = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(400);
    await expect(table).toHaveAccessibleName(`${String(total)} lignes dans le journal`);
    const rendered = table.locator('tbody tr[aria-rowindex]');
    await expect(rendered.first()).toHaveAttribute('aria-rowindex', '2');
    expect(await rendered.count()).toBeLessThan(80);
    await expect(rendered.first().locator('[data-envelope]')).toBeVisible();

    // Scrolled to the end: the last row is there, the header still in view above it.
    const box = page.locator('.journal-scroll');
    await box.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    const last = table.locator(`tbody tr[aria-rowindex="${String(total + 1)}"]`);
    // Rows are measured as they appear, so the end moves once or twice: scroll until there.
    await expect(async () => {
      await box.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await expect(last).toBeInViewport({ timeout: 500 });
    }).toPass();
    await expect(table.getByRole('columnheader', { name: 'Envoi' })).toBeInViewport();
    expect(await rendered.count()).toBeLessThan(80);
    await last.getByRole('button', { name: /^Détails de / }).click();
    await expect(page.getByRole('region', { name: 'Détail de la facture' })).toBeVisible();
  } finally {
    await pli.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
