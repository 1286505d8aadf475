// Paramètres › Modèles d’e-mails in Chromium against the real main side: facturation types a
// misspelt field and sees the French error with Enregistrer disabled, fixes it, inserts a
// field at the cursor, previews with a real issued invoice (its number and amount), saves,
// and finds the template after a reload; then returns to the default. Accueil only reads.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function openTemplates(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await page.getByRole('link', { name: 'Modèles d’e-mails' }).click();
  await expect(page).toHaveURL(/#\/parametres\/modeles$/);
  await expect(page.getByRole('heading', { name: 'Modèles d’e-mails' })).toBeVisible();
}

test('facturation corrects a misspelt field, previews with a real invoice, saves; accueil reads', async ({
  page,
  pli,
}) => {
  test.setTimeout(120_000);
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Benoît Maréchal');
  await openTemplates(page);

  const editor = page.getByRole('region', { name: 'Modèle d’e-mail' });
  const subject = editor.getByLabel('Objet', { exact: true });
  const save = editor.getByRole('button', { name: 'Enregistrer' });
  await expect(editor).toContainText('Modèle par défaut de Pli');
  await expect(subject).toHaveValue(/^Votre \{\{type_document\}\} \{\{numero\}\}/);

  await subject.fill('Facture {{numro}} – {{periode}}');
  const problems = editor.getByRole('alert', { name: 'À corriger avant d’enregistrer :' });
  await expect(problems).toContainText(
    'Objet : Champ inconnu {{numro}} : vouliez-vous dire {{numero}} ?',
  );
  await expect(save).toBeDisabled();

  await subject.fill('Facture {{numero}} – {{periode}}');
  await expect(problems).toHaveCount(0);
  await expect(save).toBeEnabled();
  // The picker inserts where the cursor was: at the end of the subject.
  await subject.press('End');
  await subject.pressSequentially(' – ');
  await editor.getByLabel('Insérer un champ').selectOption('etablissement');
  await expect(subject).toHaveValue('Facture {{numero}} – {{periode}} – {{etablissement}}');

  // The preview fills the text with the latest issued invoice of the facility.
  const panel = editor.getByRole('region', { name: 'Aperçu avec une facture réelle' });
  const chosen = (await panel.getByLabel('Facture').locator('option:checked').textContent()) ?? '';
  const [number = '', , period = '', amount = ''] = chosen.split(' – ');
  expect(number).toMatch(/\S+/);
  const facility = (
    (await page
      .getByRole('combobox', { name: /^Établissement/ })
      .locator('option:checked')
      .textContent()) ?? ''
  ).replace(/ \(\w+\)$/, '');
  const preview = panel.getByRole('region', { name: 'Aperçu du message' });
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    `Facture ${number} – ${period} – ${facility}`,
  );
  await expect(preview.getByTestId('preview-text')).toContainText(`n° ${number}`);
  await expect(preview.getByTestId('preview-text')).toContainText(amount);
  await expect(preview.getByTestId('preview-text')).toContainText('Benoît Maréchal');

  await save.click();
  await expect(editor.getByText('Modèle enregistré.')).toBeVisible();
  await expect(editor).toContainText('modifié par Benoît Maréchal');

  await page.reload();
  await expect(subject).toHaveValue('Facture {{numero}} – {{periode}} – {{etablissement}}');
  await expect(
    page.getByRole('combobox', { name: /^Type de document/ }).locator('option:checked'),
  ).toHaveText('Facture (modifié)');
  // Another language still has its default.
  await page.getByLabel('Langue').selectOption('en');
  await expect(subject).toHaveValue(/^Your \{\{type_document\}\}/);
  await page.getByLabel('Langue').selectOption('fr');
  await expect(subject).toHaveValue('Facture {{numero}} – {{periode}} – {{etablissement}}');

  // Accueil sees the facility's template and cannot change it.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Solène Kerbrat');
  await openTemplates(page);
  await expect(page.getByText('permet de consulter les modèles')).toBeVisible();
  await expect(subject).toHaveValue('Facture {{numero}} – {{periode}} – {{etablissement}}');
  await expect(subject).toBeDisabled();
  await expect(editor.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);

  // Facturation goes back to the default.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Benoît Maréchal');
  await openTemplates(page);
  await editor.getByRole('button', { name: 'Revenir au modèle par défaut' }).click();
  await editor
    .getByRole('alertdialog', { name: 'Revenir au modèle par défaut' })
    .getByRole('button', { name: 'Revenir au modèle par défaut' })
    .click();
  await expect(editor.getByText('Le modèle par défaut s’applique de nouveau.')).toBeVisible();
  await expect(subject).toHaveValue(/^Votre \{\{type_document\}\} \{\{numero\}\}/);
});
