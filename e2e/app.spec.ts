// The whole application in Debian Chromium against the real main-side code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { LATEST_SCHEMA_VERSION } from '../src/main/db/migrations';
import { openDatabase } from '../src/main/db/open';
import { expect, signIn, startPli, test } from './fixtures';

const pages = [
  {
    link: 'Résidents',
    heading: 'Résidents',
    hash: '#/residents',
    says: /^Rechercher \(nom ou chambre\)$/,
  },
  {
    link: 'Journal des factures',
    heading: 'Journal des factures',
    hash: '#/journal',
    says: /enveloppe de chaque envoi/,
  },
  {
    link: 'Envoi groupé',
    heading: 'Envoi groupé',
    hash: '#/envoi-groupe',
    says: /factures d’une période par e-mail/,
  },
  { link: 'Relances', heading: 'Relances', hash: '#/relances', says: /niveau de relance/ },
  {
    link: 'Paramètres',
    heading: 'Paramètres',
    hash: '#/parametres/etablissements',
    says: /^Nouvel établissement$/,
  },
];

test('first start offers a demo database, then every page and the À propos facts', async ({
  page,
  pli,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  const response = await page.goto(pli.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // The token leaves the address bar once the page has its cookie.
  await expect(page).not.toHaveURL(/token=/);

  await expect(page.getByRole('heading', { name: 'Bienvenue dans Pli' })).toBeVisible();
  await expect(page.getByText(path.join(pli.dataDir, 'pli.sqlite'))).toBeVisible();
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page);

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav).toBeVisible();
  for (const target of pages) {
    await nav.getByRole('link', { name: target.link }).click();
    await expect(page).toHaveURL(new RegExp(`${target.hash}$`));
    await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
    await expect(page.getByText(target.says)).toBeVisible();
  }

  await page.getByRole('link', { name: 'À propos' }).click();
  await expect(page).toHaveURL(/#\/parametres\/a-propos$/);
  await expect(page.getByTestId('about-version')).toHaveText(pkg.version);
  await expect(page.getByTestId('about-runtime')).toHaveText('le navigateur (hôte local)');
  await expect(page.getByTestId('about-workstation')).toHaveText(os.hostname());
  await expect(page.getByTestId('about-association')).toHaveText(
    'Association Les Tilleuls (démonstration)',
  );
  await expect(page.getByTestId('about-database-path')).toHaveText(
    path.join(pli.dataDir, 'pli.sqlite'),
  );
  await expect(page.getByTestId('about-schema-version')).toHaveText(
    `${String(LATEST_SCHEMA_VERSION)} (dernière : ${String(LATEST_SCHEMA_VERSION)})`,
  );
  await expect(page.getByTestId('about-data-dir')).toHaveText(pli.dataDir);
  expect(fs.existsSync(path.join(pli.dataDir, 'pli.sqlite'))).toBe(true);

  // A reload keeps the session (cookie) and lands on the open database.
  await page.reload();
  await expect(page.getByTestId('about-version')).toHaveText(pkg.version);
  expect(violations).toEqual([]);
});

test('an empty database asks for its administrator; pages work with the keyboard alone', async ({
  page,
  pli,
}) => {
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base vide' }).click();
  await expect(page.getByRole('heading', { name: 'Création de l’administrateur' })).toBeVisible();
  await page.getByLabel('Nom complet').fill('Françoise Le Dû');
  await page.getByLabel('Initiales').fill('FLD');
  await page.getByLabel('Identifiant').fill('fledu');
  await page.getByLabel('Mot de passe (8 caractères au moins)').fill('court');
  await page.getByRole('button', { name: 'Créer l’administrateur' }).click();
  await expect(page.getByRole('alert')).toContainText('Au moins 8 caractères');
  await page.getByLabel('Mot de passe (8 caractères au moins)').fill('Tilleuls-2026');
  await page.getByRole('button', { name: 'Créer l’administrateur' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Françoise Le Dû');
  // Without an email address, the send page is read-only.
  await page.getByRole('link', { name: 'Envoi groupé' }).click();
  await expect(page.getByRole('note')).toContainText('pas envoyer');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await page.getByRole('link', { name: 'Résidents' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des factures' })).toBeVisible();
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('link', { name: 'À propos' }).click();
  await expect(page.getByTestId('about-association')).toHaveText('');

  // The new administrator creates the first facility; a wrong IBAN is explained.
  await page.getByRole('link', { name: 'Établissements' }).click();
  await page.getByRole('button', { name: 'Nouvel établissement' }).click();
  const form = page.getByRole('region', { name: 'Fiche de l’établissement' });
  await form.getByLabel('Code (préfixe des numéros de facture)').fill('til');
  await form.getByLabel('Nom de l’établissement', { exact: true }).fill('EHPAD Les Tilleuls');
  await form.getByLabel('IBAN').fill('FR76 3000 4000 0312 3456 7890 144');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('alert')).toContainText('IBAN invalide');
  await form.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Établissement enregistré.')).toBeVisible();
  // A second save from the same form is not a conflict with itself.
  await form.getByLabel('Téléphone').fill('02 40 00 00 00');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Établissement enregistré.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'EHPAD Les Tilleuls (TIL)' })).toBeVisible();
  await page.getByRole('link', { name: 'Résidents' }).click();
  await expect(page.getByRole('button', { name: 'Nouveau résident' })).toBeEnabled();
});

test('a database created on one tab reaches another through the pushed event', async ({
  context,
  pli,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(pli.url);
  await second.goto(pli.url);
  await expect(second.getByRole('heading', { name: 'Bienvenue dans Pli' })).toBeVisible();
  await first.getByRole('button', { name: 'Créer une base vide' }).click();
  await expect(first.getByRole('heading', { name: 'Création de l’administrateur' })).toBeVisible();
  // No reload on the second tab: the db:changed push moves it on too.
  await expect(second.getByRole('heading', { name: 'Création de l’administrateur' })).toBeVisible();
});

test('a file that is not a Pli database is explained in French, and retry recovers', async ({
  page,
  dataDir,
}) => {
  const file = path.join(dataDir, 'pli.sqlite');
  fs.writeFileSync(file, 'Ceci est un tableur exporté, pas une base Pli.');
  const { app, stop } = await startPli(dataDir);
  try {
    await page.goto(app.url);
    await expect(
      page.getByRole('heading', { name: 'La base de données ne peut pas être ouverte' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(
      'Ce fichier n’est pas une base de données Pli. Choisissez un autre fichier.',
    );
    // The user's file is left as it was.
    expect(fs.readFileSync(file, 'utf8')).toBe('Ceci est un tableur exporté, pas une base Pli.');
    // The way forward: choose another file, e.g. the one on the association's share; an
    // unreachable share is said as such, and Réessayer opens it once it is there.
    const shared = path.join(dataDir, 'partage', 'pli.sqlite');
    await page.getByLabel(/Ou ouvrez un fichier existant/).fill(shared);
    await page.getByRole('button', { name: 'Ouvrir ce fichier' }).click();
    await expect(page.getByRole('alert')).toHaveText(/partage réseau ne répond pas/);
    fs.mkdirSync(path.dirname(shared));
    openDatabase(shared, { create: true, appliedBy: 'serveur' }).close();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { name: 'Création de l’administrateur' })).toBeVisible();
    // The choice is kept in this workstation's preferences: a reload opens the shared file.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Création de l’administrateur' })).toBeVisible();
  } finally {
    await stop();
  }
});

test('without the token the application refuses to load', async ({ page, pli }) => {
  const response = await page.goto(pli.origin + '/');
  expect(response?.status()).toBe(401);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await expect(page.getByText('Accès refusé')).toBeVisible();
});
