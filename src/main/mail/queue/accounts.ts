// Which SMTP account a batch leaves through, and opening it. An account is the server and login
// the messages of a facility use (the association's settings or the facility's override), the
// same key as its password in the keychain; with no server configured it is the test outbox.
// One lease and one schedule per account (DESIGN rule 5).
import type Database from 'better-sqlite3';
import { accountKey, type Secrets } from '../../secrets';
import { providerPresets } from '../smtp/presets';
import { smtpSettingsFor } from '../smtp/settings';
import { isOAuth, type SmtpSettings } from '../../../shared/contract';
import { accessTokenSource } from '../smtp/oauth/access';
import { isTestMode, openTransport, type Credential } from '../smtp/transport';
import type { MailTransport } from '../smtp/connection';
import { loadQueueSettings } from './settings';
import type { QueueTransport } from './types';

export const OUTBOX_ACCOUNT = 'outbox';

/** Who sends a message: its sender mode and From address (mail_messages.sender_mode, from_address). */
export interface MessageSender {
  mode: string;
  address: string;
}

/**
 * With a Microsoft 365 / Google server and sender mode 'user', each user sends from their own
 * mailbox, signed in by themselves: the account is that mailbox. A password server keeps the
 * association's login whatever the From (the server relays for the users' addresses).
 */
export function senderAccount(settings: SmtpSettings, sender?: MessageSender): SmtpSettings {
  return isOAuth(settings.auth) && sender?.mode === 'user' && sender.address !== ''
    ? { ...settings, username: sender.address }
    : settings;
}

export function accountKeyForFacility(
  db: Database.Database,
  facilityId: number | null,
  sender?: MessageSender,
): string {
  const settings = smtpSettingsFor(db, facilityId);
  return isTestMode(settings) ? OUTBOX_ACCOUNT : accountKey(senderAccount(settings, sender));
}

/** The SMTP helper's transport as the queue's: raw MIME goes as `{ raw, envelope }`. */
export function queueTransport(transport: MailTransport): QueueTransport {
  return {
    send: (message, envelope) =>
      Buffer.isBuffer(message)
        ? transport.send({ raw: message }, envelope)
        : transport.send(message, envelope),
  };
}

/** The cap set by the administrator, else the provider's published daily limit for this host. */
export function dailyCapFor(db: Database.Database, host: string): number | null {
  const set = loadQueueSettings(db).dailyCap;
  if (set !== null) return set;
  const preset = providerPresets.find((p) => p.host === host.trim().toLowerCase());
  return preset?.dailyLimit ?? null;
}

/**
 * The password (SMTP_PASSWORD_REQUIRED when unknown), or for a Microsoft 365 / Google account
 * its token source, with a token fetched now: not connected or refused, the batch pauses at
 * once with what to do instead of failing its first message.
 */
export async function credentialFor(settings: SmtpSettings, secrets: Secrets): Promise<Credential> {
  if (isTestMode(settings) || settings.auth === 'none') return null;
  if (settings.auth === 'password') return secrets.require(settings);
  const source = accessTokenSource(settings, secrets.oauth);
  await source.get(false);
  return source;
}

export interface OpenedAccount {
  transport: QueueTransport;
  dailyCap: number | null;
  close(): void;
}

/**
 * Opens the account of a facility's batches. A password neither typed this session nor saved
 * on this workstation throws SMTP_PASSWORD_REQUIRED (the batch pauses until it is given).
 */
export async function openAccount(
  db: Database.Database,
  secrets: Secrets,
  dataDir: string,
  facilityId: number | null,
  key?: string,
): Promise<OpenedAccount> {
  const server = smtpSettingsFor(db, facilityId);
  // A user's own mailbox (senderAccount): the key says which, after « host| ».
  const own = key && isOAuth(server.auth) ? key.slice(key.indexOf('|') + 1) : '';
  const settings = own && own !== server.username ? { ...server, username: own } : server;
  const transport = await openTransport(settings, await credentialFor(settings, secrets), {
    dataDir,
    reuse: true,
  });
  return {
    transport: queueTransport(transport),
    dailyCap: dailyCapFor(db, settings.host),
    close: () => transport.close(),
  };
}
