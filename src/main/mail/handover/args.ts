// The argument vectors that hand a composed message to a mail program, built as arrays and
// given to spawn without a shell, so no name, subject or path is ever interpreted by one.
import { pathToFileURL } from 'node:url';

/** What the programs are told: the row's own recipients, subject, text and files. */
export interface DraftFields {
  to: readonly string[];
  bcc: readonly string[];
  subject: string;
  body: string;
  /** Absolute paths of the files written for the hand-off, named as the family will see them. */
  files: readonly string[];
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** encodeURIComponent, with the few characters it leaves alone encoded too. */
export const percentEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*~]/g, hex);

/** A file:/// URL with every unsafe character escaped, commas and apostrophes included. */
export function fileUrl(file: string, windows = process.platform === 'win32'): string {
  if (windows) {
    // pathToFileURL follows the running system; a Windows path is built by hand elsewhere.
    const segments = file.replace(/\\/g, '/').split('/').map(percentEncode);
    const drive = /^[A-Za-z]%3A$/.exec(segments[0] ?? '') ? [`${file[0]}:`] : [];
    return `file:///${[...drive, ...segments.slice(drive.length)].join('/')}`;
  }
  return pathToFileURL(file).href.replace(/[,'()!*~]/g, hex);
}

/**
 * Thunderbird's `-compose` string. Thunderbird splits it at commas (GetArgs in
 * MsgComposeCommands.js): a value opened by a quote right after `=` runs to the same quote
 * followed by a comma, and is kept raw, so « Famille d'Arc, "Jeanne" » would cut it short;
 * an unquoted value is percent-decoded. Every value is therefore unquoted and percent-encoded
 * (apostrophes and commas too): nothing in it can end a field, and accents arrive as UTF-8.
 * The attachment list is itself comma-separated file URLs, encoded once more inside the value.
 */
export function thunderbirdCompose(fields: DraftFields, windows?: boolean): string {
  const parts = [`to=${percentEncode(fields.to.join(','))}`];
  if (fields.bcc.length > 0) parts.push(`bcc=${percentEncode(fields.bcc.join(','))}`);
  parts.push(`subject=${percentEncode(fields.subject)}`, `body=${percentEncode(fields.body)}`);
  if (fields.files.length > 0) {
    const urls = fields.files.map((file) => fileUrl(file, windows)).join(',');
    parts.push(`attachment=${percentEncode(urls)}`);
  }
  return parts.join(',');
}

export const thunderbirdArgs = (fields: DraftFields, windows?: boolean): string[] => [
  '-compose',
  thunderbirdCompose(fields, windows),
];

/** RFC 6068: addresses and header values percent-encoded as UTF-8, line breaks as CRLF. */
export function mailtoUrl(fields: Pick<DraftFields, 'to' | 'bcc' | 'subject' | 'body'>): string {
  const to = fields.to.map((address) => percentEncode(address).replace(/%40/g, '@')).join(',');
  const query = [
    ...(fields.bcc.length > 0 ? [`bcc=${percentEncode(fields.bcc.join(','))}`] : []),
    `subject=${percentEncode(fields.subject)}`,
    `body=${percentEncode(fields.body.replace(/\r?\n/g, '\r\n'))}`,
  ];
  return `mailto:${to}?${query.join('&')}`;
}

/**
 * Outlook's own mailto handler is `OUTLOOK.EXE /c ipm.note /m "%1"`; `/a` adds one file. It
 * cannot carry a second file, a Bcc copy or a receipt request: then Outlook opens the `.eml`
 * draft (`X-Unsent: 1`) instead, which carries everything the internal sending would.
 */
export function outlookArgs(
  fields: DraftFields,
  needsDraft: boolean,
  emlPath: string,
): { args: string[]; way: 'compose' | 'eml' } {
  if (needsDraft || fields.files.length > 1 || fields.bcc.length > 0)
    return { args: ['/eml', emlPath], way: 'eml' };
  const file = fields.files[0];
  return {
    args: ['/c', 'ipm.note', '/m', mailtoUrl(fields), ...(file ? ['/a', file] : [])],
    way: 'compose',
  };
}

/**
 * The system's own opener (default program for a file or a mailto: link), never a shell.
 * explorer.exe answers 1 even when it opened the file, so only its failure to start counts;
 * xdg-open and open exit non-zero when no program takes the file.
 */
export function systemOpener(os: NodeJS.Platform): { command: string; exitCounts: boolean } {
  if (os === 'win32') return { command: 'explorer.exe', exitCounts: false };
  return { command: os === 'darwin' ? 'open' : 'xdg-open', exitCounts: true };
}
