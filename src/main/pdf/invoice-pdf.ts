// The invoice and credit-note PDF (facture, avoir), and the first page and footers the relevé de
// débours shares with it: letterhead, the payer's address in a DL envelope's window, the lines
// across as many pages as they need, total, payment details, legal mentions, « Page N / M ».
import { createHash } from 'node:crypto';
import { JpegEmbedder, PDFContext, PDFRawStream, PngEmbedder } from 'pdf-lib';
import { formatIban } from '../../shared/identifiers';
import { formatDateFr, formatEuros, formatPeriodFr, formatQuantity } from '../../shared/money';
import { loadFonts, type PdfFonts } from './fonts';
import {
  createSheet,
  GREY,
  lineHeight,
  PAGE,
  type PreparedImage,
  RIGHT,
  type Column,
  type Sheet,
} from './layout';
import type { InvoiceDocument, PdfFacility, PdfParty } from './types';

// A French DL envelope's right window spans about 110–200 mm across and 45–90 mm down; La
// Poste's six address lines fit from 50 mm, clear of the window's edges.
const WINDOW = { x: 110, top: 50, bottom: 90, width: 88 };
const FOOT = { size: 7, color: GREY };
const TOTAL_X = 112;

const COLUMNS: Column[] = [
  { title: 'Désignation', x: PAGE.margin, width: 101, align: 'left' },
  { title: 'Quantité', x: 118, width: 18, align: 'right' },
  { title: 'Prix unitaire', x: 138, width: 26, align: 'right' },
  { title: 'Montant', x: 166, width: RIGHT - 166, align: 'right' },
];

export interface FirstPage {
  facility: PdfFacility;
  payer: PdfParty;
  resident: InvoiceDocument['resident'];
  title: string;
  subtitle: string | null;
  fields: [label: string, value: string][];
}

export function residentName(resident: InvoiceDocument['resident']): string {
  return [resident.civilite, resident.prenom, resident.nom].filter(Boolean).join(' ');
}

function joined(...parts: string[]): string {
  return parts.filter(Boolean).join(' – ');
}

/** SIRET as registries print it: 732 829 320 00074. */
function formatSiret(siret: string): string {
  return siret.replace(/\s/g, '').replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
}

const preparedLogos = new Map<string, Promise<PreparedImage>>();
const logosByBytes = new WeakMap<Uint8Array, { mime: string; prepared: Promise<PreparedImage> }>();

/**
 * A facility's logo, decoded and compressed once per process into a scratch context: pdf-lib
 * would decode the PNG and deflate its pixels again in every document (15 ms a time for a
 * 360 × 120 logo here, half as much again as the rest of the invoice).
 */
function prepareLogo(bytes: Uint8Array, mime: 'image/png' | 'image/jpeg'): Promise<PreparedImage> {
  // The same bytes object again (a batch renders a facility's invoices with one facility record)
  // needs no hashing.
  const same = logosByBytes.get(bytes);
  if (same?.mime === mime) return same.prepared;
  const key = `${mime} ${createHash('sha256').update(bytes).digest('hex')}`;
  let prepared = preparedLogos.get(key);
  if (!prepared) {
    prepared = (async () => {
      const context = PDFContext.create();
      // A copy of its own: pdf-lib reads a JPEG through its ArrayBuffer from offset 0, wrong for
      // a Buffer that is a view into Node's shared pool (as small BLOBs and base64 decodes are).
      const own = new Uint8Array(bytes);
      try {
        const embedder =
          mime === 'image/png' ? await PngEmbedder.for(own) : await JpegEmbedder.for(own);
        const stream = context.lookup(await embedder.embedIntoContext(context));
        if (!(stream instanceof PDFRawStream)) throw new Error('pdf-lib: no image stream');
        return { context, stream, width: embedder.width, height: embedder.height };
      } catch (cause) {
        throw new Error(
          `Le logo de l'établissement est illisible (${mime === 'image/png' ? 'PNG' : 'JPEG'} attendu) : remplacez-le dans Paramètres › Établissements.`,
          { cause },
        );
      }
    })();
    // A handful of facilities: forget the oldest logo rather than grow without bound.
    const oldest = preparedLogos.keys().next();
    if (preparedLogos.size >= 16 && !oldest.done) preparedLogos.delete(oldest.value);
    preparedLogos.set(key, prepared);
  }
  logosByBytes.set(bytes, { mime, prepared });
  return prepared;
}

async function drawLetterhead(sheet: Sheet, facility: PdfFacility): Promise<void> {
  const top = 12;
  let x = PAGE.margin;
  if (facility.logo) {
    const { bytes, mime } = facility.logo;
    const logo = await prepareLogo(bytes, mime);
    x += sheet.image(logo, { x, top, maxWidth: 40, maxHeight: 24 }) + 5;
  }
  sheet.text(facility.name, x, top, { size: 13, bold: true });
  const details = [
    facility.legalName === facility.name ? '' : facility.legalName,
    ...facility.addressLines,
    joined(facility.phone && `Tél. ${facility.phone}`, facility.email),
    joined(
      facility.finess && `FINESS ${facility.finess}`,
      facility.siret && `SIRET ${formatSiret(facility.siret)}`,
    ),
  ].filter(Boolean);
  sheet.lines(details, x, top + lineHeight(13), { size: 8.5 });
}

/** Letterhead, title block, the payer in the window, the resident; the cursor ends below. */
export async function drawFirstPage(sheet: Sheet, first: FirstPage): Promise<void> {
  await drawLetterhead(sheet, first.facility);
  let top = 48;
  sheet.text(first.title, PAGE.margin, top, { size: 20, bold: true });
  top += lineHeight(20);
  if (first.subtitle) {
    const style = { size: 9.5, bold: true };
    top = sheet.lines(sheet.wrap(first.subtitle, WINDOW.x - 20, style), PAGE.margin, top, style);
  }
  top += 2;
  for (const [label, value] of first.fields) {
    sheet.text(label, PAGE.margin, top, { size: 9.5, color: GREY });
    sheet.text(value, PAGE.margin + 24, top, { size: 9.5 });
    top += lineHeight(9.5) + 0.5;
  }
  const nameStyle = { size: 10.5, bold: true };
  const name = sheet.wrap(first.payer.name, WINDOW.width, nameStyle);
  const address = first.payer.addressLines.flatMap((line) => sheet.wrap(line, WINDOW.width));
  const nameBottom = sheet.lines(name, WINDOW.x, WINDOW.top, nameStyle);
  const addressBottom = sheet.lines(address, WINDOW.x, nameBottom);
  const resident = joined(
    `Résident : ${residentName(first.resident)}`,
    first.resident.room && `chambre ${first.resident.room}`,
  );
  sheet.y = Math.max(top, addressBottom, WINDOW.bottom) + 5;
  sheet.y = sheet.lines(sheet.wrap(resident, RIGHT - PAGE.margin), PAGE.margin, sheet.y) + 4;
}

/** What heads every page after the first: which document it continues. */
export function drawContinuation(sheet: Sheet, text: string): void {
  sheet.text(text, PAGE.margin, PAGE.margin, { size: 9, color: GREY });
  sheet.y = PAGE.margin + lineHeight(9) + 4;
}

/** Reserves the foot of every page for `mentions` and « Page N / M »; call before laying out. */
export function reserveFooter(sheet: Sheet, mentions: readonly string[]): string[] {
  const lines = mentions.flatMap((mention) => sheet.wrap(mention, RIGHT - PAGE.margin, FOOT));
  sheet.bottom = PAGE.height - 12 - lines.length * lineHeight(FOOT.size) - 5;
  return lines;
}

export function drawFooters(sheet: Sheet, lines: readonly string[]): void {
  const pageTop = PAGE.height - 12;
  sheet.footers((page, count) => {
    if (lines.length > 0) {
      const top = pageTop - lines.length * lineHeight(FOOT.size) - 1;
      sheet.rule(PAGE.margin, RIGHT, top - 1.5, 0.3);
      sheet.lines(lines, PAGE.margin, top, FOOT);
    }
    sheet.textRight(`Page ${page} / ${count}`, RIGHT, pageTop + 1, { size: 8, color: GREY });
  });
}

function paymentLines(doc: InvoiceDocument): string[] {
  const { iban, bic } = doc.facility;
  return [
    iban ? 'Règlement par virement' : 'Règlement',
    joined(iban && `IBAN ${formatIban(iban)}`, bic && `BIC ${bic.replace(/\s/g, '')}`),
    doc.paymentReference && `Référence à rappeler : ${doc.paymentReference}`,
  ].filter(Boolean);
}

export async function renderInvoicePdf(
  doc: InvoiceDocument,
  fonts: PdfFonts = loadFonts(),
): Promise<Uint8Array> {
  const avoir = doc.kind === 'avoir';
  const kind = avoir ? 'Avoir' : 'Facture';
  const sheet = await createSheet(fonts, {
    title: doc.number,
    author: doc.facility.name,
    subject: `${kind} ${formatPeriodFr(doc.period)} – ${residentName(doc.resident)}`,
    issueDate: doc.issueDate,
  });
  const footer = reserveFooter(sheet, doc.legalMentions);
  const fields: FirstPage['fields'] = [
    ['Numéro', doc.number],
    ['Date', formatDateFr(doc.issueDate)],
    ['Période', formatPeriodFr(doc.period)],
  ];
  // An avoir is not paid, so it may have no due date.
  if (doc.dueDate) fields.push(['Échéance', formatDateFr(doc.dueDate)]);
  await drawFirstPage(sheet, {
    facility: doc.facility,
    payer: doc.payer,
    resident: doc.resident,
    title: avoir ? 'AVOIR' : 'FACTURE',
    subtitle: avoir && doc.creditedNumber ? `Avoir sur la facture n° ${doc.creditedNumber}` : null,
    fields,
  });
  const continued = () =>
    drawContinuation(sheet, `${kind} n° ${doc.number} – ${residentName(doc.resident)} (suite)`);
  const rows = doc.lines.map((line) => [
    line.label,
    formatQuantity(line.quantity),
    formatEuros(line.unitCents),
    formatEuros(line.amountCents),
  ]);
  sheet.table(COLUMNS, rows, continued);

  // The total, the VAT mention and how to pay stay together, on a new page if need be.
  const vat = doc.facility.vatMention
    ? sheet.wrap(doc.facility.vatMention, RIGHT - PAGE.margin, { size: 8 })
    : [];
  const payment = avoir ? [] : paymentLines(doc);
  const boxHeight = lineHeight(11) + 2;
  const paymentHeight = payment.length > 0 ? 5 + payment.length * lineHeight(9) : 0;
  sheet.ensure(boxHeight + 3 + vat.length * lineHeight(8) + paymentHeight, continued);
  sheet.shade(TOTAL_X, sheet.y, RIGHT + 1.5 - TOTAL_X, boxHeight);
  const total = { size: 11, bold: true };
  sheet.text(avoir ? "Montant de l'avoir" : 'Total à payer', TOTAL_X + 2, sheet.y + 1, total);
  sheet.textRight(formatEuros(doc.totalCents), RIGHT, sheet.y + 1, total);
  sheet.y = sheet.lines(vat, PAGE.margin, sheet.y + boxHeight + 3, { size: 8, color: GREY });
  if (payment.length > 0) {
    const [heading = '', ...rest] = payment;
    sheet.text(heading, PAGE.margin, sheet.y + 5, { size: 9, bold: true });
    sheet.y = sheet.lines(rest, PAGE.margin, sheet.y + 5 + lineHeight(9), { size: 9 });
  }
  drawFooters(sheet, footer);
  return sheet.save();
}
