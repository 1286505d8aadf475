// « Envoyer par e-mail » on a workstation whose method is Outlook, Thunderbird or the default
// mail program. The program is found first (nothing is written for a program that is not
// there); then the message is prepared and written as a row exactly as Pli's own sending does
// (prepareInvoiceMessage, createInvoiceMessage: template, recipients, files, receipt request,
// Message-ID), its files and `.eml` draft written to a private folder, and the program opened
// with it. Once it has it, the row leaves Pli's queue for good and a mail_handovers row says
// « remis à … » with the date, the user and the workstation; a launch that fails leaves the row
// cancelled with the reason, its folder removed, and the user gets the French way out.
import fs from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { PliError, type MailHandover, type MailMethod } from '../../../shared/contract';
import type { TemplateText } from '../../../shared/templates';
import { audit, type Actor } from '../../db/audit';
import { write } from '../../db/tx';
import { prepareInvoiceMessage } from '../invoice-message';
import { createInvoiceMessage } from '../message-row';
import type { PresendPlaces } from '../presend';
import { mailtoUrl, outlookArgs, systemOpener, thunderbirdArgs } from './args';
import { resolveClient, type Platform } from './clients';
import { writeDraft, type Draft } from './draft';
import { launch } from './launch';

export type HandoverMethod = Exclude<MailMethod, 'smtp'>;

export interface HandoverRequest {
  invoiceId: number;
  requestReceipt: boolean;
  attachmentRefs: readonly string[];
  to: readonly string[];
  message?: TemplateText | undefined;
}

export interface HandoverDeps {
  db: Database.Database;
  places: PresendPlaces;
  actor: Actor;
  method: HandoverMethod;
  /** The path chosen on Ce poste for this method's program, if any. */
  chosenPath: string | null;
  platform: Platform;
  settleMs?: number;
}

type Outcome = Pick<MailHandover, 'way' | 'toAttach' | 'receiptByHand'>;

async function openIn(deps: HandoverDeps, program: string, draft: Draft): Promise<Outcome> {
  const windows = deps.platform.os === 'win32';
  const none = { toAttach: [], receiptByHand: false };
  const timing = { settleMs: deps.settleMs };
  if (deps.method === 'thunderbird') {
    await launch(program, thunderbirdArgs(draft, windows), timing);
    // -compose has no receipt field: the user ticks it in Thunderbird.
    return { ...none, way: 'compose', receiptByHand: draft.requestReceipt };
  }
  if (deps.method === 'outlook') {
    const { args, way } = outlookArgs(draft, draft.requestReceipt, draft.emlPath);
    await launch(program, args, timing);
    return { ...none, way };
  }
  const opener = { ...timing, exitCounts: systemOpener(deps.platform.os).exitCounts };
  try {
    await launch(program, [draft.emlPath], opener);
    return { ...none, way: 'eml' };
  } catch {
    // No program for .eml files: a mailto: link, and the folder opened to attach the files.
    await launch(program, [mailtoUrl(draft)], opener);
    await launch(program, [draft.folder], opener).catch(() => undefined);
    return {
      way: 'mailto',
      toAttach: draft.files.map((file) => file.slice(draft.folder.length + 1)),
      receiptByHand: draft.requestReceipt,
    };
  }
}

function record(
  db: Database.Database,
  actor: Actor,
  rowId: number,
  client: HandoverMethod,
  way: Outcome['way'],
) {
  write(db, () => {
    db.prepare(
      `UPDATE mail_messages SET state = 'cancelled'
       WHERE id = ? AND state = 'queued' AND batch_id IS NULL`,
    ).run(rowId);
    db.prepare(
      `INSERT INTO mail_handovers (message_row, client, way, handed_at, handed_by, workstation)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(rowId, client, way, new Date().toISOString(), actor.userId, actor.workstation);
    audit(db, actor, { entity: 'mail_message', entityId: rowId, action: `remis_${client}` });
  });
}

function recordFailure(db: Database.Database, rowId: number, error: unknown) {
  const code = error instanceof PliError ? error.code : 'MAIL_CLIENT_LAUNCH_FAILED';
  write(db, () =>
    db
      .prepare(
        `UPDATE mail_messages SET state = 'cancelled', last_error_code = ?
         WHERE id = ? AND state = 'queued' AND batch_id IS NULL`,
      )
      .run(code, rowId),
  );
}

export async function handOver(deps: HandoverDeps, request: HandoverRequest) {
  const { db, method } = deps;
  const program =
    method === 'system'
      ? systemOpener(deps.platform.os).command
      : await resolveClient(method, deps.chosenPath, deps.platform);
  const prepared = await prepareInvoiceMessage(db, deps.places, {
    invoiceId: request.invoiceId,
    docType: 'facture',
    requestReceipt: request.requestReceipt,
    generalAttachments: request.attachmentRefs,
    to: request.to,
    message: request.message,
  });
  const row = createInvoiceMessage(db, deps.actor, prepared.request);
  let draft: Draft | undefined;
  try {
    draft = await writeDraft(deps.places.dataDir, row);
    const outcome = await openIn(deps, program, draft);
    record(db, deps.actor, row.id, method, outcome.way);
    return { client: method, messageRowId: row.id, folder: draft.folder, ...outcome };
  } catch (error) {
    recordFailure(db, row.id, error);
    // Nothing was handed over: the family's files need not wait for the daily cleanup.
    if (draft) await fs.rm(draft.folder, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
