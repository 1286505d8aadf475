// The print mode's PDF: one letter per payer, each on its own pages, in one file to print at
// once. A letter is the invoice's first page (letterhead, the payer in the envelope's window,
// the resident), the level's title and date, the text of the level's template, and the
// unpaid invoices with their due dates and what is left to pay.
import { PDFDocument } from 'pdf-lib';
import { formatDateFr, formatEuros, formatPeriodFr } from '../../shared/money';
import {
  drawContinuation,
  drawFirstPage,
  drawFooters,
  reserveFooter,
  residentName,
} from '../pdf/invoice-pdf';
import { loadFonts, type PdfFonts } from '../pdf/fonts';
import { createSheet, lineHeight, PAGE, RIGHT, type Column } from '../pdf/layout';
import type { InvoiceDocument, PdfFacility, PdfParty } from '../pdf/types';

export interface ReminderLetter {
  title: string;
  date: string /* YYYY-MM-DD */;
  facility: PdfFacility;
  payer: PdfParty;
  resident: InvoiceDocument['resident'];
  /** The level's template, rendered: paragraphs separated by blank lines. */
  body: string;
  invoices: { number: string; period: string; dueDate: string; dueCents: number }[];
  dueCents: number;
}

const COLUMNS: Column[] = [
  { title: 'Facture', x: PAGE.margin, width: 40, align: 'left' },
  { title: 'Période', x: 58, width: 40, align: 'left' },
  { title: 'Échéance', x: 100, width: 30, align: 'left' },
  { title: 'Reste à payer', x: 140, width: RIGHT - 140, align: 'right' },
];

async function renderLetter(letter: ReminderLetter, fonts: PdfFonts): Promise<Uint8Array> {
  const sheet = await createSheet(fonts, {
    title: letter.title,
    author: letter.facility.name,
    subject: `${letter.title} – ${letter.payer.name}`,
    issueDate: letter.date,
  });
  const footer = reserveFooter(sheet, []);
  await drawFirstPage(sheet, {
    facility: letter.facility,
    payer: letter.payer,
    resident: letter.resident,
    title: letter.title.toUpperCase(),
    subtitle: null,
    fields: [['Date', formatDateFr(letter.date)]],
  });
  const continued = () =>
    drawContinuation(sheet, `${letter.title} – ${residentName(letter.resident)} (suite)`);
  const width = RIGHT - PAGE.margin;
  for (const paragraph of letter.body.split(/\n/)) {
    const lines = paragraph.trim() === '' ? [''] : sheet.wrap(paragraph, width);
    for (const line of lines) {
      sheet.ensure(lineHeight(), continued);
      sheet.y = sheet.lines([line], PAGE.margin, sheet.y);
    }
  }
  sheet.y += 4;
  const rows = letter.invoices.map((invoice) => [
    invoice.number,
    formatPeriodFr(invoice.period),
    formatDateFr(invoice.dueDate),
    formatEuros(invoice.dueCents),
  ]);
  sheet.table(COLUMNS, rows, continued);
  sheet.ensure(lineHeight(11) + 2, continued);
  const total = { size: 11, bold: true };
  sheet.text('Total restant dû', 112, sheet.y + 1, total);
  sheet.textRight(formatEuros(letter.dueCents), RIGHT, sheet.y + 1, total);
  sheet.y += lineHeight(11) + 2;
  drawFooters(sheet, footer);
  return sheet.save();
}

/** Every letter in one PDF, in the order given. */
export async function renderReminderLetters(
  letters: readonly ReminderLetter[],
  fonts: PdfFonts = loadFonts(),
): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle('Relances');
  merged.setCreator('Pli');
  merged.setLanguage('fr-FR');
  for (const letter of letters) {
    const one = await PDFDocument.load(await renderLetter(letter, fonts));
    const pages = await merged.copyPages(one, one.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save();
}
