// « Compte Microsoft 365 » end to end on real parts: oauth2-mock-server on 127.0.0.1 as the
// provider, an smtp-server that accepts only XOAUTH2 with a live token that provider issued, the
// demo file, the real send queue, and this machine's keychain (gnome-keyring under
// dbus-run-session; skipped without PLI_KEYRING_READY). The administrator signs in through the
// channels while a plain HTTP client plays the browser; then sends, expiry and refresh, a 535 on
// a revoked token (refreshed once, resent), a refused refresh (batch paused, tokens gone),
// consent refused, a forged state, a listener that times out, SMTP AUTH disabled on the mailbox
// and « Révoquer l’accès ». Finally no refresh token is found in the shared file, the
// preferences, any file of the data folder, the logs or any contract result.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src/main/api';
import { smtpOAuthHandlers } from '../../../../src/main/api/smtp-oauth';
import { getMailSettings, saveMailSettings } from '../../../../src/main/mail/settings';
import { getSmtpSettings } from '../../../../src/main/mail/smtp/settings';
import { oauthAccountKey, systemKeychain } from '../../../../src/main/secrets';
import type { MailBatch, Presend, SmtpSettingsDetail } from '../../../../src/shared/contract';
import { mailApp } from '../../../fixtures/mail-app';
import { consent, startOAuth, type TestOAuth } from '../../../fixtures/oauth';
import { smtpError, startSmtp } from '../../../fixtures/smtp';

const MAILBOX = 'factures@les-tilleuls.example';
const CLIENT_ID = 'a1b2c3d4-pli-test';
const FAST = { intervalMs: 40, pauseEvery: 0, pauseMs: 0 };
const service = `Pli OAuth test ${crypto.randomUUID()}`;
const keychain = systemKeychain(service);
const keyOf = { provider: 'microsoft', clientId: CLIENT_ID, username: MAILBOX };

let oauth: TestOAuth;
let authDisabled = false;
/** The mailbox each XOAUTH2 login named. */
const authUsers: string[] = [];
const OWN = 'benoit.marechal@les-tilleuls.example';
const ownKey = { ...keyOf, username: OWN };
const app = mailApp('pli-oauth-', {
  smtp: async () => {
    oauth = await startOAuth();
    return startSmtp({
      mode: 'plain',
      xoauth2: (user, token) => {
        if (authDisabled) {
          return smtpError(
            535,
            '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
          );
        }
        authUsers.push(user);
        return user === MAILBOX || user === OWN
          ? oauth.checkSmtp(user, token)
          : smtpError(535, '5.7.3 user');
      },
    });
  },
  settings: () => ({
    auth: 'microsoft',
    username: MAILBOX,
    oauth: { clientId: CLIENT_ID, tenant: '', clientSecret: '', ...oauth.endpoints },
  }),
  oauthKeychain: keychain,
});

const logs: string[] = [];
const results: string[] = [];
async function call(channel: string, input: unknown) {
  const result = await dispatch(app.handlers, channel, input, (message, error) =>
    logs.push(message, error instanceof Error ? `${error.message}\n${error.stack}` : String(error)),
  );
  results.push(JSON.stringify(result));
  return result;
}
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
const detail = () => ok<SmtpSettingsDetail>('smtp:get', { facilityId: null });
/** The saved settings, read from the file (the signed-in user may not be the administrator). */
const detailAsAdmin = () => Promise.resolve(getSmtpSettings(app.db(), null));

let check: Presend;
let next = 0;
/** Invoices not sent yet, n at a time. */
const invoices = (n: number) => check.ready.slice(next, (next += n)).map((r) => r.invoiceId);
/** mail:send's input for these invoices of the period. */
const sending = (ids: number[]) => ({
  facilityId: 1,
  period: check.period,
  invoiceIds: ids,
  requestReceipt: false,
});
const send = (ids: number[]) => ok<MailBatch>('mail:send', { ...sending(ids), throttle: FAST });
async function settled(batchId: number): Promise<MailBatch> {
  let found: MailBatch | undefined;
  await app.until(async () => {
    found = (await ok<MailBatch[]>('mail:batches', {})).find((b) => b.id === batchId);
    return found?.state === 'done' || found?.state === 'paused';
  });
  return found!;
}

async function signIn(): Promise<{ page: string; finish: ReturnType<typeof call> }> {
  const start = await ok<{ flowId: string; url: string; opened: boolean }>('smtp:oauthStart', {
    settings: (await detail()).settings,
  });
  expect(start.opened).toBe(false);
  const finish = call('smtp:oauthFinish', { flowId: start.flowId });
  return { page: await consent(start.url), finish };
}

beforeAll(async () => {
  await app.signIn('admin');
  check = await app.presend();
}, 120_000);
afterAll(async () => {
  await keychain.delete(oauthAccountKey(keyOf)).catch(() => false);
  await keychain.delete(oauthAccountKey(ownKey)).catch(() => false);
  await oauth.close();
});

describe.runIf(process.env.PLI_KEYRING_READY)('Compte Microsoft 365 (OAuth2, XOAUTH2)', () => {
  it('refuses to send before the account is connected, writing nothing', async () => {
    expect((await detail()).oauthConnected).toBe(false);
    const before = app.count('mail_messages');
    const answer = await call('mail:send', sending(invoices(1)));
    expect(answer).toMatchObject({ ok: false, error: { code: 'OAUTH_NOT_CONNECTED' } });
    expect(app.count('mail_messages')).toBe(before);
  });

  it('signs in with PKCE (S256), state and a loopback redirect; the refresh token is in the keychain', async () => {
    const { page, finish } = await signIn();
    expect(page).toContain('Connexion réussie');
    expect(await finish).toMatchObject({ ok: true, value: { account: MAILBOX, connected: true } });
    const asked = oauth.authorizations.at(-1)!;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(asked.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(asked.get('scope')).toBe('https://outlook.office.com/SMTP.Send offline_access');
    expect(asked.get('client_id')).toBe(CLIENT_ID);
    expect(await keychain.get(oauthAccountKey(keyOf))).toBe(oauth.refreshTokens.at(-1));
    expect((await detail()).oauthConnected).toBe(true);
  });

  it('« Tester la connexion » authenticates with XOAUTH2', async () => {
    const result = await ok<{ ok: boolean; message: string }>('smtp:test', {
      settings: (await detail()).settings,
    });
    expect(result.ok).toBe(true);
    expect(oauth.issued.map((t) => t.token)).toContain(app.server.authAttempts.at(-1));
  });

  it('sends a batch through the queue', async () => {
    const batch = await send(invoices(2));
    expect((await settled(batch.id)).state).toBe('done');
    expect(app.server.received).toHaveLength(2);
  });

  it('refreshes a token about to expire before using it (a 2-second token really expires)', async () => {
    oauth.tokenTtl = 2;
    // A 535 forces a refresh that issues a 2-second token; the server then refuses it once dead.
    oauth.revoked.add(app.server.authAttempts.at(-1)!);
    expect(
      (await ok<{ ok: boolean }>('smtp:test', { settings: (await detail()).settings })).ok,
    ).toBe(true);
    const shortLived = app.server.authAttempts.at(-1)!;
    await new Promise((r) => setTimeout(r, 2500));
    expect(oauth.checkSmtp(MAILBOX, shortLived)?.message).toContain('expired');
    oauth.tokenTtl = 3600;
    const refreshes = oauth.issued.filter((t) => t.grant === 'refresh_token').length;
    const batch = await send(invoices(1));
    expect((await settled(batch.id)).state).toBe('done');
    expect(oauth.issued.filter((t) => t.grant === 'refresh_token').length).toBe(refreshes + 1);
    // Refreshed before: the dead token was never offered.
    expect(app.server.authAttempts.at(-1)).not.toBe(shortLived);
    expect(app.server.authAttempts.filter((t) => t === shortLived)).toHaveLength(1);
  });

  it('on a 535, refreshes once and sends the message', async () => {
    const current = app.server.authAttempts.at(-1)!;
    oauth.revoked.add(current);
    const received = app.server.received.length;
    const batch = await send(invoices(1));
    const after = await settled(batch.id);
    expect([after.state, after.pausedCode, after.pausedReason]).toEqual(['done', null, null]);
    expect(app.server.received).toHaveLength(received + 1);
    expect(app.server.authAttempts.slice(-2)[0]).toBe(current);
    expect(app.server.authAttempts.at(-1)).not.toBe(current);
  });

  it('says what the Microsoft 365 administrator must enable when SMTP AUTH is off', async () => {
    authDisabled = true;
    try {
      const result = await ok<{ ok: boolean; diagnosis: { code: string; message: string } }>(
        'smtp:test',
        { settings: (await detail()).settings },
      );
      expect(result.ok).toBe(false);
      expect(result.diagnosis.code).toBe('SMTP_AUTH_DISABLED');
      expect(result.diagnosis.message).toContain('SMTP authentifié');
      expect(result.diagnosis.message).toContain('Set-CASMailbox');
    } finally {
      authDisabled = false;
    }
  });

  it('pauses the batch when the refresh is refused, says to reconnect, and forgets the tokens', async () => {
    oauth.refuseRefresh = true;
    oauth.revoked.add(app.server.authAttempts.at(-1)!);
    const received = app.server.received.length;
    const batch = await send(invoices(2));
    const paused = await settled(batch.id);
    expect(paused.state).toBe('paused');
    expect(paused.pausedCode).toBe('OAUTH_RECONNECT_REQUIRED');
    expect(paused.pausedReason).toContain('se reconnecter');
    expect(app.server.received).toHaveLength(received);
    expect(await keychain.get(oauthAccountKey(keyOf))).toBeNull();
    expect((await detail()).oauthConnected).toBe(false);
    const test = await call('smtp:test', { settings: (await detail()).settings });
    expect(test).toMatchObject({ ok: false, error: { code: 'OAUTH_NOT_CONNECTED' } });
    oauth.refuseRefresh = false;

    // Signed in again, the paused batch resumes and leaves.
    const { finish } = await signIn();
    expect((await finish).ok).toBe(true);
    await ok('mail:resume', { batchId: batch.id });
    expect((await settled(batch.id)).state).toBe('done');
    expect(app.server.received).toHaveLength(received + 2);
  });

  it('reports a refused consent in French', async () => {
    oauth.refuseConsent = true;
    try {
      const { page, finish } = await signIn();
      expect(page).toContain('Connexion non aboutie');
      const answer = await finish;
      expect(answer).toMatchObject({ ok: false, error: { code: 'OAUTH_CONSENT_REFUSED' } });
      expect(answer.ok ? '' : answer.error.message).toContain('refusée');
    } finally {
      oauth.refuseConsent = false;
    }
  });

  it('ignores a redirect whose state is not the one sent', async () => {
    const start = await ok<{ flowId: string; url: string }>('smtp:oauthStart', {
      settings: (await detail()).settings,
    });
    const redirect = new URL(new URL(start.url).searchParams.get('redirect_uri')!);
    redirect.searchParams.set('code', 'forged');
    redirect.searchParams.set('state', 'forged-state');
    expect((await fetch(redirect)).status).toBe(400);
    expect(await call('smtp:oauthFinish', { flowId: start.flowId })).toMatchObject({
      ok: false,
      error: { code: 'OAUTH_STATE_MISMATCH' },
    });
  });

  it('gives up when the browser never comes back', async () => {
    const handlers = smtpOAuthHandlers(app.context, { timeoutMs: 300 });
    const start = await handlers['smtp:oauthStart']({ settings: (await detail()).settings });
    await expect(handlers['smtp:oauthFinish']({ flowId: start.flowId })).rejects.toMatchObject({
      code: 'OAUTH_TIMEOUT',
    });
    // The listener is closed: its port answers no more.
    await expect(fetch(new URL(start.url).searchParams.get('redirect_uri')!)).rejects.toThrow();

    // A second click abandons the sign-in in progress, which is answered at once.
    const slow = smtpOAuthHandlers(app.context);
    const first = await slow['smtp:oauthStart']({ settings: (await detail()).settings });
    const waiting = slow['smtp:oauthFinish']({ flowId: first.flowId });
    const second = await slow['smtp:oauthStart']({ settings: (await detail()).settings });
    await expect(waiting).rejects.toMatchObject({ code: 'OAUTH_TIMEOUT' });
    const finish = slow['smtp:oauthFinish']({ flowId: second.flowId });
    expect(await consent(second.url)).toContain('Connexion réussie');
    await expect(finish).resolves.toMatchObject({ connected: true });
  });

  it('« Révoquer l’accès » calls the revocation endpoint and deletes the tokens', async () => {
    expect(await keychain.get(oauthAccountKey(keyOf))).not.toBeNull();
    const revoked = await ok<{ connected: boolean; revokedAtProvider: boolean }>(
      'smtp:oauthRevoke',
      { settings: (await detail()).settings },
    );
    expect(revoked).toMatchObject({ connected: false, revokedAtProvider: true });
    expect(oauth.revocations).toBe(1);
    expect(await keychain.get(oauthAccountKey(keyOf))).toBeNull();
    expect((await detail()).oauthConnected).toBe(false);
    const test = await call('smtp:test', { settings: (await detail()).settings });
    expect(test).toMatchObject({ ok: false, error: { code: 'OAUTH_NOT_CONNECTED' } });
  });

  it('in sender mode « user », each user connects and sends from their own mailbox', async () => {
    const mail = getMailSettings(app.db());
    saveMailSettings(
      app.db(),
      { userId: 1, userName: 'Hélène Le Guével', workstation: 'POSTE-ADMIN' },
      { version: mail.version, settings: { ...mail.settings, senderMode: 'user' } },
    );
    await app.signIn('facturation');
    expect(await ok('smtp:ownAccount', { facilityId: null })).toEqual({
      applies: true,
      provider: 'microsoft',
      account: OWN,
      connected: false,
    });
    // Not the administrator's sign-in: the user's own, which is not there yet.
    const refused = await call('mail:send', sending(invoices(1)));
    expect(refused).toMatchObject({ ok: false, error: { code: 'OAUTH_OWN_NOT_CONNECTED' } });
    expect(
      await call('smtp:oauthStart', { settings: (await detailAsAdmin()).settings }),
    ).toMatchObject({
      ok: false,
    });

    const start = await ok<{ flowId: string; url: string }>('smtp:oauthStartOwn', {
      facilityId: null,
    });
    expect(new URL(start.url).searchParams.get('login_hint')).toBe(OWN);
    const finish = call('smtp:oauthFinish', { flowId: start.flowId });
    expect(await consent(start.url)).toContain('Connexion réussie');
    expect(await finish).toMatchObject({ ok: true, value: { account: OWN, connected: true } });
    expect(await keychain.get(oauthAccountKey(ownKey))).toBe(oauth.refreshTokens.at(-1));

    const received = app.server.received.length;
    const batch = await send(invoices(1));
    expect(await settled(batch.id)).toMatchObject({ state: 'done' });
    expect(app.server.received).toHaveLength(received + 1);
    expect(app.server.received.at(-1)?.envelope.mailFrom).toMatchObject({ address: OWN });
    expect(authUsers.at(-1)).toBe(OWN);

    expect(await ok('smtp:oauthRevokeOwn', { facilityId: null })).toMatchObject({
      connected: false,
    });
    expect(await keychain.get(oauthAccountKey(ownKey))).toBeNull();
  });

  it('never writes a refresh token outside the keychain (file, prefs, logs, results)', () => {
    expect(oauth.refreshTokens.length).toBeGreaterThanOrEqual(3);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(app.dataDir);
    const dbFile = app.db().name;
    if (!files.includes(dbFile)) files.push(dbFile);
    const haystacks = [
      ...files.map((f) => fs.readFileSync(f).toString('latin1')),
      logs.join('\n'),
      results.join('\n'),
    ];
    for (const token of oauth.refreshTokens) {
      for (const form of [token, Buffer.from(token).toString('base64')]) {
        for (const text of haystacks) expect(text.includes(form)).toBe(false);
      }
    }
  });
});
