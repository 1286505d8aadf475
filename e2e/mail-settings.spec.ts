// Paramètres › Envoi des e-mails in Chromium against the real main side: the administrator
// sets the association's sender account and limits, a facility's sender name, and their own
// copy; all survive a reload; a wrong address is refused in French; facturation has no tab.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function openSettings(page: Page, tab: string) {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await page.getByRole('link', { name: tab }).click();
}

test('the administrator sets the sender account, a facility’s sender name and their copy', async ({
  page,
  pli,
}) => {
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Hélène Le Guével');
  await openSettings(page, 'Envoi des e-mails');
  await expect(page).toHaveURL(/#\/parametres\/envoi$/);

  const form = page.getByRole('region', { name: 'Réglages d’envoi des e-mails' });
  // The demo comes with its association's account and the default limits.
  await expect(form.getByLabel('Adresse e-mail de l’association')).toHaveValue(
    'facturation@les-tilleuls.example',
  );
  await expect(form.getByText('n’ont pas encore été enregistrés')).toBeHidden();
  await expect(form.getByLabel('Taille maximale d’un message (Mo)')).toHaveValue('10');
  await expect(form.getByLabel('Avertir au-delà de (Mo par fichier)')).toHaveValue('1');
  await expect(form.getByLabel('.docx')).toBeChecked();

  // Association mode needs its address: refused with the reason, nothing saved.
  await form.getByLabel('Adresse e-mail de l’association').fill('');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('Saisissez l’adresse d’envoi');

  await form.getByLabel('Adresse e-mail de l’association').fill('factures@coeur-de-loire');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('Adresse e-mail invalide');

  await form.getByLabel('Adresse e-mail de l’association').fill('factures@coeur-de-loire.example');
  await form.getByLabel('Adresse de réponse par défaut').fill('siege@coeur-de-loire.example');
  await form.getByLabel('Copie cachée à l’expéditeur de chaque message').check();
  await form.getByLabel('Taille maximale d’un message (Mo)').fill('7,5');
  await form.getByLabel('.txt').uncheck();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Réglages d’envoi enregistrés.')).toBeVisible();

  await page.reload();
  await expect(form.getByLabel('Adresse e-mail de l’association')).toHaveValue(
    'factures@coeur-de-loire.example',
  );
  await expect(form.getByLabel('Copie cachée à l’expéditeur de chaque message')).toBeChecked();
  await expect(form.getByLabel('Taille maximale d’un message (Mo)')).toHaveValue('7,5');
  await expect(form.getByLabel('.txt')).not.toBeChecked();
  await expect(form.getByText('n’ont pas encore été enregistrés')).toBeHidden();

  // The facility's sender name and reply-to.
  await openSettings(page, 'Établissements');
  await page.locator('.plain-list').getByRole('button').first().click();
  const facility = page.getByRole('region', { name: 'Fiche de l’établissement' });
  await facility.getByLabel(/^Nom d’expéditeur des e-mails/).fill('Les Tilleuls – Facturation');
  await facility.getByLabel(/^Adresse de réponse des e-mails/).fill('accueil@tilleuls.example');
  await facility.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(facility.getByText('Établissement enregistré.')).toBeVisible();

  // The administrator's own copy.
  await openSettings(page, 'Utilisateurs');
  await page.getByRole('button', { name: 'Hélène Le Guével' }).click();
  const user = page.getByRole('region', { name: 'Fiche de l’utilisateur' });
  await user.getByLabel('Recevoir une copie cachée de chaque e-mail envoyé').check();
  await user.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(user.getByText('Utilisateur enregistré.')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Hélène Le Guével' }).click();
  await expect(user.getByLabel('Recevoir une copie cachée de chaque e-mail envoyé')).toBeChecked();
});

test('facturation has no « Envoi des e-mails » tab', async ({ page, pli }) => {
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Benoît Maréchal');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await expect(page.getByRole('link', { name: 'Établissements' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Envoi des e-mails' })).toHaveCount(0);
});

test('the administrator sets the default pace, refused in French when wrong, kept after a reload', async ({
  page,
  pli,
}) => {
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Hélène Le Guével');
  await openSettings(page, 'Envoi des e-mails');

  const pace = page.getByRole('region', { name: 'Cadence d’envoi par défaut' });
  await expect(pace.getByText('Chaque envoi groupé démarre à cette cadence')).toBeVisible();
  await expect(pace.getByLabel('Délai entre deux messages (secondes)')).toHaveValue('2');
  await expect(pace.getByLabel(/^Pause après chaque groupe de N messages/)).toHaveValue('10');
  await expect(pace.getByLabel('Durée de la pause (secondes)')).toHaveValue('10');
  await expect(pace.getByLabel(/^Plafond quotidien par compte/)).toHaveValue('');

  await pace.getByLabel('Délai entre deux messages (secondes)').fill('deux');
  await pace.getByLabel(/^Plafond quotidien par compte/).fill('0');
  await pace.getByRole('button', { name: 'Enregistrer la cadence' }).click();
  await expect(pace.getByRole('alert')).toContainText(
    'Délai entre deux messages : saisissez un nombre de secondes entre 0 et 600.',
  );
  await expect(pace.getByRole('alert')).toContainText('Plafond quotidien : saisissez un nombre');

  await pace.getByLabel('Délai entre deux messages (secondes)').fill('3,5');
  await pace.getByLabel(/^Pause après chaque groupe de N messages/).fill('20');
  await pace.getByLabel('Durée de la pause (secondes)').fill('60');
  await pace.getByLabel(/^Plafond quotidien par compte/).fill('450');
  await pace.getByRole('button', { name: 'Enregistrer la cadence' }).click();
  await expect(pace.getByText('Cadence d’envoi enregistrée.')).toBeVisible();

  await page.reload();
  await expect(pace.getByLabel('Délai entre deux messages (secondes)')).toHaveValue('3,5');
  await expect(pace.getByLabel(/^Pause après chaque groupe de N messages/)).toHaveValue('20');
  await expect(pace.getByLabel('Durée de la pause (secondes)')).toHaveValue('60');
  await expect(pace.getByLabel(/^Plafond quotidien par compte/)).toHaveValue('450');

  // Another administrator's save in a second tab: this page's next save is refused with it.
  const other = await page.context().newPage();
  await other.goto(page.url());
  const otherPace = other.getByRole('region', { name: 'Cadence d’envoi par défaut' });
  await otherPace.getByLabel('Durée de la pause (secondes)').fill('30');
  await otherPace.getByRole('button', { name: 'Enregistrer la cadence' }).click();
  await expect(otherPace.getByText('Cadence d’envoi enregistrée.')).toBeVisible();
  await other.close();

  await pace.getByLabel(/^Plafond quotidien par compte/).fill('');
  await pace.getByRole('button', { name: 'Enregistrer la cadence' }).click();
  await expect(pace.getByRole('alert')).toContainText('Durée de la pause (ms) : 60000 → 30000');
});
