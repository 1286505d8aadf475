// Bytes of an imported file to text. Exports from older billing programs and from Excel
// arrive as UTF-8 (often with a BOM), Windows-1252 ("ANSI"), or UTF-16 ("Texte Unicode").
import type { ImportEncoding } from '../../../shared/contract/schemas/import';

export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
}

/**
 * Windows-1252's bytes 0x80–0x9F (’ œ Œ € … – and the like, common in French names and
 * addresses). Some Node versions decode 'windows-1252' as ISO-8859-1 and leave them as
 * invisible control characters, so they are mapped here whatever the runtime does.
 */
const cp1252High: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0)] ?? c);
}

export function decodeCsv(bytes: Uint8Array): DecodedText {
  // Excel's "Texte Unicode" export: UTF-16 little-endian, always with its BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  try {
    // A Windows-1252 file with accents is almost never valid UTF-8 (é is 0xE9 followed by a
    // plain letter), so strict UTF-8 decoding tells the two apart. The BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
