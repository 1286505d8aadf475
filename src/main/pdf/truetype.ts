// Just enough of a TrueType font to subset it fast: the tables a PDF's FontFile2 needs, read once
// per process, and a subsetter that copies glyph outlines as bytes. fontkit's subsetter decodes
// every glyph, re-encodes each table field by field through restructure, and hands the result
// over a timer: two thirds of an invoice's rendering time went there.

interface Table {
  offset: number;
  length: number;
}

// Composite glyph flags (OpenType 'glyf' table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables of a subset font, in the order fontkit writes them. */
const SUBSET_TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'];

export class TrueTypeFont {
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, Table>();
  private readonly glyphOffsets: Uint32Array;
  private readonly numberOfHMetrics: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint16(4);
    for (let index = 0; index < count; index++) {
      const entry = 12 + 16 * index;
      const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
      const offset = this.view.getUint32(entry + 8);
      const length = this.view.getUint32(entry + 12);
      if (offset + length > bytes.length) throw new Error(`TrueType: table ${tag} out of bounds`);
      this.tables.set(tag, { offset, length });
    }
    for (const tag of SUBSET_TABLES) {
      if (!this.tables.has(tag)) throw new Error(`TrueType: no ${tag} table`);
    }
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.unitsPerEm = this.view.getUint16(this.table('head').offset + 18);
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    const longOffsets = this.view.getInt16(this.table('head').offset + 50) === 1;
    const loca = this.table('loca').offset;
    this.glyphOffsets = new Uint32Array(this.numGlyphs + 1);
    for (let gid = 0; gid <= this.numGlyphs; gid++) {
      this.glyphOffsets[gid] = longOffsets
        ? this.view.getUint32(loca + 4 * gid)
        : 2 * this.view.getUint16(loca + 2 * gid);
    }
  }

  private table(tag: string): Table {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`TrueType: no ${tag} table`);
    return table;
  }

  private tableBytes(tag: string): Uint8Array {
    const { offset, length } = this.table(tag);
    return this.bytes.subarray(offset, offset + length);
  }

  /** The glyph's outline as stored, padding included (empty for a blank glyph). */
  glyphBytes(gid: number): Uint8Array {
    const glyf = this.table('glyf').offset;
    return this.bytes.subarray(
      glyf + (this.glyphOffsets[gid] ?? 0),
      glyf + (this.glyphOffsets[gid + 1] ?? 0),
    );
  }

  /** Advance width in font units, as in hmtx (the last long metric repeats past its end). */
  advance(gid: number): number {
    const hmtx = this.table('hmtx').offset;
    return this.view.getUint16(hmtx + 4 * Math.min(gid, this.numberOfHMetrics - 1));
  }

  leftBearing(gid: number): number {
    const hmtx = this.table('hmtx').offset;
    if (gid < this.numberOfHMetrics) return this.view.getInt16(hmtx + 4 * gid + 2);
    return this.view.getInt16(hmtx + 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics));
  }

  /** Where, in a composite glyph's bytes, each component's glyph id sits. */
  componentPositions(glyph: Uint8Array): number[] {
    if (glyph.length < 10) return [];
    const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
    if (view.getInt16(0) >= 0) return [];
    const positions: number[] = [];
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      positions.push(at + 2);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return positions;
    }
  }

  /** The unchanged bytes of a table the subset copies (head, hhea, maxp, cvt, prep, fpgm). */
  raw(tag: string): Uint8Array {
    return this.tableBytes(tag);
  }
}

/**
 * A subset in the making: glyph 0 (.notdef) first, then glyphs in the order they are included.
 * The ids it hands out are those of the subset font, which the PDF's text shows.
 */
export class TrueTypeSubset {
  private readonly ids = new Map<number, number>();
  readonly glyphs: number[] = [];

  constructor(private readonly font: TrueTypeFont) {
    this.include(0);
  }

  include(gid: number): number {
    let id = this.ids.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.ids.set(gid, id);
    }
    return id;
  }

  /** The subset font file: the same tables, and bytes, as fontkit's TTFSubset writes. */
  encode(): Uint8Array {
    const { font } = this;
    const outlines: Uint8Array[] = [];
    const offsets: number[] = [];
    let offset = 0;
    // Components of composite glyphs join the subset as they are met, so the list grows.
    for (let index = 0; index < this.glyphs.length; index++) {
      const gid = this.glyphs[index] ?? 0;
      let outline = font.glyphBytes(gid);
      const positions = font.componentPositions(outline);
      if (positions.length > 0) {
        outline = outline.slice();
        const view = new DataView(outline.buffer);
        for (const at of positions) view.setUint16(at, this.include(view.getUint16(at)));
      }
      outlines.push(outline);
      offsets.push(offset);
      offset += outline.length;
    }
    offsets.push(offset);
    const count = this.glyphs.length;
    const longOffsets = offset > 0xffff;

    const head = font.raw('head').slice();
    new DataView(head.buffer).setInt16(50, longOffsets ? 1 : 0);
    const hhea = font.raw('hhea').slice();
    const hheaView = new DataView(hhea.buffer);
    for (let at = 24; at < 32; at += 2) hheaView.setInt16(at, 0); // reserved
    hheaView.setUint16(34, count);
    const maxp = font.raw('maxp').slice();
    new DataView(maxp.buffer).setUint16(4, count);
    const loca = new Uint8Array(offsets.length * (longOffsets ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((value, index) => {
      if (longOffsets) locaView.setUint32(4 * index, value);
      else locaView.setUint16(2 * index, value >>> 1);
    });
    const hmtx = new Uint8Array(4 * count);
    const hmtxView = new DataView(hmtx.buffer);
    this.glyphs.forEach((gid, index) => {
      hmtxView.setUint16(4 * index, font.advance(gid));
      hmtxView.setInt16(4 * index + 2, font.leftBearing(gid));
    });
    const glyf = new Uint8Array(offset);
    outlines.reduce((at, outline) => (glyf.set(outline, at), at + outline.length), 0);

    const tables: Record<string, Uint8Array> = {
      head,
      hhea,
      loca,
      maxp,
      'cvt ': font.raw('cvt '),
      prep: font.raw('prep'),
      glyf,
      hmtx,
      fpgm: font.raw('fpgm'),
    };
    return writeDirectory(SUBSET_TABLES.map((tag) => [tag, tables[tag] ?? new Uint8Array()]));
  }
}

/** An sfnt file: directory, then the tables one after the other (checksums left at 0). */
function writeDirectory(tables: [tag: string, bytes: Uint8Array][]): Uint8Array {
  const header = 12 + 16 * tables.length;
  const size = tables.reduce((sum, [, bytes]) => sum + bytes.length, header);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true', as fontkit tags its subsets
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let offset = header;
  tables.forEach(([tag, bytes], index) => {
    const entry = 12 + 16 * index;
    for (let i = 0; i < 4; i++) out[entry + i] = tag.charCodeAt(i);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length;
  });
  return out;
}
