// The IMAP connection keeps SMTP's rule: no silent unverified TLS. A server whose certificate
// is self-signed is refused with the certificate diagnosis (never connected to anyway), and
// STARTTLS chosen is STARTTLS required: a server that does not offer it is a TLS failure, not a
// quiet fallback to clear text carrying the password. Real servers on 127.0.0.1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReceiptSettings } from '../../../../src/shared/contract';
import { openImap } from '../../../../src/main/mail/receipts/imap';
import { ReceiptPoller } from '../../../../src/main/mail/receipts/poller';
import {
  advanceCursor,
  readCursor,
  saveReceiptSettings,
} from '../../../../src/main/mail/receipts/settings';
import { Secrets } from '../../../../src/main/secrets';
import { startImap, type TestImap } from '../../../fixtures/imap';
import { selfSignedCertificate } from '../../../fixtures/smtp';
import { actor, seededDatabase } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';

const USER = 'factures@tilleuls.example';
const PASSWORD = 'B0ite';
let tls: TestImap;
let plain: TestImap;

beforeAll(async () => {
  tls = await startImap(USER, PASSWORD, { tls: selfSignedCertificate('pli-imap-test') });
  plain = await startImap(USER, PASSWORD);
});
afterAll(async () => {
  await tls.close();
  await plain.close();
});

const settings = (port: number, security: ReceiptSettings['security']): ReceiptSettings => ({
  enabled: true,
  host: '127.0.0.1',
  port,
  security,
  username: USER,
  folder: 'INBOX',
});

it('refuses a self-signed certificate with the certificate diagnosis', async () => {
  await expect(openImap(settings(tls.port, 'tls'), PASSWORD)).rejects.toMatchObject({
    code: 'IMAP_CERTIFICATE_INVALID',
    message: expect.stringContaining('Pli refuse de s’y connecter') as unknown,
  });
  // The fixture itself is reachable with its certificate trusted: the refusal is Pli's check.
  await tls.deliver('Subject: ok\r\n\r\nok\r\n');
});

it('requires STARTTLS when it is chosen, never falling back to clear text', async () => {
  await expect(openImap(settings(plain.port, 'starttls'), PASSWORD)).rejects.toMatchObject({
    code: 'IMAP_TLS_FAILED',
  });
});

it('keeps the cursor and records the French reason when a check fails', async () => {
  const { db } = seededDatabase(tempDir());
  saveReceiptSettings(db, actor(), { version: null, settings: settings(tls.port, 'tls') });
  const at = new Date().toISOString();
  advanceCursor(db, { uidValidity: '7', lastUid: 42, at, by: 'POSTE-A', error: null });
  const secrets = new Secrets({
    get: async () => PASSWORD,
    set: async () => undefined,
    delete: async () => true,
  });
  const poller = new ReceiptPoller({
    db: () => db,
    workstation: () => 'POSTE-B',
    secrets,
    onRecorded: () => undefined,
  });
  await expect(poller.checkNow()).rejects.toMatchObject({ code: 'IMAP_CERTIFICATE_INVALID' });
  expect(readCursor(db)).toMatchObject({
    uidValidity: '7',
    lastUid: 42,
    lastCheckBy: 'POSTE-B',
    lastError: expect.stringContaining('certificat du serveur IMAP') as unknown,
  });
});
