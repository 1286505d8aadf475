// Invoice PDFs per second on one core: pdf-lib with the embedded DejaVu subsets, against the same
// invoice as HTML printed to PDF by Chromium (the usual alternative), measured in the same run.
import fs from 'node:fs';
import * as fontkitModule from '@pdf-lib/fontkit';
import { chromium } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { type PdfFonts, loadFonts } from '../src/main/pdf/fonts';
import { renderInvoicePdf } from '../src/main/pdf/invoice-pdf';
import { createSheet } from '../src/main/pdf/layout';
import type { InvoiceDocument } from '../src/main/pdf/types';
import { formatIban } from '../src/shared/identifiers';
import { formatDateFr, formatEuros, formatPeriodFr, formatQuantity } from '../src/shared/money';

/** The flags of playwright.config.ts, for Debian's Chromium on these machines. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function invoice(logo: Uint8Array): InvoiceDocument {
  return {
    kind: 'facture',
    number: 'TIL-2026-004217',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    period: '2026-09',
    creditedNumber: null,
    facility: {
      name: 'EHPAD Les Tilleuls',
      legalName: 'Association Cœur de Loire',
      addressLines: ['3 rue des Tilleuls', '44000 Nantes'],
      phone: '02 40 12 34 56',
      email: 'facturation@tilleuls.example',
      finess: '440012345',
      siret: '73282932000074',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      vatMention: 'TVA non applicable – article 261-4-8° bis du Code général des impôts.',
      logo: { bytes: logo, mime: 'image/png' },
    },
    payer: { name: 'M. Łukasz Wiśniewski', addressLines: ["14 rue de l'Église", '44100 Nantes'] },
    resident: { civilite: 'Mme', nom: 'Lefèvre', prenom: 'Éléonore', room: '214' },
    lines: [
      {
        label: 'Hébergement – prix de journée',
        quantity: 30,
        unitCents: 6850,
        amountCents: 205500,
      },
      { label: 'Tarif dépendance GIR 5-6', quantity: 30, unitCents: 612, amountCents: 18360 },
      {
        label: 'Absence pour hospitalisation du 12/09 au 14/09 (forfait hospitalier déduit)',
        quantity: 3,
        unitCents: -2000,
        amountCents: -6000,
      },
      {
        label: 'Blanchisserie et marquage du linge',
        quantity: 1,
        unitCents: 3500,
        amountCents: 3500,
      },
      { label: 'Téléphone – abonnement mensuel', quantity: 1, unitCents: 950, amountCents: 950 },
      { label: 'Débours (voir relevé joint)', quantity: 1, unitCents: 8450, amountCents: 8450 },
    ],
    totalCents: 230760,
    paymentReference: 'TIL-2026-004217',
    legalMentions: [
      'En cas de retard de paiement, des pénalités au taux légal peuvent être appliquées.',
      'Association loi 1901 – établissement habilité à l’aide sociale.',
    ],
  };
}

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** The same content as the pdf-lib invoice, as a one-page HTML template would give it. */
function invoiceHtml(doc: InvoiceDocument, logo: Uint8Array): string {
  const f = doc.facility;
  const rows = doc.lines
    .map(
      (line) =>
        `<tr><td>${escape(line.label)}</td><td>${formatQuantity(line.quantity)}</td><td>${formatEuros(line.unitCents)}</td><td>${formatEuros(line.amountCents)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${doc.number}</title><style>
@page { size: A4; margin: 12mm 15mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; }
header { display: flex; gap: 5mm; } header img { max-width: 40mm; max-height: 24mm; }
.small { font-size: 8.5pt; } .title { font-size: 20pt; font-weight: bold; }
.window { position: absolute; left: 95mm; top: 38mm; }
table { width: 100%; border-collapse: collapse; margin-top: 45mm; font-size: 9pt; }
th { background: #ebebeb; text-align: right; } th:first-child, td:first-child { text-align: left; }
td { text-align: right; padding: 1mm 0; } .total { font-size: 11pt; font-weight: bold; text-align: right; }
footer { position: fixed; bottom: 0; font-size: 7pt; color: #616161; }
</style></head><body>
<header><img src="data:image/png;base64,${Buffer.from(logo).toString('base64')}"><div><b>${escape(f.name)}</b>
<div class="small">${[f.legalName, ...f.addressLines, `Tél. ${f.phone} – ${f.email}`, `FINESS ${f.finess} – SIRET ${f.siret}`].map(escape).join('<br>')}</div></div></header>
<div class="title">FACTURE</div>
<div>Numéro ${doc.number}<br>Date ${formatDateFr(doc.issueDate)}<br>Période ${formatPeriodFr(doc.period)}<br>Échéance ${formatDateFr(doc.dueDate)}</div>
<div class="window"><b>${escape(doc.payer.name)}</b><br>${doc.payer.addressLines.map(escape).join('<br>')}</div>
<p>Résident : ${escape(`${doc.resident.civilite} ${doc.resident.prenom} ${doc.resident.nom}`)} – chambre ${doc.resident.room}</p>
<table><tr><th>Désignation</th><th>Quantité</th><th>Prix unitaire</th><th>Montant</th></tr>${rows}</table>
<p class="total">Total à payer ${formatEuros(doc.totalCents)}</p><p class="small">${escape(f.vatMention)}</p>
<p><b>Règlement par virement</b><br>IBAN ${formatIban(f.iban)} – BIC ${f.bic}<br>Référence à rappeler : ${doc.paymentReference}</p>
<footer>${doc.legalMentions.map(escape).join('<br>')}<br>Page 1 / 1</footer></body></html>`;
}

/**
 * The cost per document whatever the layout: a sheet, the characters of this invoice's data drawn
 * in both fonts (their subsets built and compressed), one page, saved.
 */
async function embedAndSave(fonts: PdfFonts, doc: InvoiceDocument): Promise<Uint8Array> {
  const sheet = await createSheet(fonts, {
    title: '',
    author: '',
    subject: '',
    issueDate: doc.issueDate,
  });
  sheet.text(`${charactersOf(doc)}€\u202f`, 10, 10, { size: 4 });
  sheet.text(BOLD_TEXT, 10, 20, { size: 4, bold: true });
  return sheet.save();
}

const BOLD_TEXT = 'FACTURE Désignation Quantité Prix unitaire Montant Total à payer 0123456789,€';

function charactersOf(doc: InvoiceDocument): string {
  return [...new Set(JSON.stringify({ ...doc, facility: { ...doc.facility, logo: null } }))].join(
    '',
  );
}

/**
 * The same with pdf-lib's own font embedder (fontkit's subsetter, pako), as every invoice did
 * before the faces were prepared once per process (src/main/pdf/face.ts): the baseline of the
 * font work, measured in the same run.
 */
async function stockEmbedAndSave(doc: InvoiceDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(stockFonts.regular, { subset: true });
  const bold = await pdf.embedFont(stockFonts.bold, { subset: true });
  const page = pdf.addPage();
  page.drawText(`${charactersOf(doc)}€\u202f`, { font: regular, size: 4 });
  page.drawText(BOLD_TEXT, { font: bold, size: 4 });
  return pdf.save({ objectsPerTick: Infinity });
}

const stockFonts = {
  regular: new Uint8Array(fs.readFileSync('resources/fonts/DejaVuSans.ttf')),
  bold: new Uint8Array(fs.readFileSync('resources/fonts/DejaVuSans-Bold.ttf')),
};
// The package is UMD: Node's ESM loader exposes its API under `default`.
const fontkit = (fontkitModule as { default?: typeof fontkitModule }).default ?? fontkitModule;

export interface Rate {
  count: number;
  seconds: number;
  perSecond: number;
  msEach: number;
}

export interface PdfBench {
  invoiceLines: number;
  logoBytes: number;
  pdfLib: Rate & { bytes: number };
  pdfLibWithoutLogo: Rate;
  pdfLibEmbedAndSaveOnly: Rate & { bytes: number };
  /** pdf-lib's own font embedder for the same text: what each invoice paid before. */
  pdfLibStockEmbedderEmbedAndSaveOnly: Rate & { bytes: number };
  /** The same invoice as the one measured here, from commit c2525cc (for its size). */
  before: { bytes: number; perSecond: number; chromiumPerSecond: number };
  chromium: Rate & { bytes: number };
  pdfLibVsChromium: number;
  targets: { perSecond: number; vsChromium: number };
}

/** Accumulates timed runs; rounds interleave the contenders so that a busy moment hits all. */
class Timer {
  private count = 0;
  private nanos = 0n;

  async run(render: () => Promise<unknown>, times: number): Promise<void> {
    const start = process.hrtime.bigint();
    for (let i = 0; i < times; i++) await render();
    this.nanos += process.hrtime.bigint() - start;
    this.count += times;
  }

  rate(): Rate {
    const seconds = Number(this.nanos) / 1e9;
    return {
      count: this.count,
      seconds,
      perSecond: this.count / seconds,
      msEach: (seconds * 1000) / this.count,
    };
  }
}

export async function benchPdf(): Promise<PdfBench> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    // A realistic logo: Pli's icon as a 360 × 120 PNG with transparency, drawn by Chromium.
    await page.setViewportSize({ width: 360, height: 120 });
    await page.setContent(
      `<body style="margin:0">${fs.readFileSync('resources/icons/pli.svg', 'utf8').replace('<svg ', '<svg width="120" height="120" ')}</body>`,
    );
    const logo = await page.screenshot({ omitBackground: true, type: 'png' });
    const doc = invoice(logo);
    const noLogo = { ...doc, facility: { ...doc.facility, logo: null } };
    const html = invoiceHtml(doc, logo);
    const fonts = loadFonts();

    let bytes = 0;
    let chromiumBytes = 0;
    let embedBytes = 0;
    let stockBytes = 0;
    const contenders = {
      pdfLib: async () => (bytes = (await renderInvoicePdf(doc, fonts)).length),
      pdfLibWithoutLogo: () => renderInvoicePdf(noLogo, fonts),
      pdfLibEmbedAndSaveOnly: async () => (embedBytes = (await embedAndSave(fonts, doc)).length),
      stock: async () => (stockBytes = (await stockEmbedAndSave(doc)).length),
      chromium: async () => {
        await page.setContent(html);
        chromiumBytes = (await page.pdf({ format: 'A4', printBackground: true })).length;
      },
    };
    // Warm up (JIT, font caches, Chromium's first layout), untimed.
    for (const render of Object.values(contenders)) for (let i = 0; i < 20; i++) await render();
    // Sequential awaits on one event loop: pdf-lib's work (layout, subsetting, deflate) is all
    // synchronous JavaScript, so it runs on one core. Chromium prints with its own processes.
    const timers = {
      pdfLib: new Timer(),
      withoutLogo: new Timer(),
      embed: new Timer(),
      stock: new Timer(),
      chromium: new Timer(),
    };
    for (let round = 0; round < 5; round++) {
      // A few hundred milliseconds to a second each, so that one busy moment weighs little.
      await timers.pdfLib.run(contenders.pdfLib, 300);
      await timers.withoutLogo.run(contenders.pdfLibWithoutLogo, 300);
      await timers.embed.run(contenders.pdfLibEmbedAndSaveOnly, 300);
      await timers.stock.run(contenders.stock, 20);
      await timers.chromium.run(contenders.chromium, 12);
    }
    const pdfLib = timers.pdfLib.rate();
    const printed = timers.chromium.rate();
    return {
      invoiceLines: doc.lines.length,
      logoBytes: logo.length,
      pdfLib: { ...pdfLib, bytes },
      pdfLibWithoutLogo: timers.withoutLogo.rate(),
      pdfLibEmbedAndSaveOnly: { ...timers.embed.rate(), bytes: embedBytes },
      pdfLibStockEmbedderEmbedAndSaveOnly: { ...timers.stock.rate(), bytes: stockBytes },
      before: { bytes: 27_796, perSecond: 37.4, chromiumPerSecond: 14.7 },
      chromium: { ...printed, bytes: chromiumBytes },
      pdfLibVsChromium: pdfLib.perSecond / printed.perSecond,
      targets: { perSecond: 300, vsChromium: 30 },
    };
  } finally {
    await browser.close();
  }
}

/** One line for the console. */
export function describePdfBench(r: PdfBench): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  return `pdf-lib ${f(r.pdfLib.perSecond)}/s (${f(r.pdfLib.msEach)} ms, ${f(r.pdfLib.bytes / 1000)} ko ; polices intégrées + enregistrement seuls ${f(r.pdfLibEmbedAndSaveOnly.msEach, 2)} ms, avec l'intégration de pdf-lib ${f(r.pdfLibStockEmbedderEmbedAndSaveOnly.msEach)} ms ; avant : ${f(r.before.bytes / 1000)} ko), Chromium ${f(r.chromium.perSecond)}/s — pdf-lib = ${f(r.pdfLibVsChromium)} × Chromium (objectifs ${r.targets.perSecond}/s, ${r.targets.vsChromium} ×)`;
}
