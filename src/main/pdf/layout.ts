// A4 pages for pdf-lib addressed in millimetres from the top-left corner, as letters and envelope
// windows are specified: measured wrapping, right-aligned figures, page breaks that repeat a
// table's header, and footers drawn on every page once the page count is known.
import {
  type PDFContext,
  PDFDocument,
  PDFObjectCopier,
  type PDFRawStream,
  rgb,
  type RGB,
} from 'pdf-lib';
import { DocumentFont } from './document-font';
import type { PdfFonts } from './fonts';
import { PageContent } from './page-content';

export const PAGE = { width: 210, height: 297, margin: 15 } as const;
export const RIGHT = PAGE.width - PAGE.margin;
const PT = 72 / 25.4; // points per millimetre

export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.38, 0.38, 0.38);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.92, 0.92, 0.92);

export interface Style {
  size?: number;
  bold?: boolean;
  color?: RGB;
}

/** Line height in mm for a size in points. */
export function lineHeight(size = 10): number {
  return (size * 1.3) / PT;
}

/** From the top of a line to its baseline, in mm. */
function ascent(size: number): number {
  return (size * 1.02) / PT;
}

/** An image already decoded and compressed in a scratch context, ready to copy into documents. */
export interface PreparedImage {
  context: PDFContext;
  stream: PDFRawStream;
  width: number;
  height: number;
}

export interface SheetOptions {
  title: string;
  author: string;
  subject: string;
  /** YYYY-MM-DD: the document's dates, so that rendering twice gives the same bytes. */
  issueDate: string;
}

/** A new PDF that embeds the subsets of both fonts its text uses, with reproducible metadata. */
export async function createSheet(fonts: PdfFonts, options: SheetOptions): Promise<Sheet> {
  // No automatic metadata: pdf-lib would stamp the current time and its own name.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = new DocumentFont(fonts.regular, pdf.context);
  const bold = new DocumentFont(fonts.bold, pdf.context);
  const date = new Date(`${options.issueDate}T00:00:00Z`);
  pdf.setTitle(options.title);
  pdf.setAuthor(options.author);
  pdf.setSubject(options.subject);
  pdf.setCreator('Pli');
  pdf.setProducer('Pli (pdf-lib)');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  return new Sheet(pdf, regular, bold);
}

export interface Column {
  title: string;
  x: number;
  width: number;
  align: 'left' | 'right';
}

export class Sheet {
  readonly pages: PageContent[] = [];
  /** The cursor: top of the next block, in mm from the top of the current page. */
  y: number = PAGE.margin;
  /** Content stops here (mm from the top); the footer lives below. */
  bottom: number = PAGE.height - 20;
  private current: PageContent;

  constructor(
    readonly pdf: PDFDocument,
    private readonly regular: DocumentFont,
    private readonly bold: DocumentFont,
  ) {
    this.current = this.addPage();
  }

  addPage(): PageContent {
    this.current = new PageContent(this.pdf.addPage([PAGE.width * PT, PAGE.height * PT]));
    this.pages.push(this.current);
    this.y = PAGE.margin;
    return this.current;
  }

  /** Starts a new page, then `continued` draws what heads it, when `height` mm do not fit. */
  ensure(height: number, continued: () => void): void {
    if (this.y + height <= this.bottom) return;
    this.addPage();
    continued();
  }

  private font(style: Style): DocumentFont {
    return style.bold ? this.bold : this.regular;
  }

  /** Width of one line in mm. */
  width(text: string, style: Style = {}): number {
    return this.font(style).widthOfTextAtSize(text.normalize('NFC'), style.size ?? 10) / PT;
  }

  /** One line whose top is `top` mm from the top of the page. */
  text(text: string, x: number, top: number, style: Style = {}): void {
    if (!text) return;
    const size = style.size ?? 10;
    // Composed forms: a name typed as e + combining accent still prints, and extracts, as é.
    this.current.text(
      text.normalize('NFC'),
      x * PT,
      (PAGE.height - top - ascent(size)) * PT,
      size,
      this.font(style),
      style.color ?? INK,
    );
  }

  /** One line ending at `right` mm, as figures are aligned. */
  textRight(text: string, right: number, top: number, style: Style = {}): void {
    this.text(text, right - this.width(text, style), top, style);
  }

  /** Lines one under the other from `top`; returns the top of the line after them. */
  lines(lines: readonly string[], x: number, top: number, style: Style = {}): number {
    const step = lineHeight(style.size);
    lines.forEach((line, index) => this.text(line, x, top + index * step, style));
    return top + lines.length * step;
  }

  /** Wraps text into lines no wider than `width` mm, at spaces, or inside a too-long word. */
  wrap(text: string, width: number, style: Style = {}): string[] {
    const space = this.width(' ', style);
    const result: string[] = [];
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
      let line = '';
      let lineWidth = 0;
      // Only plain spaces break: the no-break spaces inside amounts and names hold together.
      for (const word of paragraph.split(' ').filter(Boolean)) {
        let wordWidth = this.width(word, style);
        if (line && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line) result.push(line);
        let rest = word;
        while (wordWidth > width) {
          const cut = this.fitting(rest, width, style);
          result.push(rest.slice(0, cut));
          rest = rest.slice(cut);
          wordWidth = this.width(rest, style);
        }
        line = rest;
        lineWidth = wordWidth;
      }
      result.push(line);
    }
    return result;
  }

  /** How many UTF-16 units of `word` fit in `width` mm (at least one character). */
  private fitting(word: string, width: number, style: Style): number {
    let length = 0;
    for (const char of word) {
      if (length > 0 && this.width(word.slice(0, length + char.length), style) > width) break;
      length += char.length;
    }
    return length;
  }

  rule(from: number, to: number, top: number, thickness = 0.5): void {
    this.current.line(
      { x: from * PT, y: (PAGE.height - top) * PT },
      { x: to * PT, y: (PAGE.height - top) * PT },
      thickness,
      RULE,
    );
  }

  shade(x: number, top: number, width: number, height: number): void {
    this.current.rectangle(
      x * PT,
      (PAGE.height - top - height) * PT,
      width * PT,
      height * PT,
      SHADE,
    );
  }

  /** The image scaled to fit `maxWidth` × `maxHeight` mm; returns the width it took. */
  image(
    image: PreparedImage,
    at: { x: number; top: number; maxWidth: number; maxHeight: number },
  ): number {
    // Copied as they are, still compressed; the copier brings the transparency mask along.
    const copy = PDFObjectCopier.for(image.context, this.pdf.context).copy(image.stream);
    const scale = Math.min(at.maxWidth / image.width, at.maxHeight / image.height);
    const [width, height] = [image.width * scale, image.height * scale];
    this.current.image(
      this.pdf.context.register(copy),
      at.x * PT,
      (PAGE.height - at.top - height) * PT,
      width * PT,
      height * PT,
    );
    return width;
  }

  /**
   * Rows flow down the pages from the cursor; on each new page `continued` draws what heads it
   * and the header comes again. Left-aligned cells wrap; right-aligned ones are single figures.
   */
  table(columns: readonly Column[], rows: readonly string[][], continued: () => void): void {
    const size = 9;
    const step = lineHeight(size);
    const padding = 1.2;
    const header = () => {
      // The shade overhangs the text by a little so that no figure touches its edge.
      this.shade(PAGE.margin - 1.5, this.y, RIGHT - PAGE.margin + 3, step + 2 * padding);
      for (const column of columns)
        this.cell(column, column.title, this.y + padding, { size, bold: true });
      this.y += step + 2 * padding;
    };
    this.ensure(3 * step + 2 * padding, continued);
    header();
    for (const row of rows) {
      const cells = columns.map((column, index) =>
        column.align === 'left'
          ? this.wrap(row[index] ?? '', column.width, { size })
          : [row[index] ?? ''],
      );
      const height = Math.max(...cells.map((cell) => cell.length)) * step + padding;
      if (this.y + height > this.bottom) {
        this.addPage();
        continued();
        header();
      }
      cells.forEach((cell, index) => {
        const column = columns[index];
        if (!column) return;
        cell.forEach((line, at) => this.cell(column, line, this.y + padding + at * step, { size }));
      });
      this.y += height;
    }
    this.rule(PAGE.margin, RIGHT, this.y + padding);
    this.y += 2 * padding;
  }

  private cell(column: Column, text: string, top: number, style: Style): void {
    if (column.align === 'right') this.textRight(text, column.x + column.width, top, style);
    else this.text(text, column.x, top, style);
  }

  /** Draws `draw(pageNumber, pageCount)` on every page: call once all content is laid out. */
  footers(draw: (pageNumber: number, pageCount: number) => void): void {
    const last = this.current;
    this.pages.forEach((page, index) => {
      this.current = page;
      draw(index + 1, this.pages.length);
    });
    this.current = last;
  }

  /** Finishes the pages and fonts and writes the file: once, when everything is drawn. */
  save(): Promise<Uint8Array> {
    for (const page of this.pages) page.finish();
    this.regular.embed();
    this.bold.embed();
    // By default pdf-lib yields to the event loop every 50 objects through a 1 ms timer, which
    // idled away more time than writing a whole invoice takes.
    return this.pdf.save({ objectsPerTick: Infinity, useObjectStreams: false });
  }
}
