// A prepared face in one document: the glyphs its text uses, renumbered into a subset, and, when
// the document is saved, the PDF objects pdf-lib's CustomFontSubsetEmbedder would write (Type0
// font, CIDFontType2, descriptor, widths, ToUnicode CMap, FontFile2), with the same subset font
// bytes, written without decoding a glyph and compressed by Node's zlib.
import { type PDFContext, PDFHexString, type PDFRef, PDFString } from 'pdf-lib';
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

  /** The text as a string of subset glyph ids, for a Tj operator. */
  encodeText(text: string): PDFHexString {
    let hex = '';
    for (const glyph of this.face.glyphs(text)) {
      const id = this.subset.include(glyph.id);
      if (id > 0 && !this.used[id - 1]) this.used[id - 1] = glyph;
      hex += hex4(id);
    }
    return PDFHexString.of(hex);
  }

  /** Writes the font's objects; call once, when all text is drawn. */
  embed(): void {
    const { context, face } = this;
    const name = context.addRandomSuffix(face.postscriptName);
    const program = this.subset.encode();
    const fontFile = flateStream(context, program, { Length1: program.length });
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
      W: this.used.length > 0 ? [1, this.used.map((glyph) => glyph.width)] : [],
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

/** UTF-16BE hex of the characters a glyph stands for. */
function utf16Hex(codePoints: readonly number[]): string {
  return String.fromCodePoint(...codePoints)
    .split('')
    .map((unit) => hex4(unit.charCodeAt(0)))
    .join('');
}

/** The ToUnicode CMap pdf-lib writes, in blocks of at most 100 entries as the format asks. */
function unicodeCMap(used: readonly Glyph[]): string {
  const entries = used.flatMap((glyph, index) =>
    glyph.codePoints.length > 0 ? [`<${hex4(index + 1)}> <${utf16Hex(glyph.codePoints)}>`] : [],
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
