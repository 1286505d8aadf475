// Paramètres › Ce poste: any user names this workstation and picks its e-mail method; both are
// kept in this workstation's preferences, so a reload shows them, and À propos (and the audit)
// uses the new name.
import { expect, openDemo, signIn, test } from './fixtures';

test('name this workstation and choose its e-mail method, then reload', async ({ page, pli }) => {
  await openDemo(page, pli.url);
  // Every user, reception too.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Solène Kerbrat');
  // The home page is the Tableau de bord.
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await page.getByRole('link', { name: 'Ce poste' }).click();
  await expect(page).toHaveURL(/#\/parametres\/poste$/);
  const form = page.getByRole('region', { name: 'Préférences de ce poste' });
  const name = form.getByLabel('Nom du poste');
  const method = form.getByRole('group', { name: 'Méthode d’envoi des e-mails ponctuels' });
  await expect(method.getByLabel('Pli (serveur d’envoi de l’association)')).toBeChecked();
  await expect(method.getByRole('note')).toHaveCount(0);

  await name.fill('');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toHaveText('Donnez un nom à ce poste.');

  await name.fill('Accueil Les Tilleuls');
  await method.getByLabel('Thunderbird', { exact: true }).check();
  await expect(method.getByRole('note')).toContainText(
    'Les envois groupés partent toujours par Pli',
  );
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toHaveText('Préférences du poste enregistrées.');

  await page.reload();
  await expect(name).toHaveValue('Accueil Les Tilleuls');
  await expect(method.getByLabel('Thunderbird', { exact: true })).toBeChecked();
  await page.getByRole('link', { name: 'À propos' }).click();
  await expect(page.getByTestId('about-workstation')).toHaveText('Accueil Les Tilleuls');
});
