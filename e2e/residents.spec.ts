// Résidents in Chromium: a record with two family contacts, edited from a second browser
// context; the first sees the change appear, and a stale save is told what changed.
import type { Page } from '@playwright/test';
import { expect, openDemo, openResidents, test } from './fixtures';

const editor = (page: Page) => page.getByRole('region', { name: 'Dossier du résident' });

async function openRecord(page: Page, search: string, name: string) {
  await page.getByLabel('Rechercher (nom ou chambre)').fill(search);
  await page.getByRole('button', { name }).click();
  await expect(editor(page).getByRole('heading', { level: 2 })).toContainText(
    name.split(' ')[0] ?? name,
  );
}

test('create a resident with two family contacts, edit elsewhere, see the change and the conflict', async ({
  browser,
  page,
  pli,
}) => {
  await openDemo(page, pli.url);
  await openResidents(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Résidents' })).toBeVisible();
  // The demo's three facilities are there.
  const facilities = page.getByRole('search').getByLabel('Établissement');
  await expect(facilities.locator('option')).toHaveText([
    'Tous les établissements',
    'EHPAD Le Clos Saint-Exupéry',
    'EHPAD Les Tilleuls',
    'Résidence autonomie Les Hortensias',
  ]);

  // Create: État civil, then two family contacts who both receive the invoices.
  await page.getByRole('button', { name: 'Nouveau résident' }).click();
  const form = editor(page);
  await form.getByLabel('Établissement').selectOption({ label: 'EHPAD Les Tilleuls' });
  await form.getByLabel('Nom', { exact: true }).fill('Żółkiewska-d’Arcy');
  await form.getByLabel('Prénom', { exact: true }).fill('Éléonore');
  await form.getByLabel('Chambre').fill('214');
  await form.getByRole('tab', { name: 'Famille / Tuteur' }).click();
  await form.getByRole('button', { name: 'Ajouter un contact' }).click();
  await form.getByRole('button', { name: 'Ajouter un contact' }).click();
  const contacts = [
    { nom: 'Żółkiewska', prenom: 'Anne', email: 'anne.zolkiewska@orange.example' },
    { nom: 'D’Arcy', prenom: 'Łukasz', email: 'lukasz@exämple.example' },
  ];
  for (const [index, contact] of contacts.entries()) {
    const group = form.getByRole('group', { name: `Contact ${index + 1}` });
    await group.getByLabel('Nom du contact', { exact: true }).fill(contact.nom);
    await group.getByLabel('Prénom du contact').fill(contact.prenom);
    await group.getByLabel('E-mail du contact').fill(contact.email);
    await group.getByLabel('Reçoit les factures (deux adresses au plus)').check();
  }
  // A wrong address is refused with a French reason, and nothing is lost from the form.
  const secondEmail = form
    .getByRole('group', { name: 'Contact 2' })
    .getByLabel('E-mail du contact');
  await secondEmail.fill('lukasz@');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('Adresse e-mail invalide');
  await expect(
    form.getByRole('group', { name: 'Contact 1' }).getByLabel('Nom du contact', { exact: true }),
  ).toHaveValue('Żółkiewska');
  await secondEmail.fill(contacts[1]!.email);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Dossier enregistré.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Żółkiewska-d’Arcy' });
  await expect(row).toContainText('anne.zolkiewska@orange.example, lukasz@exämple.example');
  await expect(row).toContainText('214');

  // The first context starts typing a note (unsaved) …
  await form.getByRole('tab', { name: 'État civil' }).click();
  await form.getByLabel('Notes').fill('Préfère être appelée Nora.');

  // … while a second browser context changes the room and saves.
  const other = await browser.newContext({ locale: 'fr-FR' });
  const second = await other.newPage();
  await second.goto(pli.url);
  await openResidents(second);
  await openRecord(second, 'zolkiewska', 'Żółkiewska-d’Arcy Éléonore');
  await editor(second).getByLabel('Chambre').fill('215');
  await editor(second).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(editor(second).getByText('Dossier enregistré.')).toBeVisible();

  // The change appears in the first context's list without reloading …
  await expect(row).toContainText('215');
  // … and its open record says someone else changed it.
  await expect(form.getByText('vient de modifier ce dossier')).toBeVisible();

  // Saving the stale version is refused with what changed, by whom, from where.
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const conflict = form.getByRole('alert');
  await expect(conflict).toContainText('Ce dossier a été modifié sur un autre poste');
  await expect(conflict).toContainText(/Chambre : 214 → 215 \(Hélène Le Guével, poste .+, le /);
  // The user keeps their note and saves it over the new version.
  await form.getByRole('button', { name: 'Enregistrer mes modifications quand même' }).click();
  await expect(form.getByText('Dossier enregistré.')).toBeVisible();
  // Only the note was this user's change: the other person's room stays.
  await expect(form.getByLabel('Chambre')).toHaveValue('215');
  await expect(form.getByLabel('Notes')).toHaveValue('Préfère être appelée Nora.');
  // The second context sees the note arrive.
  await expect(editor(second).getByLabel('Notes')).toHaveValue('Préfère être appelée Nora.');
  await other.close();
});
