// Accessibility and screenshots of every page on a demo database signed in as the
// administrator: axe-core (WCAG 2.1 A/AA rules) must find no serious or critical violation on
// the database screen, the sign-in screen, the Tableau de bord, Résidents with a record open, the Journal des
// factures with an invoice open, Envoi groupé, Relances and each Paramètres sub-page. A
// full-page screenshot of each is attached to the test results.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
}

async function check(page: Page, testInfo: TestInfo, name: string, findings: Finding[]) {
  // Let pending loads and transitions settle before scanning and photographing.
  await expect(page.getByText('Chargement…')).toHaveCount(0, { timeout: 30_000 });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    findings.push({
      page: name,
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    });
  }
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
const subnav = (page: Page) => page.getByRole('navigation', { name: 'Paramètres' });

test('no serious or critical accessibility violation on any page; a screenshot of each', async ({
  page,
  pli,
}, testInfo) => {
  test.setTimeout(240_000);
  const findings: Finding[] = [];
  await page.goto(pli.url);
  await expect(page.getByRole('button', { name: 'Créer une base de démonstration' })).toBeVisible();
  await check(page, testInfo, '01-base-de-donnees', findings);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await expect(page.getByLabel('Mot de passe Pli')).toBeVisible({ timeout: 30_000 });
  await check(page, testInfo, '02-connexion', findings);
  await signIn(page);

  await nav(page).getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  // The demo billed last month: its issued count is shown for the first facility.
  const issued = page.locator('.dashboard-card tr[data-figure="issued"] td .count');
  await expect(issued.nth(1)).not.toHaveText('0');
  await check(page, testInfo, '02b-tableau-de-bord', findings);

  await nav(page).getByRole('link', { name: 'Résidents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Résidents' })).toBeVisible();
  await page.locator('.residents-list tbody button').first().click();
  await expect(page.getByRole('region', { name: 'Dossier du résident' })).toBeVisible();
  await check(page, testInfo, '03-residents', findings);

  await nav(page).getByRole('link', { name: 'Journal des factures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des factures' })).toBeVisible();
  // The demo billed the months before this one: last month has issued invoices.
  const filters = page.getByRole('search', { name: 'Filtres du journal' });
  const last = new Date();
  last.setDate(1);
  last.setMonth(last.getMonth() - 1);
  const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  await filters.getByLabel('Période').fill(period);
  const firstRow = page.locator('.journal-table tbody tr').first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  await firstRow.click();
  await check(page, testInfo, '04-journal', findings);

  await nav(page).getByRole('link', { name: 'Envoi groupé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Envoi groupé' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Factures qui partiront' })).toBeVisible({
    timeout: 60_000,
  });
  await check(page, testInfo, '05-envoi-groupe', findings);

  await nav(page).getByRole('link', { name: 'Relances' }).click();
  await check(page, testInfo, '06-relances', findings);

  await nav(page).getByRole('link', { name: 'Paramètres' }).click();
  const links = subnav(page).getByRole('link');
  const names = await links.allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(6);
  for (const [index, name] of names.entries()) {
    await subnav(page).getByRole('link', { name, exact: true }).click();
    await expect(subnav(page).getByRole('link', { name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const slug = name
      .normalize('NFD')
      .replace(/[^\w]+/g, '-')
      .toLowerCase();
    await check(page, testInfo, `07-parametres-${index + 1}-${slug}`, findings);
  }

  await testInfo.attach('axe-findings.json', {
    body: JSON.stringify(findings, null, 2),
    contentType: 'application/json',
  });
  expect(findings).toEqual([]);
});
