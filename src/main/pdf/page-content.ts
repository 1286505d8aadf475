// What one page draws, in points from the bottom-left corner, written as content-stream text
// and saved once, deflated, as the page's single content stream. The operators are those pdf-lib's
// PDFPage methods write, byte for byte; but its drawText added a font resource under a new random
// name for every line (60-odd per invoice page, each checked against all the others), built an
// object per operator and number, and deflated the stream with pako.
import {
  cleanText,
  type Color,
  degrees,
  drawImage,
  drawLine,
  drawRectangle,
  lineSplit,
  numberToString,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
  type RGB,
  setFillingColor,
} from 'pdf-lib';
import { flateStream } from './deflate';
import type { DocumentFont } from './document-font';

const UPRIGHT = degrees(0);
/** PDFPage's default line height, which a single line of text never uses but still sets. */
const LINE_HEIGHT = 24;

const fillColors = new WeakMap<Color, string>();

/** A number as pdf-lib writes it: JavaScript's own text, which has no exponent in this range. */
function pdfNumber(value: number): string {
  const size = Math.abs(value);
  return size === 0 || (size >= 1e-6 && size < 1e21) ? String(value) : numberToString(value);
}

/** The `rg` operator for a colour, as pdf-lib writes it (colours are a few shared constants). */
function fillColor(color: Color): string {
  let operator = fillColors.get(color);
  if (operator === undefined) {
    operator = setFillingColor(color).toString();
    fillColors.set(color, operator);
  }
  return operator;
}

export class PageContent {
  private content = '';
  private readonly fontKeys = new Map<DocumentFont, string>();

  constructor(readonly page: PDFPage) {}

  private push(operators: PDFOperator[]): void {
    for (const operator of operators) this.content += `${operator.toString()}\n`;
  }

  /** Lines of text from the baseline at (`x`, `y`), as PDFPage.drawText draws them. */
  text(text: string, x: number, y: number, size: number, font: DocumentFont, color: RGB): void {
    let key = this.fontKeys.get(font);
    if (key === undefined) {
      key = this.page.node.newFontDictionary(font.face.postscriptName, font.ref).toString();
      this.fontKeys.set(font, key);
    }
    let shown = '';
    for (const line of lineSplit(cleanText(text))) shown += `<${font.encodeHex(line)}> Tj\nT*\n`;
    this.content +=
      `q\nBT\n${fillColor(color)}\n${key} ${pdfNumber(size)} Tf\n${LINE_HEIGHT} TL\n` +
      `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm\n${shown}ET\nQ\n`;
  }

  line(
    start: { x: number; y: number },
    end: { x: number; y: number },
    thickness: number,
    color: RGB,
  ): void {
    this.push(drawLine({ start, end, thickness, color }));
  }

  rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    this.push(
      drawRectangle({
        x,
        y,
        width,
        height,
        borderWidth: 0,
        color,
        borderColor: undefined,
        rotate: UPRIGHT,
        xSkew: UPRIGHT,
        ySkew: UPRIGHT,
      }),
    );
  }

  image(image: PDFRef, x: number, y: number, width: number, height: number): void {
    const name = this.page.node.newXObject('Image', image);
    this.push(
      drawImage(name, { x, y, width, height, rotate: UPRIGHT, xSkew: UPRIGHT, ySkew: UPRIGHT }),
    );
  }

  /** Writes the page's content stream; call once, at the end. */
  finish(): void {
    const { context } = this.page.doc;
    // Operators, names and hex strings: ASCII throughout.
    const stream = flateStream(context, Buffer.from(this.content, 'latin1'));
    this.page.node.addContentStream(context.register(stream));
  }
}
