// Journal des factures in Chromium: facturation prepares the current month (the demo bills
// the months before it), reviews it against last month, issues it, opens a PDF that poppler
// reads, and cancels one invoice by an avoir, while accueil watches without billing buttons.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { formatEuros, formatPeriodFr } from '../src/shared/money';
import { expect, signIn, startPli, test } from './fixtures';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const period = today.slice(0, 7);
const month = formatPeriodFr(period);
/** French amounts use U+202F between thousands and U+00A0 before €: compare with spaces. */
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const EURO = /-?\d{1,3}(?: \d{3})*,\d{2} €/;

const runPanel = (page: Page) => page.getByRole('region', { name: /^Facturation du mois/ });
const journalRow = (page: Page, number: string) =>
  page
    .locator('.journal-table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: number, exact: true }) });

async function openJournal(page: Page) {
  await page.getByRole('link', { name: 'Journal des factures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des factures' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filtres du journal' });
  // The first facility and the current month are chosen by default.
  const facility = filters.getByLabel('Établissement');
  const first = await facility.locator('option').first().textContent();
  await expect(facility.locator('option:checked')).toHaveText(first ?? '');
  await expect(filters.getByLabel('Période')).toHaveValue(period);
}

/** Accueil on a second workstation (its own Pli process) sharing the demo's file. */
async function accueilWorkstation(browser: Browser, databasePath: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-accueil-'));
  fs.writeFileSync(
    path.join(dir, 'preferences.json'),
    JSON.stringify({ workstationName: 'ACCUEIL-1', databasePath }),
  );
  const pli = await startPli(dir);
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(pli.app.url);
  await signIn(page, 'Solène Kerbrat');
  await openJournal(page);
  const close = async () => {
    await context.close();
    await pli.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { page, close };
}

test('facturation prepares, reviews and issues the month; a PDF; an avoir; accueil only reads', async ({
  browser,
  context,
  page,
  pli,
}) => {
  test.setTimeout(180_000);
  await page.goto(pli.url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page, 'Benoît Maréchal');
  await openJournal(page);

  // Prepare: the review compares with the previous month, which the demo billed.
  const panel = runPanel(page);
  await expect(panel).toContainText('pas encore préparée');
  await panel.getByRole('button', { name: `Préparer la facturation de ${month}` }).click();
  await expect(panel.getByRole('heading', { name: 'Vérification avant émission' })).toBeVisible();
  const drafts = panel.getByRole('table', { name: /en brouillon$/ });
  const count = await drafts.locator('tbody tr').count();
  expect(count).toBeGreaterThan(10);
  const comparison = panel.locator('table.comparison');
  const countRow = comparison.getByRole('row', { name: /Nombre de factures/ });
  const [thisCount, previousCount, countDiff] = await countRow.locator('td').allTextContents();
  expect(Number(thisCount)).toBe(count);
  expect(Number(previousCount)).toBeGreaterThan(0);
  const difference = count - Number(previousCount);
  expect(countDiff).toBe(
    difference > 0 ? `+${difference}` : difference < 0 ? `−${-difference}` : '0',
  );
  const totals = await comparison
    .getByRole('row', { name: /Total/ })
    .locator('td')
    .allTextContents();
  for (const cell of totals) expect(spaces(cell)).toMatch(EURO);
  await expect(panel.getByText('Nouveaux résidents')).toBeVisible();
  await expect(panel.getByText('Résidents partis')).toBeVisible();

  // The drafts appear in the journal only when asked for.
  const rows = page.locator('.journal-table tbody tr');
  await expect(page.getByText('Aucune facture ne correspond à ces critères.')).toBeVisible();
  await page.getByLabel('Afficher les brouillons').check();
  await expect(rows).toHaveCount(count);
  await expect(rows.first().getByText('Brouillon', { exact: true })).toBeVisible();
  await page.getByLabel('Afficher les brouillons').uncheck();

  // Accueil, on another workstation, sees the month in preparation and no billing button.
  const accueil = await accueilWorkstation(browser, path.join(pli.dataDir, 'pli.sqlite'));
  try {
    await expect(runPanel(accueil.page)).toContainText(`${count} factures en brouillon`);
    await expect(runPanel(accueil.page).getByRole('button')).toHaveCount(0);

    // Issue with today's date, confirmed in a dialog that says it is final.
    await panel.getByRole('button', { name: `Émettre les ${count} factures` }).click();
    const dialog = page.getByRole('dialog', { name: `Émettre les ${count} factures de ${month}` });
    await expect(dialog).toContainText('définitive');
    const date = dialog.getByLabel('Date d’émission');
    await expect(date).toHaveValue(today);
    // A date before the demo's last invoices is refused, and said why, in the dialog.
    await date.fill('2020-01-15');
    await dialog.getByRole('button', { name: 'Émettre définitivement' }).click();
    await expect(dialog.getByRole('alert')).toContainText('antérieure à la dernière facture');
    await date.fill(today);
    await dialog.getByRole('button', { name: 'Émettre définitivement' }).click();
    const issued = panel.getByRole('status').filter({ hasText: 'factures émises' });
    await expect(issued).toBeVisible({ timeout: 60_000 });
    const match = /^(\d+) factures émises, n° (\S+) à (\S+)\.$/.exec(
      (await issued.textContent()) ?? '',
    );
    expect(match?.[1]).toBe(String(count));
    const [first = '', last = ''] = [match?.[2], match?.[3]];
    await expect(dialog).toBeHidden();
    await expect(panel.getByRole('button')).toHaveCount(0);

    // The journal lists the new invoices as émises, on both workstations.
    await expect(rows).toHaveCount(count);
    await expect(journalRow(page, first).getByText('Émise', { exact: true })).toBeVisible();
    await expect(journalRow(page, last).getByText('Émise', { exact: true })).toBeVisible();
    await expect(journalRow(accueil.page, last).getByText('Émise', { exact: true })).toBeVisible();

    // "Voir le PDF" opens the web host's file in a new tab; poppler reads it.
    const [viewer] = await Promise.all([
      context.waitForEvent('page'),
      journalRow(page, first).getByRole('button', { name: 'Voir le PDF' }).click(),
    ]);
    await viewer.waitForURL(/\/files\/invoices\/\d+\/facture\.pdf$/);
    const response = await page.request.get(viewer.url());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pli-pdf-')), 'facture.pdf');
    fs.writeFileSync(file, await response.body());
    const text = spaces(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(first);
    expect(text).toMatch(EURO);
    const firstAmount = await journalRow(page, first).locator('td.num').textContent();
    expect(text).toContain(spaces(firstAmount ?? '?'));
    await viewer.close();

    // An avoir total on the first invoice: it shows as annulée par avoir, the avoir takes the
    // next number, and accueil sees both without reloading.
    await journalRow(page, first).getByRole('rowheader').click();
    const detail = page.getByRole('region', { name: 'Détail de la facture' });
    await expect(detail.getByRole('heading', { name: `Facture n° ${first}` })).toBeVisible();
    await expect(detail.getByRole('table', { name: 'Lignes de la facture' })).toContainText(
      'Hébergement',
    );
    await detail.getByRole('button', { name: 'Établir un avoir' }).click();
    const credit = page.getByRole('dialog', { name: `Avoir sur la facture n° ${first}` });
    await expect(credit.getByLabel('Avoir total (tout ce qui reste sur la facture)')).toBeChecked();
    const establish = credit.getByRole('button', { name: 'Établir l’avoir' });
    await expect(establish).toBeDisabled();
    await credit
      .getByLabel('Motif (imprimé sur l’avoir)')
      .fill('Résident sorti avant le début du mois');
    await expect(credit.getByLabel('Date d’émission')).toHaveValue(today);
    const firstCents = Math.round(
      Number(
        spaces(firstAmount ?? '')
          .replace(/[ €]/g, '')
          .replace(',', '.'),
      ) * 100,
    );
    await expect(credit).toContainText(`Montant de l’avoir : ${formatEuros(-firstCents)}`);
    await establish.click();
    await expect(credit).toBeHidden();
    const seq = /^(.*-)(\d+)$/.exec(last);
    const avoirNumber = `${seq?.[1] ?? ''}${String(Number(seq?.[2]) + 1).padStart(seq?.[2]?.length ?? 6, '0')}`;
    await expect(detail.getByRole('status')).toHaveText(
      new RegExp(`^Avoir n° ${avoirNumber} établi : [-−]`),
    );
    await expect(detail.getByText('Annulée par avoir', { exact: true })).toBeVisible();
    await expect(detail.getByRole('button', { name: `Avoir n° ${avoirNumber}` })).toBeVisible();
    await expect(detail.getByRole('button', { name: 'Établir un avoir' })).toHaveCount(0);
    for (const viewer of [page, accueil.page]) {
      await expect(
        journalRow(viewer, first).getByText('Annulée par avoir', { exact: true }),
      ).toBeVisible();
      await expect(
        journalRow(viewer, avoirNumber).getByText('Avoir', { exact: true }),
      ).toBeVisible();
    }
    await expect(rows).toHaveCount(count + 1);

    // Accueil opens an invoice: lines, no avoir button; no Préparer on a month not yet billed.
    await journalRow(accueil.page, last).getByRole('button', { name: 'Détails' }).click();
    const seen = accueil.page.getByRole('region', { name: 'Détail de la facture' });
    await expect(seen.getByRole('heading', { name: `Facture n° ${last}` })).toBeVisible();
    await expect(seen.getByRole('button', { name: 'Établir un avoir' })).toHaveCount(0);
    await accueil.page.getByRole('button', { name: 'Mois suivant' }).click();
    await expect(runPanel(accueil.page)).toContainText('pas encore préparée');
    await expect(runPanel(accueil.page).getByRole('button')).toHaveCount(0);
  } finally {
    await accueil.close();
  }
});
