// The message of a hand-off on disk, in a private folder of this workstation's data folder
// (the folder 0700, each file 0600): its files under the names the family will see, and the
// whole message as an `.eml` draft (`X-Unsent: 1`, so Outlook and the default program open it
// to be sent rather than as a received mail). The content comes from the row through the same
// messageOptions as Pli's own sending, so subject, text, recipients, files and the receipt
// request are the same; only the Bcc copy is kept in the headers, since the program sends it.
import fs from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { messageOptions } from '../compose';
import type { MailMessageRow } from '../message-row';
import type { DraftFields } from './args';

/** Under the data folder, one sub-folder per hand-off; cleaned after a day (cleanup.ts). */
export const HANDOVER_FOLDER = 'remises';

export interface Draft extends DraftFields {
  folder: string;
  emlPath: string;
  requestReceipt: boolean;
}

/** A name safe as a file name on every system, still readable (accents, apostrophes kept). */
export function safeFileName(name: string, os: NodeJS.Platform = process.platform): string {
  const unsafe = os === 'win32' ? /[<>:"/\\|?*\p{Cc}]/gu : /[/\\\p{Cc}]/gu;
  const cleaned = name
    .replace(unsafe, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'piece-jointe' : cleaned;
}

function uniqueName(name: string, used: Set<string>): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export async function writeDraft(dataDir: string, row: MailMessageRow): Promise<Draft> {
  const base = path.join(dataDir, HANDOVER_FOLDER);
  await fs.mkdir(base, { recursive: true, mode: 0o700 });
  await fs.chmod(base, 0o700);
  // mkdtemp creates the folder 0700 with an unguessable name.
  const folder = await fs.mkdtemp(path.join(base, `message-${row.id}-`));
  const options = await messageOptions(row);
  const used = new Set(['message.eml']);
  const files: string[] = [];
  for (const attachment of options.attachments ?? []) {
    const file = path.join(folder, uniqueName(safeFileName(String(attachment.filename)), used));
    await fs.writeFile(file, attachment.content as Buffer, { mode: 0o600, flag: 'wx' });
    files.push(file);
  }
  const node = new MailComposer(options).compile();
  node.keepBcc = true;
  const raw = Buffer.concat([Buffer.from('X-Unsent: 1\r\n'), await node.build()]);
  const emlPath = path.join(folder, 'message.eml');
  await fs.writeFile(emlPath, raw, { mode: 0o600, flag: 'wx' });
  return {
    folder,
    emlPath,
    to: row.to_addresses,
    bcc: row.bcc_addresses,
    subject: row.subject,
    body: row.body_text,
    files,
    requestReceipt: row.request_receipt,
  };
}
