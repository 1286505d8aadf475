// Envoi groupé in Chromium on a demo database: facturation finds the latest issued period
// chosen, the invoices ready to go ticked, and each exclusion reason the demo holds (no
// address, mistyped address, already sent) counted and explained; opens « Aperçu du message »
// of one invoice (the facility's sender name and the association's address, the family's
// address, the invoice number in the subject); adds a general PDF (the 1 Mo warning) and finds
// it in the preview; sees a refused file type and a message too heavy for the limit. Accueil,
// who has no email address, sees the same check read-only.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const pdf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x41)]);

async function openBulkSend(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Envoi groupé' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Envoi groupé' })).toBeVisible();
}

test('facturation checks a period, previews one message, adds a general attachment', async ({
  page,
  pli,
}) => {
  test.setTimeout(180_000);
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Benoît Maréchal');
  await openBulkSend(page);

  // The latest period with issued invoices is chosen: the month before this one.
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  await expect(page.getByLabel('Période')).toHaveValue(period);
  const summary = page.getByRole('list', { name: 'Résultat de la vérification' });
  await expect(summary).toContainText(/\d+ factures prêtes/, { timeout: 60_000 });
  for (const reason of ['Sans adresse e-mail', 'Adresse mal écrite', 'Déjà envoyée']) {
    await expect(summary.getByText(reason)).toBeVisible();
  }
  const excluded = page.getByRole('table', { name: 'Factures qui ne partiront pas' });
  await expect(excluded).toContainText('corrigez-la dans la fiche du résident');
  await expect(excluded).toContainText('ajoutez-en une dans sa fiche');
  await expect(
    excluded.getByRole('checkbox', { name: /^Envoyer à nouveau/ }).first(),
  ).toBeEnabled();

  // Every ready invoice is ticked; tick none, then all.
  const ready = page.getByRole('table', { name: 'Factures qui partiront' });
  const boxes = ready.getByRole('checkbox');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(10);
  await expect(page.getByText(`${count} sur ${count} cochées`)).toBeVisible();
  await page.getByRole('button', { name: 'Tout décocher' }).click();
  await expect(page.getByText(`0 sur ${count} cochée`)).toBeVisible();
  await page.getByRole('button', { name: 'Tout cocher' }).click();
  await expect(boxes.first()).toBeChecked();
  await expect(page.getByRole('button', { name: `Envoyer ${count} factures` })).toBeEnabled();

  // The preview of the first ready invoice: who it is from, to whom, about which invoice.
  const row = ready.locator('tbody tr').first();
  const number = (await row.getByRole('rowheader').textContent()) ?? '';
  const address = (
    (await row.locator('td').nth(2).locator('li').first().textContent()) ?? ''
  ).split(' ')[0];
  expect(address).toContain('@');
  await row.getByRole('button', { name: `Aperçu du message de la facture ${number}` }).click();
  const preview = page.getByRole('region', { name: /^Aperçu du message/ });
  // The demo's first facility signs with its name; replies go to its billing office.
  const facility = await page.getByLabel('Établissement').locator('option:checked').textContent();
  const code = number.split('-')[0]?.toLowerCase() ?? '';
  await expect(preview.locator('[data-header="from"]')).toHaveText(
    `${facility ?? ''} – Service facturation <facturation@les-tilleuls.example>`,
  );
  await expect(preview.locator('[data-header="reply-to"]')).toHaveText(
    `facturation.${code}@les-tilleuls.example`,
  );
  await expect(preview.locator('[data-header="to"]')).toContainText(address ?? '');
  await expect(preview.locator('[data-header="subject"]')).toContainText(number);
  await expect(preview.locator('[data-header="attachments"]')).toContainText(
    `Facture ${number}.pdf`,
  );
  await expect(preview.getByLabel('Aperçu du message')).toContainText(number);

  // A general attachment over 1 Mo: the warning, then in the preview and on every row.
  const chooser = page.getByLabel('Ajouter une pièce jointe à tous les messages');
  await chooser.setInputFiles({
    name: 'Lettre d’information – été.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(1_300_000),
  });
  await expect(page.getByText(/pèse 1,2 Mo : au-delà de 1 Mo/)).toBeVisible();
  await expect(preview.locator('[data-header="attachments"]')).toContainText(
    'Lettre d’information – été.pdf',
  );
  await expect(row).toContainText('Lettre d’information – été.pdf');

  // A refused type, and a file that leaves no room for the invoice under the 10 Mo limit.
  await chooser.setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/x-msdownload',
    buffer: Buffer.from('MZ'),
  });
  await expect(page.getByRole('alert')).toContainText('Ce type de fichier ne peut pas être joint');
  await page.getByRole('button', { name: 'Retirer Lettre d’information – été.pdf' }).click();
  await chooser.setInputFiles({
    name: 'Album photo.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(10 * 1024 * 1024 - 1000),
  });
  await expect(summary.getByText('Pièces jointes trop lourdes')).toBeVisible({ timeout: 60_000 });
  await expect(preview.getByRole('alert')).toContainText('dépassent la taille permise');
});

test('accueil, without an email address, sees the check read-only', async ({ page, pli }) => {
  test.setTimeout(120_000);
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Solène Kerbrat');
  await openBulkSend(page);
  await expect(page.getByRole('note')).toContainText('pas envoyer');
  const ready = page.getByRole('table', { name: 'Factures qui partiront' });
  await expect(ready.getByRole('checkbox').first()).toBeDisabled({ timeout: 60_000 });
  await expect(page.getByLabel('Ajouter une pièce jointe à tous les messages')).toHaveCount(0);
  await expect(page.getByText('L’envoi arrive avec la file d’envoi.')).toHaveCount(0);
});

test('facturation edits the subject of the send and joins a file to one invoice', async ({
  page,
  pli,
}) => {
  test.setTimeout(180_000);
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Benoît Maréchal');
  await openBulkSend(page);
  const message = page.getByRole('region', { name: 'Objet et texte de cet envoi' });
  await expect(message).toContainText('les familles qui lisent une autre langue');
  const subject = message.getByLabel('Objet', { exact: true });
  await expect(subject).not.toHaveValue('');

  const ready = page.getByRole('table', { name: 'Factures qui partiront' });
  await expect(ready.getByRole('checkbox').first()).toBeEnabled({ timeout: 60_000 });
  const rows = ready.locator('tbody tr');
  const first = rows.first();
  const number = ((await first.getByRole('rowheader').textContent()) ?? '').trim();
  await first.getByRole('button', { name: `Aperçu du message de la facture ${number}` }).click();
  const preview = page.getByRole('region', { name: /^Aperçu du message/ });
  await expect(preview).toContainText('Modèle en français');

  // The edited subject, with a field, reaches the preview of the selected row.
  await subject.fill('Facture {{numero}} – menu de Noël');
  await expect(preview.locator('[data-header="subject"]')).toHaveText(
    `Facture ${number} – menu de Noël`,
  );
  // An unknown field: the French error, and « Envoyer » cannot be used.
  await subject.fill('Facture {{numro}}');
  await expect(message.getByRole('alert')).toContainText(
    'Objet : Champ inconnu {{numro}} : vouliez-vous dire {{numero}} ?',
  );
  await expect(page.getByRole('button', { name: /^Envoyer \d+ factures$/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Revenir au modèle' }).click();
  await expect(page.getByRole('button', { name: /^Envoyer \d+ factures$/ })).toBeEnabled();

  // A file for this invoice only: in its row and its preview, not in the next one's.
  const chooser = page.waitForEvent('filechooser');
  await first
    .getByRole('button', { name: `Joindre un fichier au message de la facture ${number}` })
    .click();
  await (
    await chooser
  ).setFiles({
    name: 'Menu de Noël.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(20_000),
  });
  await expect(first).toContainText('Menu de Noël.pdf');
  await expect(first).toContainText('pour cette facture seulement');
  await expect(preview.locator('[data-header="attachments"]')).toContainText('Menu de Noël.pdf');
  const second = rows.nth(1);
  const other = ((await second.getByRole('rowheader').textContent()) ?? '').trim();
  await expect(second).not.toContainText('Menu de Noël.pdf');
  await second.getByRole('button', { name: `Aperçu du message de la facture ${other}` }).click();
  await expect(preview.locator('[data-header="attachments"]')).toContainText(
    `Facture ${other}.pdf`,
  );
  await expect(preview.locator('[data-header="attachments"]')).not.toContainText('Menu de Noël');
  // Removed, it is gone from its row.
  await first
    .getByRole('button', { name: `Retirer Menu de Noël.pdf du message de la facture ${number}` })
    .click();
  await expect(first).not.toContainText('Menu de Noël.pdf');
});
