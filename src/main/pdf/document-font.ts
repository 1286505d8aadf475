// A prepared face in one document: the glyphs its text uses, renumbered into a subset, and, when
// the document is saved, the PDF objects pdf-lib's CustomFontSubsetEmbedder would write (Type0
// font, CIDFontType2, descriptor, widths, ToUnicode CMap, FontFile2), with the same subset font
// bytes, written without decoding a glyph.
import { type PDFContext, PDFRawStream, type PDFRef, PDFString } from 'pdf-lib';
import { flateStream } from './deflate';
import type { Glyph, PreparedFace } from './face';
import { TrueTypeSubset } from './truetype';

// Four upper-case hex digits per glyph id or UTF-16 unit, as pdf-lib writes them.
const HEX = Array.from({ length: 65536 }, (_, code) =>
  code.toString(16).toUpperCase().padStart(4, '0'),
);
const hex4 = (code: number): string => HEX[code] ?? '0000';

export class DocumentFont {
  /** The Type0 font dictionary's reference, known before it is written. */
  readonly ref: PDFRef;
  private readonly subset: TrueTypeSubset;
  /** The glyphs the text drew, by subset id − 1 (.notdef, id 0, is left out, as pdf-lib does). */
  private readonly used: Glyph[] = [];

  constructor(
    readonly face: PreparedFace,
    private readonly context: PDFContext,
  ) {
    this.ref = context.nextRef();
    this.subset = new TrueTypeSubset(face.tables);
  }

  widthOfTextAtSize(text: string, size: number): number {
    return this.face.widthOfTextAtSize(text, size);
  }

  /** The text as subset glyph ids in hex, for a Tj operator. */
  encodeHex(text: string): string {
    let hex = '';
    for (const glyph of this.face.glyphs(text)) {
      const id = this.subset.include(glyph.id);
      if (id > 0 && !this.used[id - 1]) this.used[id - 1] = glyph;
      hex += hex4(id);
    }
    return hex;
  }

  /** Writes the font's objects; call once, when all text is drawn. */
  embed(): void {
    const { context, face } = this;
    const name = context.addRandomSuffix(face.postscriptName);
    const program = this.subset.encode();
    // Stored as it is: glyph outlines with their hinting deflate by a quarter only (13 KB to
    // 10 KB for an invoice's regular face), and deflating both faces took a fifth of the time
    // of a whole invoice. The invoice is 6 KB larger; still a tenth of what emails carry well.
    const fontFile = PDFRawStream.of(context.obj({ Length1: program.length }), program);
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      ...face.descriptor,
      FontFile2: context.register(fontFile),
    });
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: name,
      CIDSystemInfo: {
        Registry: PDFString.of('Adobe'),
        Ordering: PDFString.of('Identity'),
        Supplement: 0,
      },
      FontDescriptor: context.register(descriptor),
      // Subset ids 1…n are exactly the glyphs drawn, in order: one run of widths.
      W: this.used.length > 0 ? [1, this.used.map((glyph) => glyph.widthObject)] : [],
    });
    const toUnicode = flateStream(context, unicodeCMap(this.used));
    const font = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(toUnicode),
    });
    context.assign(this.ref, font);
  }
}

/** The ToUnicode CMap pdf-lib writes, in blocks of at most 100 entries as the format asks. */
function unicodeCMap(used: readonly Glyph[]): string {
  const entries = used.flatMap((glyph, index) =>
    glyph.unicodeHex ? [`<${hex4(index + 1)}> <${glyph.unicodeHex}>`] : [],
  );
  const blocks: string[] = [];
  for (let at = 0; at < entries.length; at += 100) {
    const block = entries.slice(at, at + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${blocks.join('')}endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
