// The DejaVu Sans fonts every PDF embeds (see resources/fonts/README.md): read, parsed and
// prepared once per process (face.ts), because every document draws from the same two faces.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { type FontkitFont, PreparedFace } from './face';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type GlyphRun = ReturnType<FontkitFont['layout']>;

export interface PdfFonts {
  regular: PreparedFace;
  bold: PreparedFace;
}

const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

// The package is UMD: Node's ESM loader exposes its API under `default`, bundlers at the top.
const baseFontkit: Fontkit = (fontkitModule as { default?: Fontkit }).default ?? fontkitModule;

/** Where resources/fonts is: beside the packaged app, else in an ancestor of this module. */
export function fontDirectory(): string {
  const candidates: string[] = [];
  // Packaged, electron-builder's extraResources copies resources/ into process.resourcesPath.
  const { resourcesPath } = process as NodeJS.Process & { resourcesPath?: string };
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'resources', 'fonts'));
  // In development, tests and bundles under dist/, the project root is an ancestor of this file.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, FILES.regular)));
  if (!found) {
    throw new Error(
      `Les polices des PDF (resources/fonts) sont introuvables : réinstallez Pli. Cherché dans ${candidates.join(', ')}.`,
    );
  }
  return found;
}

// Composed (NFC) Latin with Vietnamese, Greek, Cyrillic, punctuation, currency and symbols need
// no shaping; combining marks, right-to-left and Indic scripts, CJK… go to the full shaper.
const NEEDS_SHAPING = /[\u0300-\u036f\u0590-\u1dff\u2c00-\uffff]/;

/**
 * Text in these PDFs is glyph ids and summed advance widths: kerning and mark positions are
 * ignored (as pdf-lib ignored them), so
 * fontkit's OpenType shaping (GSUB and GPOS lookups, half of an invoice's rendering time when
 * measured) buys nothing for these scripts. They map one character to one glyph through the
 * cmap; anything else (Arabic, Hebrew, Indic…) keeps the full shaper.
 */
function withSimpleLayout(font: FontkitFont): FontkitFont {
  const shaped = font.layout.bind(font);
  // Patched on our own instance, which only its PreparedFace uses.
  font.layout = (text, features): GlyphRun => {
    if (NEEDS_SHAPING.test(text)) return shaped(text, features);
    const glyphs = font.glyphsForString(text);
    let advanceWidth = 0;
    const positions = glyphs.map((glyph) => {
      advanceWidth += glyph.advanceWidth;
      return { xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
    });
    const { descent, ascent } = font;
    return {
      glyphs,
      positions,
      script: 'latn',
      language: null,
      direction: 'ltr',
      features: {},
      advanceWidth,
      advanceHeight: 0,
      // The line's box, not the ink's: nothing reads it.
      bbox: {
        minX: 0,
        minY: descent,
        maxX: advanceWidth,
        maxY: ascent,
        width: advanceWidth,
        height: ascent - descent,
      },
    };
  };
  return font;
}

const loaded = new Map<string, PdfFonts>();
let defaultDirectory: string | undefined;

/** The fonts in `dir` (by default the application's), loaded and parsed at most once. */
export function loadFonts(dir?: string): PdfFonts {
  // Looked up once: renderers call this for every document.
  const key = path.resolve(dir ?? (defaultDirectory ??= fontDirectory()));
  const cached = loaded.get(key);
  if (cached) return cached;
  const read = (name: string) => {
    const file = path.join(key, name);
    if (!fs.existsSync(file))
      throw new Error(`La police ${file} est introuvable : réinstallez Pli.`);
    return new Uint8Array(fs.readFileSync(file));
  };
  const prepare = (name: string) => {
    const bytes = read(name);
    return new PreparedFace(bytes, withSimpleLayout(baseFontkit.create(bytes)));
  };
  const fonts: PdfFonts = { regular: prepare(FILES.regular), bold: prepare(FILES.bold) };
  loaded.set(key, fonts);
  return fonts;
}
