// The invoice, credit-note and relevé de débours PDFs, read back by poppler (pdftotext, pdfinfo,
// pdfimages) as a family's PDF reader would: names, amounts, pages, placement, metadata, bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDeboursPdf } from '../../../src/main/pdf/debours-pdf';
import { fontDirectory, loadFonts } from '../../../src/main/pdf/fonts';
import { renderInvoicePdf } from '../../../src/main/pdf/invoice-pdf';
import type { DeboursStatement, InvoiceDocument, PdfFacility } from '../../../src/main/pdf/types';
import { tempDir } from '../../helpers';

const dir = tempDir('pli-pdf-');
let written = 0;

function save(bytes: Uint8Array): string {
  const file = path.join(dir, `document-${++written}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The text as pdftotext lays it out, with no-break spaces (either kind) as plain spaces. */
function textOf(bytes: Uint8Array): string {
  const text = execFileSync('pdftotext', ['-layout', save(bytes), '-'], { encoding: 'utf8' });
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

function pdfinfo(bytes: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', save(bytes)], { encoding: 'utf8' });
  return Object.fromEntries(
    out.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match ? [[match[1]!, match[2]!]] : [];
    }),
  );
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
}

/** Every word with its box, in millimetres from the top-left corner of its page (XML-escaped). */
function wordsOf(bytes: Uint8Array): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', save(bytes), '-'], { encoding: 'utf8' });
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  const words: Word[] = [];
  for (const line of html.split('\n')) {
    const match =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (match) {
      words.push({
        text: match[4]!,
        xMin: mm(match[1]!),
        yMin: mm(match[2]!),
        xMax: mm(match[3]!),
      });
    }
  }
  return words;
}

/** A real PNG (RGBA, 8 bits), encoded here so that the logo test needs no image file. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rows.set([20, 90 + y, 160 + (x % 90), x < 10 ? 0 : 255], y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 24 × 8 JPEG as Chromium's canvas writes it (with an ICC profile). */
const JPEG = Buffer.from(
  [
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAA',
    'EAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAA',
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKA',
    'AAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0',
    'AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWi',
    'AAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQA',
    'AAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbA',
    'BlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERX',
    'RTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2',
    'NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIABgDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAUC',
    '/8QAHxAAAQIHAQEAAAAAAAAAAAAAABUyBRETI2FigSbw/8QAFQEBAQAAAAAAAAAAAAAAAAAAAgT/xAAXEQEBAQEAAA',
    'AAAAAAAAAAAAABEQAC/9oADAMBAAIRAxEAPwDECSL6vrTfmbeFfyP1YAueK2uhO4SGkR1IsJG1R+JO6ABBCYrW7//Z',
  ].join(''),
  'base64',
);

const facility: PdfFacility = {
  name: 'EHPAD Les Tilleuls',
  legalName: 'Association Cœur de Loire – EHPAD Les Tilleuls',
  addressLines: ['3 rue des Tilleuls', '44000 Nantes'],
  phone: '02 40 12 34 56',
  email: 'facturation@tilleuls.example',
  finess: '440012345',
  siret: '73282932000074',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  vatMention: 'TVA non applicable – article 261-4-8° bis du Code général des impôts.',
  logo: null,
};

function invoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: 'facture',
    number: 'TIL-2026-000123',
    issueDate: '2026-09-01',
    dueDate: '2026-09-30',
    period: '2026-09',
    creditedNumber: null,
    facility,
    payer: {
      name: 'M. Łukasz Wiśniewski',
      addressLines: ['Appartement 3', "14 rue de l'Église", '44100 Nantes'],
    },
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
      { label: 'Débours (voir relevé joint)', quantity: 1, unitCents: 8450, amountCents: 8450 },
    ],
    totalCents: 226310,
    paymentReference: 'TIL-2026-000123',
    legalMentions: [
      'En cas de retard de paiement, des pénalités au taux légal peuvent être appliquées.',
      'Association loi 1901 – établissement habilité à l’aide sociale.',
    ],
    ...overrides,
  };
}

describe('invoice PDF', () => {
  it('says what the family must read: heading, payer, resident, lines, total, how to pay', async () => {
    const text = textOf(await renderInvoicePdf(invoice()));
    for (const expected of [
      'EHPAD Les Tilleuls',
      'Association Cœur de Loire – EHPAD Les Tilleuls',
      '3 rue des Tilleuls',
      'Tél. 02 40 12 34 56 – facturation@tilleuls.example',
      'FINESS 440012345 – SIRET 732 829 320 00074',
      'FACTURE',
      'TIL-2026-000123',
      '01/09/2026',
      'septembre 2026',
      'Échéance',
      '30/09/2026',
      'M. Łukasz Wiśniewski',
      "14 rue de l'Église",
      'Résident : Mme Éléonore Lefèvre – chambre 214',
      'Désignation',
      'Prix unitaire',
      '68,50 €',
      '2 055,00 €',
      '-20,00 €',
      '-60,00 €',
      'Total à payer',
      '2 263,10 €',
      'TVA non applicable – article 261-4-8° bis du Code général des impôts.',
      'IBAN FR76 3000 6000 0112 3456 7890 189 – BIC AGRIFRPP',
      'Référence à rappeler : TIL-2026-000123',
      'pénalités au taux légal',
      'Page 1 / 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('AVOIR');
  });

  it('keeps names from every alphabet intact', async () => {
    const text = textOf(
      await renderInvoicePdf(
        invoice({
          payer: {
            name: 'Mme Nguyễn Thị Hồng',
            addressLines: [
              'chez Şükrü Yılmaz',
              '7 allée Łukasz Brzęczyszczykiewicz',
              '35000 Rennes',
            ],
          },
          // Typed with combining accents (NFD), as some imports deliver them.
          resident: {
            civilite: 'M.',
            nom: "D'Arcy",
            prenom: 'Şükrü Ében'.normalize('NFD'),
            room: '12 B',
          },
        }),
      ),
    );
    expect(text).toContain('Mme Nguyễn Thị Hồng');
    expect(text).toContain('chez Şükrü Yılmaz');
    expect(text).toContain('7 allée Łukasz Brzęczyszczykiewicz');
    expect(text).toContain("Résident : M. Şükrü Ében D'Arcy – chambre 12 B");
  });

  it("places the payer's address in a DL envelope's right window", async () => {
    const words = wordsOf(await renderInvoicePdf(invoice()));
    const payer = words.filter((word) =>
      ['Łukasz', 'Wiśniewski', 'Appartement', 'Église', '44100'].some((w) => word.text.includes(w)),
    );
    expect(payer.length).toBeGreaterThanOrEqual(5);
    for (const word of payer) {
      expect(word.xMin).toBeGreaterThanOrEqual(108);
      expect(word.xMax).toBeLessThanOrEqual(200);
      expect(word.yMin).toBeGreaterThanOrEqual(45);
      expect(word.yMin).toBeLessThanOrEqual(88);
    }
  });

  it('shows the logo beside the letterhead', async () => {
    const file = save(
      await renderInvoicePdf(
        invoice({ facility: { ...facility, logo: { bytes: png(240, 80), mime: 'image/png' } } }),
      ),
    );
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(list).toMatch(/^\s*1\s+\d+\s+image\s+240\s+80\s/m);
    expect(list).toMatch(/smask\s+240\s+80\s/); // the transparency is kept
  });

  it('embeds a JPEG logo as it is, without decoding it', async () => {
    const file = save(
      await renderInvoicePdf(
        invoice({ facility: { ...facility, logo: { bytes: JPEG, mime: 'image/jpeg' } } }),
      ),
    );
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(list).toMatch(/^\s*1\s+\d+\s+image\s+24\s+8\s+rgb\s+3\s+8\s+jpeg\s/m);
  });

  it('says in French when a logo cannot be read', async () => {
    const logo = { bytes: JPEG, mime: 'image/png' as const };
    await expect(renderInvoicePdf(invoice({ facility: { ...facility, logo } }))).rejects.toThrow(
      /logo de l'établissement est illisible \(PNG attendu\)/,
    );
  });

  it('wraps long labels inside their column and aligns amounts on the right edge', async () => {
    const label =
      'Frais de transport sanitaire non pris en charge par l’Assurance maladie pour la consultation de cardiologie au CHU de Nantes, aller et retour en ambulance';
    const words = wordsOf(
      await renderInvoicePdf(
        invoice({
          lines: [{ label, quantity: 1, unitCents: 12345, amountCents: 12345 }],
          totalCents: 12345,
        }),
      ),
    );
    const first = words.find((word) => word.text === 'Frais')!;
    const last = words.find((word) => word.text === 'ambulance')!;
    expect(last.yMin).toBeGreaterThan(first.yMin + 3); // on a later line
    const labelWords = words.filter(
      (w) => w.yMin >= first.yMin - 1 && w.yMin <= last.yMin + 1 && w.xMin < 116,
    );
    expect(labelWords.map((w) => w.text).join(' ')).toBe(label);
    for (const word of labelWords) expect(word.xMax).toBeLessThanOrEqual(117);
    const euros = words.filter((w) => w.text === '€' && Math.abs(w.yMin - first.yMin) < 1);
    expect(euros).toHaveLength(2); // prix unitaire and montant, on the label's first line
    expect(Math.max(...euros.map((w) => w.xMax))).toBeCloseTo(195, 0);
  });

  it('flows 60 lines over two pages, repeating the table header, numbering every page', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => ({
      label: `Prestation n° ${index + 1} – blanchisserie et marquage du linge`,
      quantity: 2,
      unitCents: 1250,
      amountCents: 2500,
    }));
    const bytes = await renderInvoicePdf(invoice({ lines, totalCents: 150000 }));
    expect(pdfinfo(bytes).Pages).toBe('2');
    const text = textOf(bytes);
    expect(text).toContain('Page 1 / 2');
    expect(text).toContain('Page 2 / 2');
    expect(text.match(/Désignation\s+Quantité\s+Prix unitaire\s+Montant/g)).toHaveLength(2);
    expect(text).toContain('Facture n° TIL-2026-000123 – Mme Éléonore Lefèvre (suite)');
    for (let n = 1; n <= 60; n++) expect(text).toContain(`Prestation n° ${n} –`);
    const [page1 = '', page2 = ''] = text.split('\f');
    expect(page1).toContain('Prestation n° 1 –');
    expect(page1).not.toContain('Total à payer');
    expect(page2).toContain('Prestation n° 60 –');
    expect(page2).toContain('Total à payer');
    expect(page2).toContain('1 500,00 €');
    expect(page2).toContain('pénalités au taux légal'); // legal mentions at the foot of every page
  });

  it('titles a credit note AVOIR, names the invoice it credits, and asks for no payment', async () => {
    const text = textOf(
      await renderInvoicePdf(
        invoice({
          kind: 'avoir',
          number: 'TIL-2026-000140',
          creditedNumber: 'TIL-2026-000123',
          dueDate: '',
          lines: [
            {
              label: 'Annulation : hébergement facturé à tort',
              quantity: 3,
              unitCents: -6850,
              amountCents: -20550,
            },
          ],
          totalCents: -20550,
        }),
      ),
    );
    expect(text).toContain('AVOIR');
    expect(text).not.toMatch(/\bFACTURE\b/);
    expect(text).toContain('Avoir sur la facture n° TIL-2026-000123');
    expect(text).toContain('TIL-2026-000140');
    expect(text).toContain("Montant de l'avoir");
    expect(text).toContain('-205,50 €');
    expect(text).not.toContain('Échéance');
    expect(text).not.toContain('Référence à rappeler');
  });

  it('is reproducible, with its metadata, and embeds only a subset of the fonts', async () => {
    const first = await renderInvoicePdf(invoice());
    const second = await renderInvoicePdf(invoice());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    // Fonts loaded afresh from another folder give the same bytes: nothing hangs on the cache.
    const copy = path.join(dir, 'fonts');
    fs.cpSync(fontDirectory(), copy, { recursive: true });
    const third = await renderInvoicePdf(invoice(), loadFonts(copy));
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);

    const info = pdfinfo(first);
    expect(info.Title).toBe('TIL-2026-000123');
    expect(info.Author).toBe('EHPAD Les Tilleuls');
    expect(info.CreationDate).toBe('2026-09-01T00:00:00Z');
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [save(first)], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans-\d+\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold-\d+\s+CID TrueType\s+Identity-H\s+yes/);
    // Both full fonts weigh 1.4 MB; their subsets a few dozen kilobytes.
    expect(first.length).toBeLessThan(80_000);
  });

  it('prints a box, not an exception, for a letter the font lacks', async () => {
    const text = textOf(
      await renderInvoicePdf(invoice({ payer: { name: 'M. 王 Wang', addressLines: ['Pékin'] } })),
    );
    expect(text).toContain('Wang');
  });

  it('refuses a font folder without the fonts, saying so in French', () => {
    expect(() => loadFonts(path.join(dir, 'nowhere'))).toThrow(
      /La police .*DejaVuSans\.ttf est introuvable : réinstallez Pli\./,
    );
    expect(fs.existsSync(path.join(fontDirectory(), 'DejaVuSans-Bold.ttf'))).toBe(true);
  });
});

describe('relevé de débours PDF', () => {
  const statement: DeboursStatement = {
    number: 'TIL-2026-000123',
    issueDate: '2026-09-01',
    period: '2026-09',
    facility,
    payer: { name: "Mme Siobhán D'Arcy", addressLines: ['2 place Royale', '44000 Nantes'] },
    resident: { civilite: 'Mme', nom: 'Lefèvre', prenom: 'Éléonore', room: '214' },
    items: [
      { date: '2026-08-04', label: 'Coiffure – shampoing, coupe, brushing', amountCents: 3200 },
      { date: '2026-08-18', label: 'Pédicure', amountCents: 2800 },
      { date: '2026-08-27', label: 'Pharmacie : produits non remboursés', amountCents: 2450 },
    ],
    totalCents: 8450,
  };

  it('lists each expense with its date and amount, and the total', async () => {
    const text = textOf(await renderDeboursPdf(statement));
    for (const expected of [
      'EHPAD Les Tilleuls',
      'RELEVÉ DE DÉBOURS',
      'Annexe à la facture n° TIL-2026-000123',
      'septembre 2026',
      "Mme Siobhán D'Arcy",
      'Résident : Mme Éléonore Lefèvre – chambre 214',
      'Date',
      'Libellé',
      'Montant',
      'Total des débours',
      '84,50 €',
      'Page 1 / 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/04\/08\/2026\s+Coiffure – shampoing, coupe, brushing\s+32,00 €/);
    expect(text).toMatch(/18\/08\/2026\s+Pédicure\s+28,00 €/);
    expect(text).toMatch(/27\/08\/2026\s+Pharmacie : produits non remboursés\s+24,50 €/);
    const info = pdfinfo(await renderDeboursPdf(statement));
    expect(info.Title).toBe('Relevé de débours TIL-2026-000123');
  });

  it('runs onto further pages with the header repeated, and renders reproducibly', async () => {
    const items = Array.from({ length: 70 }, (_, index) => ({
      date: '2026-08-01',
      label: `Achat n° ${index + 1}`,
      amountCents: 100,
    }));
    const bytes = await renderDeboursPdf({ ...statement, items, totalCents: 7000 });
    const text = textOf(bytes);
    expect(text).toContain('Page 2 / 2');
    expect(text.match(/Date\s+Libellé\s+Montant/g)).toHaveLength(2);
    expect(text).toContain('Achat n° 70');
    expect(text).toContain('70,00 €');
    const again = await renderDeboursPdf({ ...statement, items, totalCents: 7000 });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
