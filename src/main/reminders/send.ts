// « Envoyer les relances »: one email per ticked payer with the level's template (rendered for
// the payer's oldest unpaid invoice) and every unpaid invoice's PDF attached, written as message
// rows and batches of the send queue in one transaction with the reminders they record — one
// batch per sending account, since a facility may have its own server. Recipients, the
// invoice's files and the size check are Envoi groupé's (mail/invoice-message.ts).
import type Database from 'better-sqlite3';
import { PliError, type MailBatch, type OverduePayer } from '../../shared/contract';
import type { Actor } from '../db/audit';
import { write } from '../db/tx';
import { assertMessageSize, invoiceAttachments } from '../mail/attachments';
import { prepareInvoiceMessage } from '../mail/invoice-message';
import { createInvoiceMessage, type InvoiceMessageRequest } from '../mail/message-row';
import type { PresendPlaces } from '../mail/presend';
import { accountKeyForFacility } from '../mail/queue/accounts';
import { enqueueBatch } from '../mail/queue/batches';
import { loadMailSettings } from '../mail/settings';
import { localToday, REMINDER_DOC_TYPES, selectedPayers } from './overdue';
import { NOTHING_OVERDUE } from './print';
import { recordReminders } from './record';

export interface SentReminders {
  batches: MailBatch[];
  messages: number;
}

/** The same error, with the payer that stopped the send named first. */
function blockedBy(payer: OverduePayer, error: unknown): unknown {
  if (!(error instanceof PliError)) return error;
  const which =
    `${payer.payerName} (${payer.residentName}) : aucune relance n’a été envoyée. ` +
    'Corrigez ce payeur ou décochez-le, puis cliquez à nouveau sur « Envoyer les relances ».';
  return new PliError(error.code, [which, ...(error.details ?? [])], { cause: error });
}

async function prepare(
  db: Database.Database,
  places: PresendPlaces,
  payer: OverduePayer,
): Promise<InvoiceMessageRequest> {
  const [anchor, ...others] = payer.invoices;
  if (!anchor) throw new PliError('NOT_FOUND');
  const prepared = await prepareInvoiceMessage(db, places, {
    invoiceId: anchor.id,
    docType: REMINDER_DOC_TYPES[payer.nextLevel],
    generalAttachments: [],
  });
  const rules = loadMailSettings(db);
  const more = [];
  for (const invoice of others) {
    more.push(...(await invoiceAttachments(db, places.databaseFile, invoice.id, rules)));
  }
  assertMessageSize([...prepared.files, ...more], rules);
  return {
    ...prepared.request,
    attachments: [
      ...prepared.request.attachments,
      ...more.map((file) => ({ kind: file.kind, name: file.name, path: file.path })),
    ],
  };
}

export async function sendReminders(
  db: Database.Database,
  places: PresendPlaces,
  actor: Actor,
  invoiceIds: readonly number[],
  today = localToday(),
): Promise<SentReminders> {
  const payers = selectedPayers(db, invoiceIds, today);
  if (payers.length === 0) throw new PliError('NOT_FOUND', [NOTHING_OVERDUE]);
  const prepared: { payer: OverduePayer; request: InvoiceMessageRequest }[] = [];
  for (const payer of payers) {
    try {
      prepared.push({ payer, request: await prepare(db, places, payer) });
    } catch (error) {
      throw blockedBy(payer, error);
    }
  }
  const batches = write(db, () => {
    const byAccount = new Map<string, number[]>();
    for (const { payer, request } of prepared) {
      let messageId: number;
      try {
        messageId = createInvoiceMessage(db, actor, request).id;
      } catch (error) {
        throw blockedBy(payer, error);
      }
      recordReminders(db, actor, [
        { payer, level: payer.nextLevel, mode: 'email', mailMessageId: messageId },
      ]);
      const account = accountKeyForFacility(db, payer.facilityId);
      byAccount.set(account, [...(byAccount.get(account) ?? []), messageId]);
    }
    return [...byAccount.values()].map((messageIds) => enqueueBatch(db, actor, { messageIds }));
  });
  return { batches, messages: prepared.length };
}
