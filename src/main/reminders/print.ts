// « Imprimer les lettres »: the ticked payers' letters at their next level, in one PDF kept in
// this workstation's data folder (`<dataDir>/relances/`), and the reminders recorded in the
// same step so the level advances. The letter's text is the facility's template for the
// level, rendered for the payer's oldest unpaid invoice, as the email would say it.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PliError, type OverduePayer } from '../../shared/contract';
import { describeLocatedIssue } from '../../shared/templates';
import { loadIssuedDocuments } from '../billing/documents';
import type { Actor } from '../db/audit';
import { write } from '../db/tx';
import { renderForInvoice } from '../mail/template-values';
import { renderReminderLetters, type ReminderLetter } from './letters-pdf';
import { localToday, REMINDER_DOC_TYPES, selectedPayers } from './overdue';
import { recordReminders } from './record';

export const LEVEL_TITLES = { 1: 'Relance', 2: 'Deuxième relance', 3: 'Mise en demeure' } as const;

/** The template's text for the level, rendered for the payer's oldest unpaid invoice. */
export function reminderText(db: Database.Database, payer: OverduePayer): string {
  const anchor = payer.invoices[0];
  if (!anchor) throw new PliError('NOT_FOUND');
  const rendered = renderForInvoice(db, anchor.id, REMINDER_DOC_TYPES[payer.nextLevel], 'fr');
  if (!rendered.ok) {
    throw new PliError('TEMPLATE_UNKNOWN_FIELD', rendered.issues.map(describeLocatedIssue));
  }
  return rendered.text;
}

export function letterOf(db: Database.Database, payer: OverduePayer, date: string): ReminderLetter {
  const anchor = payer.invoices[0];
  if (!anchor) throw new PliError('NOT_FOUND');
  const { invoice } = loadIssuedDocuments(db, anchor.id);
  return {
    title: LEVEL_TITLES[payer.nextLevel],
    date,
    facility: invoice.facility,
    payer: invoice.payer,
    resident: invoice.resident,
    body: reminderText(db, payer),
    invoices: payer.invoices.map(({ number, period, dueDate, dueCents }) => ({
      number,
      period,
      dueDate,
      dueCents,
    })),
    dueCents: payer.dueCents,
  };
}

export const reminderFolder = (dataDir: string) => path.join(dataDir, 'relances');

/** `relances-2026-11-23-163812.pdf`: only these names are served back. */
export const REMINDER_FILE = /^relances-\d{4}-\d{2}-\d{2}-\d{6}(?:-\d+)?\.pdf$/;

function freshName(folder: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  for (let n = 0; ; n++) {
    const name = `relances-${stamp}${n === 0 ? '' : `-${String(n)}`}.pdf`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

export interface PrintedReminders {
  file: string;
  letters: number;
}

export async function printReminders(
  db: Database.Database,
  dataDir: string,
  actor: Actor,
  invoiceIds: readonly number[],
  today = localToday(),
): Promise<PrintedReminders> {
  const payers = selectedPayers(db, invoiceIds, today);
  if (payers.length === 0) throw new PliError('NOT_FOUND', [NOTHING_OVERDUE]);
  const letters = payers.map((payer) => letterOf(db, payer, today));
  const bytes = await renderReminderLetters(letters);
  const folder = reminderFolder(dataDir);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, freshName(folder, new Date()));
  fs.writeFileSync(file, bytes);
  write(db, () => {
    recordReminders(
      db,
      actor,
      payers.map((payer) => ({ payer, level: payer.nextLevel, mode: 'print' as const })),
    );
  });
  return { file, letters: letters.length };
}

export const NOTHING_OVERDUE =
  'Aucune des factures cochées n’est encore en retard de paiement : rechargez la liste.';

/** A printed relances file by its name, only inside the relances folder. */
export function reminderPdfFile(dataDir: string, name: string): string {
  const file = path.join(reminderFolder(dataDir), name);
  if (!REMINDER_FILE.test(name) || !fs.existsSync(file)) throw new PliError('PDF_MISSING');
  return file;
}
