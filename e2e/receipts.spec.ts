// Paramètres › Accusés de réception in Chromium against a real IMAP server (hoodiecrow) started
// by this spec. A sent invoice's message row is written into the shared file as the queue would
// (with Pli's Message-ID), and the family's read receipt for it is filed in the mailbox. The
// administrator sets the mailbox (a wrong password diagnosed in French first), saves it,
// « Vérifier maintenant »: the journal shows « Lu » for that invoice, with the read date in its
// tooltip, and the « Lu (accusé reçu) » filter finds it; a bounced one shows « Rejeté » in red with
// the remote reply. The settings page passes axe-core.
import crypto from 'node:crypto';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { dsn, mdn, startImap, type TestImap } from '../tests/fixtures/imap';
import { expect, openDemo, test } from './fixtures';
import { openJournal } from './steps';

const USER = 'factures@les-tilleuls.example';
const PASSWORD = 'B0ite-de-Reception';
let imap: TestImap;

test.beforeAll(async () => {
  imap = await startImap(USER, PASSWORD);
});
test.afterAll(async () => {
  await imap.close();
});

/** Last month's first invoice of Les Tilleuls never emailed, now sent: its row and Message-ID. */
function sendOneInShare(dataDir: string): { number: string; id: number; messageId: string } {
  const db = new Database(path.join(dataDir, 'pli.sqlite'));
  try {
    const invoice = db
      .prepare(
        `SELECT i.id, i.number FROM invoices i
         WHERE i.status = 'issued' AND i.kind = 'facture'
           AND i.facility_id = (SELECT id FROM facilities WHERE name = 'EHPAD Les Tilleuls')
           AND i.period = (SELECT max(period) FROM invoices WHERE status = 'issued')
           AND NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.invoice_id = i.id)
         ORDER BY i.seq LIMIT 1`,
      )
      .get() as { id: number; number: string };
    const now = new Date().toISOString();
    const row = db
      .prepare(
        `INSERT INTO mail_messages (invoice_id, doc_type, state, message_id, sender_mode,
           from_address, to_addresses, subject, body_text, request_receipt, attempts, last_reply,
           created_at, created_by, workstation, sent_at)
         VALUES (?, 'facture', 'sent', ?, 'association', ?, '["famille.roux@exemple.fr"]',
           'Votre facture', 'Bonjour', 1, 1, '250 2.0.0 OK queued', ?,
           (SELECT id FROM users WHERE login = 'facturation'), 'BUREAU-FACTURATION', ?)`,
      )
      .run(invoice.id, `<tmp.${crypto.randomUUID()}@x>`, USER, now, now);
    const id = Number(row.lastInsertRowid);
    const messageId = `<pli.${id}.${crypto.randomBytes(8).toString('hex')}@les-tilleuls.example>`;
    db.prepare('UPDATE mail_messages SET message_id = ? WHERE id = ?').run(messageId, id);
    return { number: invoice.number, id, messageId };
  } finally {
    db.close();
  }
}

test('the administrator reads the receipts mailbox; the journal shows « Lu »', async ({
  page,
  pli,
}, testInfo) => {
  test.setTimeout(120_000);
  await openDemo(page, pli.url);
  const { number, messageId } = sendOneInShare(pli.dataDir);
  // A second invoice bounces after the server accepted it.
  const bounced = sendOneInShare(pli.dataDir);
  await imap.deliver(
    dsn({
      messageId: bounced.messageId,
      envelopeId: String(bounced.id),
      to: USER,
      recipient: 'famille.roux@exemple.fr',
      diagnostic: '550 5.1.1 <famille.roux@exemple.fr>: boîte inconnue',
    }),
  );
  await imap.deliver(
    mdn({
      messageId,
      to: USER,
      from: 'famille.roux@exemple.fr',
      date: 'Tue, 03 Nov 2026 09:30:00 +0100',
    }),
  );

  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page
    .getByRole('navigation', { name: 'Paramètres' })
    .getByRole('link', { name: 'Accusés de réception' })
    .click();
  await expect(page.getByRole('heading', { name: 'Accusés de réception' })).toBeVisible();
  await expect(page.getByText('La boîte n’a pas encore été vérifiée.')).toBeVisible();

  await page.getByLabel('Lire les accusés de réception et les retours en erreur').check();
  await page.getByLabel('Serveur IMAP').fill('127.0.0.1');
  await page
    .getByLabel('Sécurité')
    .selectOption({ label: 'Sans chiffrement (serveur du réseau local seulement)' });
  await page.getByRole('textbox', { name: 'Port' }).fill(String(imap.port));
  await expect(page.getByText('le mot de passe de la boîte circule en clair')).toBeVisible();
  await page.getByLabel('Identifiant (souvent l’adresse e-mail)').fill(USER);
  await page.getByLabel('Mot de passe de la boîte').fill('pas-le-bon');
  await page.getByLabel('Mémoriser sur ce poste').uncheck();
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  const result = page.getByTestId('receipts-test');
  await expect(result).toContainText('Le serveur IMAP refuse l’identifiant ou le mot de passe');
  await page.getByLabel('Mot de passe de la boîte').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(result).toHaveText('Connexion réussie : le dossier « INBOX » contient 2 messages.');

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'accusé' })).toHaveText(
    '2 nouveaux messages lus dans la boîte, 2 accusés enregistrés.',
  );
  await expect(page.getByTestId('receipts-status')).toContainText('2 accusés enregistrés en tout.');

  // The page passes axe-core (WCAG 2.1 A/AA), screenshot kept with the results.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  const shot = testInfo.outputPath('accuses-de-reception.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('accuses-de-reception', { path: shot, contentType: 'image/png' });

  // The journal: « Lu » for that invoice, its read date in the tooltip, found by the filter.
  const filters = await openJournal(page, 'EHPAD Les Tilleuls');
  await filters.getByRole('button', { name: 'Mois précédent' }).click();
  await filters
    .getByRole('combobox', { name: /^Envoi/ })
    .selectOption({ label: 'Lu (accusé reçu)' });
  const rows = page.locator('.journal-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole('rowheader')).toHaveText(number);
  const read = rows.locator('[data-envelope="lu"]');
  await expect(read).toHaveText('✓ Lu');
  const tooltip = (await read.getAttribute('title')) ?? '';
  expect(tooltip).toMatch(/^Lu\n/);
  expect(tooltip).toMatch(/\nLu le 03\/11\/2026 à \d{2}:30 \(accusé de réception\)/);

  // « Rejeté (bounce) »: the other invoice, in red like « En échec », with the remote reply.
  await filters
    .getByRole('combobox', { name: /^Envoi/ })
    .selectOption({ label: 'Rejeté (bounce)' });
  await expect(rows.getByRole('rowheader')).toHaveText(bounced.number);
  const rejected = rows.locator('[data-envelope="rejete"]');
  await expect(rejected).toHaveText('⛔ Rejeté');
  await expect(rejected).toHaveCSS('color', 'rgb(161, 29, 33)');
  expect(await rejected.getAttribute('title')).toContain(
    'Motif du rejet : smtp; 550 5.1.1 <famille.roux@exemple.fr>: boîte inconnue',
  );
  // Its panel: the message row, rejected, with the remote server's reason.
  await rows.getByRole('button', { name: 'Détails' }).click();
  const history = page.getByRole('region', { name: 'Envois par e-mail' });
  const message = history.getByRole('row').filter({ hasText: 'famille.roux@exemple.fr' });
  await expect(message).toContainText('rejeté le 03/11/2026');
  await expect(message).toContainText('550 5.1.1 <famille.roux@exemple.fr>: boîte inconnue');
});
