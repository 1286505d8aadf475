// Who a message is from, decided once when its row is written (DESIGN › Email, sender modes):
// - mode 'association': From is the association's shared account; the name families see is
//   the facility's sender_name, or else the facility's name.
// - mode 'user': From is the signed-in user's own address; the name is « Prénom Nom –
//   Établissement » (the user's name, an en dash, then the facility's sender_name or name), so
//   a family sees both who wrote and for which residence. A user without an address cannot send.
// Reply-To: the facility's reply_to, else the association's default, else none (replies go to
// From). BCC: the From address when the association asks for a copy to the sender; the user's
// own address when the user asked for a copy of what they send (the same address in user mode,
// their own mailbox in association mode; nothing when they have no address). Every value passes
// the header gate here, so a bad setting is refused before any row exists.
import type Database from 'better-sqlite3';
import { PliError, type MailSettings, type SenderMode } from '../../shared/contract';
import { headerAddress, headerText, type HeaderValue } from './headers';
import { loadMailSettings } from './settings';

export interface Sender {
  mode: SenderMode;
  address: HeaderValue;
  name: HeaderValue;
  /** Empty when replies go to From. */
  replyTo: HeaderValue | '';
  bcc: HeaderValue[];
}

interface FacilityIdentity {
  name: string;
  senderName: string;
  replyTo: string;
}

interface UserIdentity {
  name: string;
  email: string | null;
  bccSelf: number;
}

function facilityIdentity(db: Database.Database, facilityId: number): FacilityIdentity {
  const row = db
    .prepare(
      'SELECT name, sender_name AS senderName, reply_to AS replyTo FROM facilities WHERE id = ?',
    )
    .get(facilityId) as FacilityIdentity | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return row;
}

function userIdentity(db: Database.Database, userId: number): UserIdentity {
  const row = db
    .prepare('SELECT name, email, bcc_self AS bccSelf FROM users WHERE id = ?')
    .get(userId) as UserIdentity | undefined;
  if (!row) throw new PliError('AUTH_REQUIRED');
  return row;
}

/** The sender for a message of this facility sent by this user, under these settings. */
export function senderFor(
  settings: MailSettings,
  facility: FacilityIdentity,
  user: UserIdentity,
): Sender {
  // Checked as stored, before any trimming: a name made of a line break is refused, not dropped.
  const senderName = headerText(facility.senderName, 'Nom d’expéditeur de l’établissement');
  const facilityName = senderName.trim() || facility.name;
  const userEmail = user.email?.trim() ?? '';
  let address: HeaderValue;
  let name: HeaderValue;
  if (settings.senderMode === 'association') {
    if (settings.associationAddress === '') throw new PliError('MAIL_SENDER_NOT_SET');
    address = headerAddress(settings.associationAddress, 'Adresse de l’association');
    name = headerText(facilityName, 'Nom d’expéditeur de l’établissement');
  } else {
    if (userEmail === '') throw new PliError('MAIL_SENDER_NO_EMAIL');
    address = headerAddress(userEmail, 'Adresse e-mail de l’utilisateur');
    name = headerText(`${headerText(user.name, 'Nom de l’utilisateur')} – ${facilityName}`, 'Nom');
  }
  const replyToText = headerText(facility.replyTo, 'Adresse de réponse').trim() || settings.replyTo;
  const replyTo = replyToText === '' ? '' : headerAddress(replyToText, 'Adresse de réponse');
  const bcc = new Set<HeaderValue>();
  if (settings.bccSender) bcc.add(address);
  if (user.bccSelf === 1 && userEmail !== '') {
    bcc.add(headerAddress(userEmail, 'Adresse e-mail de l’utilisateur'));
  }
  return { mode: settings.senderMode, address, name, replyTo, bcc: [...bcc] };
}

/** The sender read from the shared file: the association's settings, facility and user rows. */
export function resolveSender(
  db: Database.Database,
  request: { facilityId: number; userId: number },
): Sender {
  return senderFor(
    loadMailSettings(db),
    facilityIdentity(db, request.facilityId),
    userIdentity(db, request.userId),
  );
}
