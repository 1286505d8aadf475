// Paramètres › Tarifs et facturation in Chromium against the real main side: facturation adds
// next arrêté's tariff and changes the hospitalisation threshold, both survive a reload;
// accueil sees them and cannot change them.
import type { Page } from '@playwright/test';
import { formatEuros } from '../src/shared/money';
import { expect, signIn, test } from './fixtures';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const fr = (isoDate: string) => isoDate.split('-').reverse().join('/');

// The first day of next month: the demo has billed only the months before this one.
const now = new Date();
const start = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 1));
const validFrom = iso(start);
const dayBefore = iso(new Date(start.getTime() - 86_400_000));

async function openBillingSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', {
      name: 'Paramètres',
    })
    .click();
  await page.getByRole('link', { name: 'Tarifs et facturation' }).click();
  await expect(page).toHaveURL(/#\/parametres\/facturation$/);
  await expect(page.getByRole('heading', { name: 'Tarifs et facturation' })).toBeVisible();
}

test('facturation sets a new tariff and the hospitalisation threshold; accueil reads them', async ({
  page,
  pli,
}) => {
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Benoît Maréchal');
  await openBillingSettings(page);

  const tariffs = page.getByRole('region', { name: 'Tarifs de l’établissement' });
  // The demo's tariffs were used by its issued invoices.
  await expect(tariffs.getByRole('row').nth(1)).toContainText('Facturé');

  await tariffs.getByRole('button', { name: 'Nouveau tarif' }).click();
  const form = page.getByRole('region', { name: 'Saisie du tarif' });
  await form.getByLabel('À compter du', { exact: true }).fill(validFrom);
  await form.getByLabel('Prix de journée (€)').fill('81,355');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Prix de journée (€) : saisissez un montant en euros, par exemple 68,50',
  );
  await form.getByLabel('Prix de journée (€)').fill('81,35');
  await form.getByLabel('Dépendance GIR 1-2 (€)').fill('24.10');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(tariffs.getByText('Tarif enregistré.')).toBeVisible();

  const added = tariffs.getByRole('row').nth(1);
  await expect(added).toContainText(fr(validFrom));
  await expect(added).toContainText('sans date de fin');
  await expect(added).toContainText(formatEuros(8135));
  await expect(added).toContainText(formatEuros(2410));
  // The tariff in force now ends the day before.
  await expect(tariffs.getByRole('row').nth(2)).toContainText(fr(dayBefore));

  // A second tariff on the same day is refused in plain French.
  await tariffs.getByRole('button', { name: 'Nouveau tarif' }).click();
  await form.getByLabel('À compter du', { exact: true }).fill(validFrom);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('chevauchent celles d’un autre tarif');
  await form.getByRole('button', { name: 'Annuler' }).click();

  const rules = page.getByRole('region', { name: 'Règles de facturation de l’établissement' });
  await expect(rules).toContainText('les valeurs par défaut s’appliquent');
  await expect(rules.getByLabel('Seuil d’hospitalisation (heures)')).toHaveValue('72');
  await expect(rules.getByLabel(/forfait journalier hospitalier/)).toHaveValue('20,00');
  await rules.getByLabel('Seuil d’hospitalisation (heures)').fill('48');
  await rules.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(rules.getByText('Règles de facturation enregistrées.')).toBeVisible();
  await expect(rules).not.toContainText('les valeurs par défaut s’appliquent');

  await page.reload();
  await expect(tariffs.getByRole('row').nth(1)).toContainText(formatEuros(8135));
  await expect(rules.getByLabel('Seuil d’hospitalisation (heures)')).toHaveValue('48');

  // Accueil reads the same, with nothing to change.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Solène Kerbrat');
  await openBillingSettings(page);
  await expect(page.getByText('permet de consulter les tarifs et les règles')).toBeVisible();
  await expect(tariffs.getByRole('row').nth(1)).toContainText(formatEuros(8135));
  await expect(tariffs.getByRole('button')).toHaveCount(0);
  await expect(rules.getByLabel('Seuil d’hospitalisation (heures)')).toHaveValue('48');
  await expect(rules.getByLabel('Seuil d’hospitalisation (heures)')).toBeDisabled();
  await expect(rules.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
});
