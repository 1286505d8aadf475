// « Tester la connexion » against real smtp-server instances on 127.0.0.1: what works says which
// mode it used; what fails gives the French diagnosis the administrator will read (wrong
// password, SSL/TLS mismatch both ways, closed port, untrusted or changed certificate), and a
// self-signed certificate passes only when pinned by its fingerprint.
import { afterAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../../src/main/mail/smtp/check';
import { autoCandidates, type Timeouts } from '../../../../src/main/mail/smtp/transport';
import type { SmtpSettings } from '../../../../src/shared/contract';
import {
  closedPort,
  selfSignedCertificate,
  startSmtp,
  type TestSmtp,
} from '../../../fixtures/smtp';
import { tempDir } from '../../../helpers';

const PASSWORD = 'Cl3f-Sècrète!2026';
const USER = 'factures@tilleuls.example';
const dataDir = tempDir();
// Short waits: a wrong mode shows as silence, and these servers answer in milliseconds.
const timeouts: Timeouts = { connectionMs: 3_000, greetingMs: 1_500, socketMs: 5_000 };
const servers: TestSmtp[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function server(mode: 'plain' | 'starttls' | 'tls', certName?: string) {
  const started = await startSmtp({
    mode,
    auth: { user: USER, pass: PASSWORD },
    ...(certName ? { certificate: selfSignedCertificate(certName) } : {}),
  });
  servers.push(started);
  return started;
}

function settings(
  port: number | null,
  security: SmtpSettings['security'],
  extra: Partial<SmtpSettings> = {},
): SmtpSettings {
  return {
    host: '127.0.0.1',
    port,
    security,
    auth: 'password',
    username: USER,
    pinnedCertificate: null,
    ...extra,
  };
}

const pin = (s: TestSmtp) => ({
  fingerprint256: s.certificate.fingerprint256,
  pem: s.certificate.cert,
  subject: 'CN=pli-test',
  acceptedAt: '2026-10-01T08:00:00Z',
  acceptedBy: 'Claire Martin',
});

const test = (s: SmtpSettings, password: string | null = PASSWORD) =>
  testConnection(s, password, { dataDir, timeouts });

describe('Tester la connexion', () => {
  it('connects, authenticates and says which mode it used', async () => {
    const plain = await server('plain');
    const result = await test(settings(plain.port, 'none'));
    expect(result).toMatchObject({ ok: true, used: { port: plain.port, security: 'none' } });
    expect(result.message).toContain(`port ${plain.port}`);
    expect(plain.authAttempts).toEqual([PASSWORD]);
  });

  it('reports a wrong password in French, as a pause of the batch, without the password', async () => {
    const plain = await server('plain');
    const result = await test(settings(plain.port, 'none'), 'mauvais-mot-de-passe');
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toMatchObject({ code: 'SMTP_AUTH_FAILED', kind: 'pause' });
    expect(result.diagnosis?.reply).toMatch(/^535 5\.7\.8/);
    expect(result.message).toMatch(/refuse l’identifiant ou le mot de passe/);
    expect(JSON.stringify(result)).not.toContain('mauvais-mot-de-passe');
  });

  it('diagnoses SSL/TLS against a plain server', async () => {
    const plain = await server('plain');
    const result = await test(settings(plain.port, 'tls'));
    expect(result.diagnosis).toMatchObject({ code: 'SMTP_TLS_MISMATCH', kind: 'pause' });
    expect(result.message).toMatch(/SSL\/TLS et STARTTLS confondus/);
  });

  it('diagnoses plain text and STARTTLS against an implicit TLS server', async () => {
    const secure = await server('tls');
    for (const security of ['none', 'starttls'] as const) {
      const result = await test(settings(secure.port, security));
      expect(result.diagnosis?.code, security).toBe('SMTP_TLS_MISMATCH');
    }
  });

  it('diagnoses STARTTLS on a server that does not offer it', async () => {
    const plain = await server('plain');
    const result = await test(settings(plain.port, 'starttls'));
    expect(result.diagnosis).toMatchObject({ code: 'SMTP_TLS_MISMATCH', kind: 'pause' });
  });

  it('says a closed port is closed or blocked', async () => {
    const result = await test(settings(await closedPort(), 'tls'));
    expect(result.diagnosis).toMatchObject({ code: 'SMTP_PORT_BLOCKED', reply: null });
    expect(result.message).toMatch(/fermé ou bloqué/);
  });

  it('refuses a self-signed certificate by default and shows it for an explicit acceptance', async () => {
    for (const mode of ['tls', 'starttls'] as const) {
      const s = await server(mode);
      const result = await test(settings(s.port, mode));
      expect(result.diagnosis?.code, mode).toBe('SMTP_CERT_UNTRUSTED');
      expect(result.certificate).toMatchObject({
        fingerprint256: s.certificate.fingerprint256,
        selfSigned: true,
      });
    }
  });

  it('accepts that certificate only once pinned, and notices when it changes', async () => {
    for (const mode of ['tls', 'starttls'] as const) {
      const s = await server(mode);
      const pinned = settings(s.port, mode, { pinnedCertificate: pin(s) });
      expect(await test(pinned), mode).toMatchObject({ ok: true, used: { security: mode } });

      const other = await server(mode, 'pli-test-other');
      const changed = await test({ ...pinned, port: other.port });
      expect(changed.diagnosis?.code, mode).toBe('SMTP_CERT_CHANGED');
      expect(changed.certificate?.fingerprint256).toBe(other.certificate.fingerprint256);
    }
  });

  it('finds the working mode automatically and says which', async () => {
    const secure = await server('tls');
    const found = await test(settings(secure.port, 'auto', { pinnedCertificate: pin(secure) }));
    expect(found).toMatchObject({ ok: true, used: { port: secure.port, security: 'tls' } });
    expect(found.message).toMatch(/SSL\/TLS \(trouvé par la détection automatique\)/);

    const plain = await server('plain');
    const plainFound = await test(settings(plain.port, 'auto'));
    expect(plainFound).toMatchObject({ ok: true, used: { port: plain.port, security: 'none' } });

    const upgrade = await server('starttls');
    const upgradeFound = await test(
      settings(upgrade.port, 'auto', { pinnedCertificate: pin(upgrade) }),
    );
    expect(upgradeFound).toMatchObject({ ok: true, used: { security: 'starttls' } });
  });

  it('stops the automatic search at a wrong password: the mode is right, the password is not', async () => {
    const secure = await server('tls');
    const result = await test(
      settings(secure.port, 'auto', { pinnedCertificate: pin(secure) }),
      'faux',
    );
    expect(result.diagnosis?.code).toBe('SMTP_AUTH_FAILED');
    expect(secure.authAttempts).toEqual(['faux']);
  });

  it('tries 465 SSL/TLS, then 587 STARTTLS, then 25 when no port is given', () => {
    expect(autoCandidates(null)).toEqual([
      { port: 465, security: 'tls' },
      { port: 587, security: 'starttls' },
      { port: 25, security: 'starttls' },
      { port: 25, security: 'none' },
    ]);
  });
});
