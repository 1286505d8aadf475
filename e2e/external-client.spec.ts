// Paramètres › Ce poste set to Thunderbird, in Chromium against the web host: Pli says it is
// « introuvable », refuses a relative or missing path in French, keeps the chosen program (a
// fake executable recording its argv); Envoi groupé says bulk sends still go through Pli; from
// the journal, « Ouvrir dans Thunderbird » hands one invoice over; the envelope reads « Remis à
// Thunderbird » with the user and the workstation, and the recorded argv carries the invoice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeProgram, readCompose } from '../tests/fixtures/fake-program';
import { expect, openDemo, test } from './fixtures';
import { emailFirstInvoice, envelopeOf, expectAccessible, openLastMonth } from './steps';

test('hands one invoice to Thunderbird from the journal', async ({ page, pli }, testInfo) => {
  test.setTimeout(120_000);
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-e2e-thunderbird-'));
  const thunderbird = fakeProgram(bin, 'thunderbird');
  await openDemo(page, pli.url);

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('link', { name: 'Ce poste' }).click();
  const form = page.getByRole('region', { name: 'Préférences de ce poste' });
  await form.getByLabel('Nom du poste').fill('Accueil Les Tilleuls');
  const method = form.getByRole('group', { name: 'Méthode d’envoi des e-mails ponctuels' });
  await method.getByLabel('Thunderbird', { exact: true }).check();
  const program = method.getByRole('group', { name: 'Programme Thunderbird' });
  await expect(program.getByTestId('program-status')).toContainText('introuvable');
  await program.getByRole('button', { name: 'Choisir le programme…' }).click();
  const field = program.getByLabel('Chemin complet de Thunderbird');
  const save = form.getByRole('button', { name: 'Enregistrer' });
  await field.fill('thunderbird');
  await save.click();
  await expect(form.getByRole('alert')).toContainText('chemin complet');
  await field.fill(path.join(bin, 'absent', 'thunderbird'));
  await save.click();
  await expect(form.getByRole('alert')).toContainText('n’existe pas ou ne peut pas être lancé');
  await field.fill(thunderbird.path);
  await save.click();
  await expect(form.getByRole('status')).toHaveText('Préférences du poste enregistrées.');
  await expect(program.getByTestId('program-status')).toHaveText(
    `Choisi pour ce poste : ${thunderbird.path}`,
  );
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Envoi groupé' }).click();
  await expect(page.getByTestId('bulk-via-pli')).toContainText('toujours par le serveur');

  await openLastMonth(page);
  const { number, dialog } = await emailFirstInvoice(page);
  await expect(dialog.getByText('Ce poste remet le message à Thunderbird')).toBeVisible();
  await dialog.getByRole('button', { name: 'Ouvrir dans Thunderbird' }).click();
  await expect(dialog.getByRole('status')).toContainText('Le message est ouvert dans Thunderbird');
  await expectAccessible(page);
  const shot = testInfo.outputPath('remis-a-thunderbird.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('remis-a-thunderbird', { path: shot, contentType: 'image/png' });
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  const envelope = envelopeOf(page, number);
  await expect(envelope).toHaveText(/Remis à Thunderbird/);
  await expect(envelope).toHaveAttribute(
    'title',
    /Hélène Le Guével depuis le poste Accueil Les Tilleuls/,
  );

  const calls = thunderbird.calls();
  expect(calls).toHaveLength(1);
  const [flag, compose] = calls[0]!;
  expect(flag).toBe('-compose');
  const fields = readCompose(compose!);
  expect(fields.subject).toContain(number);
  const files = fields.attachment!.split(',').map((url) => fileURLToPath(url));
  expect(path.basename(files[0]!)).toBe(`Facture ${number}.pdf`);
  expect(fs.readFileSync(files[0]!).subarray(0, 5).toString()).toBe('%PDF-');
  fs.rmSync(bin, { recursive: true, force: true });
});

test('a Thunderbird that fails to start: the French reason, then « Envoyer par Pli »', async ({
  page,
  pli,
}) => {
  test.setTimeout(120_000);
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-e2e-thunderbird-'));
  const broken = fakeProgram(bin, 'thunderbird', 1);
  await openDemo(page, pli.url);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('link', { name: 'Ce poste' }).click();
  const form = page.getByRole('region', { name: 'Préférences de ce poste' });
  const method = form.getByRole('group', { name: 'Méthode d’envoi des e-mails ponctuels' });
  await method.getByLabel('Thunderbird', { exact: true }).check();
  await method.getByRole('button', { name: 'Choisir le programme…' }).click();
  await method.getByLabel('Chemin complet de Thunderbird').fill(broken.path);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toHaveText('Préférences du poste enregistrées.');

  await openLastMonth(page);
  const { number, dialog } = await emailFirstInvoice(page);
  await dialog.getByRole('button', { name: 'Ouvrir dans Thunderbird' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Le programme de messagerie n’a pas pu être ouvert avec ce message ; rien n’a été remis.',
  );
  expect(broken.calls()).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Envoyer par Pli' }).click();
  await expect(dialog).toBeHidden();
  // Pli's own queue (Mode test: the outbox) takes it; nothing says « remis ».
  const envelope = envelopeOf(page, number);
  await expect(envelope).toHaveAttribute('data-envelope', /en_attente|envoye/, { timeout: 30_000 });
  fs.rmSync(bin, { recursive: true, force: true });
});
