// Reads one message of the mailbox as a report, or as nothing. Two kinds count (RFC 6522
// multipart/report): a read receipt (RFC 8098 MDN, report-type=disposition-notification) and a
// delivery status (RFC 3464 DSN, report-type=delivery-status), with their RFC 6533 « global »
// variants. Everything else, and any report missing what it needs, is null.
import crypto from 'node:crypto';
import { childParts, parseFields, parsePart, type Fields, type Part } from './mime';

export interface MdnReport {
  kind: 'mdn';
  key: string;
  reportedAt: string;
  originalMessageId: string;
  recipient: string;
  /** displayed, deleted, denied, dispatched, processed, failed … */
  disposition: string;
}

export interface DsnRecipient {
  recipient: string;
  /** failed, delayed, delivered, relayed, expanded */
  action: string;
  status: string | null;
  diagnostic: string | null;
}

export interface DsnReport {
  kind: 'dsn';
  key: string;
  reportedAt: string;
  envelopeId: string | null;
  /** The Message-ID of the returned headers (we ask RET=HDRS), the proof of what bounced. */
  returnedMessageId: string | null;
  recipients: DsnRecipient[];
}

export type Report = MdnReport | DsnReport;

const STATUS_TYPES = {
  'delivery-status': ['message/delivery-status', 'message/global-delivery-status'],
  'disposition-notification': [
    'message/disposition-notification',
    'message/global-disposition-notification',
  ],
} as const;

const RETURNED_TYPES = new Set([
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
  'message/rfc822',
  'message/global',
]);

/** « rfc822; famille@exemple.fr » → « famille@exemple.fr ». */
function address(value: string | undefined): string {
  if (!value) return '';
  const semi = value.indexOf(';');
  return (semi >= 0 ? value.slice(semi + 1) : value).trim().replace(/^<(.*)>$/, '$1');
}

function isoDate(value: string | undefined): string {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : new Date().toISOString();
}

/** Field groups of a status part, split at blank lines. */
function groups(body: string): Fields[] {
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map(parseFields)
    .filter((fields) => fields.size > 0);
}

/** RFC 3461 xtext: "+2B" is "+". */
function xtext(value: string): string {
  return value.replace(/\+([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function mdn(status: Part, key: string, reportedAt: string): MdnReport | null {
  const [fields] = groups(status.body);
  const originalMessageId = fields?.get('original-message-id');
  const disposition = fields?.get('disposition');
  if (!fields || !originalMessageId || !disposition) return null;
  // « manual-action/MDN-sent-manually; displayed » (RFC 3798 modifiers after a « / »).
  const type = disposition.split(';')[1]?.split('/')[0]?.trim().toLowerCase();
  if (!type) return null;
  return {
    kind: 'mdn',
    key,
    reportedAt,
    originalMessageId,
    recipient: address(fields.get('final-recipient')),
    disposition: type,
  };
}

function dsn(status: Part, parts: Part[], key: string, reportedAt: string): DsnReport | null {
  const [perMessage, ...perRecipient] = groups(status.body);
  if (!perMessage) return null;
  const recipients = perRecipient.flatMap((fields): DsnRecipient[] => {
    const action = fields.get('action')?.split(/[\s(]/)[0]?.toLowerCase();
    const recipient = address(fields.get('final-recipient') ?? fields.get('original-recipient'));
    if (!action || !recipient) return [];
    return [
      {
        recipient,
        action,
        status: fields.get('status') ?? null,
        diagnostic: fields.get('diagnostic-code') ?? null,
      },
    ];
  });
  if (recipients.length === 0) return null;
  const returned = parts.find((p) => RETURNED_TYPES.has(p.contentType.type));
  const envelopeId = perMessage.get('original-envelope-id');
  return {
    kind: 'dsn',
    key,
    reportedAt,
    envelopeId: envelopeId ? xtext(envelopeId) : null,
    returnedMessageId: returned
      ? (parsePart(returned.body).headers.get('message-id') ?? null)
      : null,
    recipients,
  };
}

export function readReport(raw: string): Report | null {
  const message = parsePart(raw);
  if (message.contentType.type !== 'multipart/report') return null;
  const reportType = message.contentType.params.get('report-type')?.toLowerCase();
  if (reportType !== 'delivery-status' && reportType !== 'disposition-notification') return null;
  const parts = childParts(message);
  const wanted: readonly string[] = STATUS_TYPES[reportType];
  const status = parts.find((p) => wanted.includes(p.contentType.type));
  if (!status) return null;
  const key =
    message.headers.get('message-id') ??
    `sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`;
  const reportedAt = isoDate(message.headers.get('date'));
  return reportType === 'disposition-notification'
    ? mdn(status, key, reportedAt)
    : dsn(status, parts, key, reportedAt);
}
