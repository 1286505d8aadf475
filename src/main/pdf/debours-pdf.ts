// The relevé de débours: the expenses the facility advanced for a resident (hairdresser,
// pharmacy…) that an invoice bills, itemised on their own statement with the invoice's heading.
import { formatDateFr, formatEuros, formatPeriodFr } from '../../shared/money';
import { loadFonts, type PdfFonts } from './fonts';
import { createSheet, lineHeight, PAGE, RIGHT, type Column } from './layout';
import {
  drawContinuation,
  drawFirstPage,
  drawFooters,
  reserveFooter,
  residentName,
} from './invoice-pdf';
import type { DeboursStatement } from './types';

const TOTAL_X = 112;

const COLUMNS: Column[] = [
  { title: 'Date', x: PAGE.margin, width: 22, align: 'left' },
  { title: 'Libellé', x: 40, width: 122, align: 'left' },
  { title: 'Montant', x: 166, width: RIGHT - 166, align: 'right' },
];

export async function renderDeboursPdf(
  statement: DeboursStatement,
  fonts: PdfFonts = loadFonts(),
): Promise<Uint8Array> {
  const resident = residentName(statement.resident);
  const sheet = await createSheet(fonts, {
    title: `Relevé de débours ${statement.number}`,
    author: statement.facility.name,
    subject: `Relevé de débours ${formatPeriodFr(statement.period)} – ${resident}`,
    issueDate: statement.issueDate,
  });
  const footer = reserveFooter(sheet, []);
  await drawFirstPage(sheet, {
    facility: statement.facility,
    payer: statement.payer,
    resident: statement.resident,
    title: 'RELEVÉ DE DÉBOURS',
    subtitle: `Annexe à la facture n° ${statement.number}`,
    fields: [
      ['Date', formatDateFr(statement.issueDate)],
      ['Période', formatPeriodFr(statement.period)],
    ],
  });
  const continued = () =>
    drawContinuation(sheet, `Relevé de débours – facture n° ${statement.number} (suite)`);
  const rows = statement.items.map((item) => [
    formatDateFr(item.date),
    item.label,
    formatEuros(item.amountCents),
  ]);
  sheet.table(COLUMNS, rows, continued);

  const boxHeight = lineHeight(11) + 2;
  sheet.ensure(boxHeight, continued);
  sheet.shade(TOTAL_X, sheet.y, RIGHT + 1.5 - TOTAL_X, boxHeight);
  const total = { size: 11, bold: true };
  sheet.text('Total des débours', TOTAL_X + 2, sheet.y + 1, total);
  sheet.textRight(formatEuros(statement.totalCents), RIGHT, sheet.y + 1, total);
  sheet.y += boxHeight;
  drawFooters(sheet, footer);
  return sheet.save();
}
