// What one page draws, gathered as pdf-lib operators in points from the bottom-left corner and
// written once, as a single content stream, when the document is saved. pdf-lib's own PDFPage
// methods added a font resource under a new random name for every line of text (60-odd per
// invoice page, each checked against all the others) and deflated the stream with pako.
import {
  cleanText,
  degrees,
  drawImage,
  drawLine,
  drawLinesOfText,
  drawRectangle,
  lineSplit,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  PDFContentStream,
  type PDFRef,
  type RGB,
} from 'pdf-lib';
import { flateStream } from './deflate';
import type { DocumentFont } from './document-font';

const UPRIGHT = degrees(0);

export class PageContent {
  private readonly operators: PDFOperator[] = [];
  private readonly fontKeys = new Map<DocumentFont, PDFName>();

  constructor(readonly page: PDFPage) {}

  /** Lines of text from the baseline at (`x`, `y`), as PDFPage.drawText draws them. */
  text(text: string, x: number, y: number, size: number, font: DocumentFont, color: RGB): void {
    let key = this.fontKeys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.face.postscriptName, font.ref);
      this.fontKeys.set(font, key);
    }
    const lines = lineSplit(cleanText(text)).map((line) => font.encodeText(line));
    this.operators.push(
      ...drawLinesOfText(lines, {
        color,
        font: key,
        size,
        rotate: UPRIGHT,
        xSkew: UPRIGHT,
        ySkew: UPRIGHT,
        x,
        y,
        // PDFPage's default; a single line never moves to the next.
        lineHeight: 24,
      }),
    );
  }

  line(
    start: { x: number; y: number },
    end: { x: number; y: number },
    thickness: number,
    color: RGB,
  ): void {
    this.operators.push(...drawLine({ start, end, thickness, color }));
  }

  rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    this.operators.push(
      ...drawRectangle({
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
    this.operators.push(
      ...drawImage(name, { x, y, width, height, rotate: UPRIGHT, xSkew: UPRIGHT, ySkew: UPRIGHT }),
    );
  }

  /** Writes the page's content stream, deflated by Node's zlib; call once, at the end. */
  finish(): void {
    const { context } = this.page.doc;
    const plain = PDFContentStream.of(context.obj({}), this.operators, false);
    const stream = flateStream(context, plain.getUnencodedContents());
    this.page.node.addContentStream(context.register(stream));
  }
}
