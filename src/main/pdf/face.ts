// One typeface prepared once per process for every PDF: its TrueType tables, what the PDF font
// descriptor says of it, and the glyph of every character Pli's data is expected to hold, looked
// up in advance so that encoding a line is an array lookup per character.
import { type PDFDocument, PDFNumber } from 'pdf-lib';
import { TrueTypeFont } from './truetype';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type FontkitFont = ReturnType<Fontkit['create']>;

export interface Glyph {
  /** Glyph id in the full font. */
  id: number;
  /** Advance width in PDF text space units (thousandths of the font size). */
  width: number;
  /** The same as a PDF object, made once: the widths array of every document lists it. */
  widthObject: PDFNumber;
  /** The characters it stands for, for the ToUnicode map that copy and search read. */
  codePoints: readonly number[];
  /** The same in UTF-16BE hex, as the map writes them. */
  unicodeHex: string;
}

/**
 * The characters names, addresses, labels and amounts use: Latin (with Latin-1, Extended A and
 * B), Vietnamese (Latin Extended Additional), Greek, Cyrillic, punctuation with the no-break and
 * narrow no-break spaces, and currency signs (€). None of them needs OpenType shaping: one
 * character, one glyph through the cmap, which is what fontkit's layout gives them too.
 */
export const PREPARED_RANGES: readonly [first: number, last: number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
];

export interface FontDescriptorValues {
  Flags: number;
  FontBBox: number[];
  ItalicAngle: number;
  Ascent: number;
  Descent: number;
  CapHeight: number;
  XHeight: number;
  StemV: number;
}

export class PreparedFace {
  readonly tables: TrueTypeFont;
  readonly postscriptName: string;
  readonly descriptor: FontDescriptorValues;
  /** PDF units per font unit. */
  private readonly scale: number;
  /** Indexed by UTF-16 code unit; holes for characters outside the prepared ranges. */
  private readonly prepared: (Glyph | undefined)[] = [];

  constructor(
    bytes: Uint8Array,
    /** The parsed font, for characters outside the prepared ranges (see `glyphs`). */
    readonly fontkit: FontkitFont,
  ) {
    this.tables = new TrueTypeFont(bytes);
    this.scale = 1000 / this.tables.unitsPerEm;
    this.postscriptName = fontkit.postscriptName || 'Font';
    this.descriptor = describe(fontkit, this.scale);
    for (const [first, last] of PREPARED_RANGES) {
      for (let code = first; code <= last; code++) {
        const { id } = fontkit.glyphForCodePoint(code);
        // A character the font lacks takes the slow path, which draws .notdef as before.
        if (id !== 0) this.prepared[code] = this.glyph(id, [code]);
      }
    }
  }

  private glyph(id: number, codePoints: readonly number[]): Glyph {
    let unicodeHex = '';
    for (const unit of String.fromCodePoint(...codePoints)) {
      for (let i = 0; i < unit.length; i++) {
        unicodeHex += unit.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
      }
    }
    const width = this.tables.advance(id) * this.scale;
    return { id, width, widthObject: PDFNumber.of(width), codePoints, unicodeHex };
  }

  /** Whether every character of `text` is in the prepared ranges and the font. */
  isPrepared(text: string): boolean {
    for (let index = 0; index < text.length; index++) {
      if (!this.prepared[text.charCodeAt(index)]) return false;
    }
    return true;
  }

  /**
   * The glyphs that draw `text`. Outside the prepared ranges, fontkit lays the text out (with
   * OpenType shaping where the script needs it, see fonts.ts) as pdf-lib's own embedder did.
   */
  glyphs(text: string): Glyph[] {
    const glyphs = new Array<Glyph>(text.length);
    for (let index = 0; index < text.length; index++) {
      const glyph = this.prepared[text.charCodeAt(index)];
      if (!glyph) return this.laidOut(text);
      glyphs[index] = glyph;
    }
    return glyphs;
  }

  private laidOut(text: string): Glyph[] {
    return this.fontkit.layout(text).glyphs.map((glyph) => this.glyph(glyph.id, glyph.codePoints));
  }

  /** Width of `text` at `size` points, summed as pdf-lib sums it (so layouts do not move). */
  widthOfTextAtSize(text: string, size: number): number {
    let total = 0;
    for (const glyph of this.glyphs(text)) total += glyph.width;
    return total * (size / 1000);
  }
}

/** What the FontDescriptor says, computed as pdf-lib's CustomFontEmbedder computes it. */
function describe(font: FontkitFont, scale: number): FontDescriptorValues {
  const familyClass = font['OS/2'].sFamilyClass;
  // PDF font flags, bits counted from 1: fixed pitch 1, serif 2, symbolic 3, script 4, italic 7.
  let flags = 1 << 2; // symbolic: the glyphs are addressed by id, not by a standard encoding
  if (font.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (font.head.macStyle.italic) flags |= 1 << 6;
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    Flags: flags,
    FontBBox: [minX * scale, minY * scale, maxX * scale, maxY * scale],
    ItalicAngle: font.italicAngle,
    Ascent: font.ascent * scale,
    Descent: font.descent * scale,
    CapHeight: (font.capHeight || font.ascent) * scale,
    XHeight: (font.xHeight || 0) * scale,
    StemV: 0,
  };
}
