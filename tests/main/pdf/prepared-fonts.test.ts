// The fonts prepared once per process: ordinary documents never reach pdf-lib's font embedder nor
// fontkit's layout, the subset font files are the very bytes fontkit writes, and a character
// outside the prepared ranges still prints and extracts, through fontkit as before.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFonts } from '../../../src/main/pdf/fonts';
import { renderInvoicePdf } from '../../../src/main/pdf/invoice-pdf';
import { TrueTypeSubset } from '../../../src/main/pdf/truetype';
import type { InvoiceDocument } from '../../../src/main/pdf/types';
import { tempDir } from '../../helpers';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const fontkit: Fontkit = (fontkitModule as { default?: Fontkit }).default ?? fontkitModule;

const dir = tempDir('pli-pdf-fonts-');
let written = 0;

function textOf(bytes: Uint8Array): string {
  const file = path.join(dir, `document-${++written}.pdf`);
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

function invoice(payerName: string): InvoiceDocument {
  return {
    kind: 'facture',
    number: 'TIL-2026-000123',
    issueDate: '2026-09-01',
    dueDate: '2026-09-30',
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
      vatMention: 'TVA non applicable.',
      logo: null,
    },
    payer: { name: payerName, addressLines: ['7 allée des Ifs', '35000 Rennes'] },
    resident: { civilite: 'Mme', nom: 'Nguyễn', prenom: 'Thị Hồng', room: '214' },
    lines: [{ label: 'Hébergement – Σ Ж', quantity: 30, unitCents: 6850, amountCents: 205500 }],
    totalCents: 205500,
    paymentReference: 'TIL-2026-000123',
    legalMentions: ['Association loi 1901.'],
  };
}

/** Counts the runs fontkit lays out, in either face, while `render` runs. */
async function fontkitLayouts(render: () => Promise<Uint8Array>) {
  const { regular, bold } = loadFonts();
  const spies = [vi.spyOn(regular.fontkit, 'layout'), vi.spyOn(bold.fontkit, 'layout')];
  const embedFont = vi.spyOn(PDFDocument.prototype, 'embedFont');
  const bytes = await render();
  return { bytes, layouts: spies.reduce((n, spy) => n + spy.mock.calls.length, 0), embedFont };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('prepared fonts', () => {
  it('encode Latin, Vietnamese, Greek, Cyrillic and € 1 234,56 without fontkit or pdf-lib’s embedder', async () => {
    const run = await fontkitLayouts(() => renderInvoicePdf(invoice('M. Łukasz Şükrü Wiśniewski')));
    expect(run.layouts).toBe(0);
    expect(run.embedFont).not.toHaveBeenCalled();
    const text = textOf(run.bytes);
    expect(text).toContain('M. Łukasz Şükrü Wiśniewski');
    expect(text).toContain('Mme Thị Hồng Nguyễn');
    expect(text).toContain('Hébergement – Σ Ж');
    expect(text).toContain('2 055,00 €');
  });

  it('lay out through fontkit a name in letters outside the prepared ranges, which still print', async () => {
    // Armenian needs no shaping; Georgian goes through fontkit's OpenType shaper.
    const name = 'Տիգրան Պետրոսյան და ნინო';
    const run = await fontkitLayouts(() => renderInvoicePdf(invoice(name)));
    expect(run.layouts).toBeGreaterThan(0);
    expect(run.embedFont).not.toHaveBeenCalled();
    const text = textOf(run.bytes);
    expect(text).toContain('Տիգրան Պետրոսյան და ნინო');
    expect(text).toContain('Mme Thị Hồng Nguyễn'); // the rest of the document is unaffected
  });

  it('write the same subset font file as fontkit, composite glyphs included', async () => {
    const { regular, bold } = loadFonts();
    for (const face of [regular, bold]) {
      // Ǆ and ǻ are composites in DejaVu Sans: their components join the subset at the end.
      const text = 'Łukasz Şükrü Nguyễn 1\u202f234,56 € ΑΒΓ Жизнь Ǆǻ Տ ნ';
      const theirs = fontkit.create(face.tables.bytes).createSubset();
      const ours = new TrueTypeSubset(face.tables);
      for (const glyph of face.fontkit.glyphsForString(text)) {
        theirs.includeGlyph(glyph);
        ours.include(glyph.id);
      }
      const expected = await new Promise<Buffer>((resolve) => {
        const parts: Uint8Array[] = [];
        theirs
          .encodeStream()
          .on('data', (part: Uint8Array) => parts.push(part))
          .on('end', () => resolve(Buffer.concat(parts)));
      });
      const drawn = ours.glyphs.length;
      const bytes = ours.encode();
      expect(ours.glyphs.length).toBeGreaterThan(drawn); // the components came along
      expect(Buffer.from(bytes).equals(expected)).toBe(true);
    }
  });
});
