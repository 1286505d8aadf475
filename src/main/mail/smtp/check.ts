// « Tester la connexion » and « Envoyer un e-mail de test »: the settings as typed (saved or not),
// a real connection, and a result the administrator can read: which mode worked, or the
// diagnosis in French with the server's reply, and the certificate when that is what failed.
import { PliError, type SmtpSettings, type SmtpTestResult } from '../../../shared/contract';
import { presentedCertificate } from './certificate';
import { classify, type Classified } from './diagnose';
import {
  isTestMode,
  ModeError,
  openTransport,
  type Credential,
  type OpenOptions,
  type SendResult,
  type WireMode,
} from './transport';

const securityLabels = { none: 'sans chiffrement', starttls: 'STARTTLS', tls: 'SSL/TLS' } as const;

function describeMode(mode: WireMode, detected: boolean): string {
  const how = `port ${mode.port}, ${securityLabels[mode.security]}`;
  return detected ? `${how} (trouvé par la détection automatique)` : how;
}

function modeOf(settings: SmtpSettings, error: unknown): WireMode | null {
  if (error instanceof ModeError) return error.mode;
  if (settings.security === 'auto' || settings.port === null) return null;
  return { port: settings.port, security: settings.security };
}

/** A failure, read by classify, sharpened where one more look at the server tells more. */
async function failure(settings: SmtpSettings, error: unknown): Promise<SmtpTestResult> {
  let diagnosis: Classified = classify(error);
  const mode = modeOf(settings, error);
  let certificate = null;
  if (
    mode &&
    (diagnosis.code === 'SMTP_CERT_UNTRUSTED' || diagnosis.code === 'SMTP_CERT_CHANGED')
  ) {
    certificate = await presentedCertificate(settings.host, mode);
    // With a pin in place, any other certificate is a change, not merely "untrusted".
    if (
      settings.pinnedCertificate &&
      certificate?.fingerprint256 !== settings.pinnedCertificate.fingerprint256
    ) {
      diagnosis = classify({ code: 'PLI_CERT_PIN_MISMATCH' });
    }
  }
  // A plain-text client waits forever for the greeting of a port that expects TLS first.
  if (mode && mode.security !== 'tls' && diagnosis.code === 'SMTP_TIMEOUT') {
    const speaksTls = await presentedCertificate(
      settings.host,
      { ...mode, security: 'tls' },
      5_000,
    );
    if (speaksTls) diagnosis = classify({ code: 'ETLS' });
  }
  const { slowDown: _s, serverWide: _w, ...shown } = diagnosis;
  return {
    ok: false,
    used: null,
    message: diagnosis.message,
    diagnosis: shown,
    certificate,
    outboxFile: null,
  };
}

function success(transportMode: WireMode | 'outbox', settings: SmtpSettings, what: string) {
  if (transportMode === 'outbox') {
    return {
      ok: true,
      used: null,
      message: `Mode test : aucun serveur n’est réglé, ${what} dans le dossier « outbox-test » de ce poste (rien ne part).`,
      diagnosis: null,
      certificate: null,
      outboxFile: null,
    } satisfies SmtpTestResult;
  }
  return {
    ok: true,
    used: transportMode,
    message: `${what[0]?.toUpperCase()}${what.slice(1)} : ${describeMode(transportMode, settings.security === 'auto')}.`,
    diagnosis: null,
    certificate: null,
    outboxFile: null,
  } satisfies SmtpTestResult;
}

export async function testConnection(
  settings: SmtpSettings,
  password: Credential,
  options: OpenOptions,
): Promise<SmtpTestResult> {
  if (isTestMode(settings)) return success('outbox', settings, 'les messages seront enregistrés');
  try {
    const transport = await openTransport(settings, password, options);
    try {
      await transport.verify();
    } finally {
      transport.close();
    }
    return success(transport.mode, settings, 'connexion réussie');
  } catch (error) {
    // A sign-in to renew (Microsoft 365 / Google) is the contract's error, not a diagnosis.
    if (error instanceof PliError) throw error;
    return failure(settings, error);
  }
}

export interface TestMail {
  from: string;
  to: string;
  workstation: string;
}

export async function sendTestMail(
  settings: SmtpSettings,
  password: Credential,
  mail: TestMail,
  options: OpenOptions,
): Promise<SmtpTestResult> {
  let sent: SendResult;
  let mode: WireMode | 'outbox';
  try {
    const transport = await openTransport(settings, password, options);
    mode = transport.mode;
    try {
      sent = await transport.send({
        from: mail.from,
        to: mail.to,
        subject: 'Pli — e-mail de test : réglages d’envoi vérifiés ✓',
        text:
          'Bonjour,\n\nCe message a été envoyé par Pli pour vérifier les réglages du serveur d’envoi ' +
          `depuis le poste « ${mail.workstation} ».\nS’il est bien arrivé, avec ses accents (é, è, à, ç, œ), ` +
          'les factures partiront de la même façon.\n\nVous pouvez supprimer ce message.',
      });
    } finally {
      transport.close();
    }
  } catch (error) {
    if (error instanceof PliError) throw error;
    return failure(settings, error);
  }
  if (mode === 'outbox') {
    return {
      ...success('outbox', settings, 'le message a été enregistré'),
      outboxFile: sent.response.replace(/^Mode test : enregistré dans /, ''),
    };
  }
  const result = success(mode, settings, `message envoyé à ${mail.to}`);
  return sent.rejected.length > 0
    ? { ...result, ok: false, message: `Le serveur a refusé ${sent.rejected.join(', ')}.` }
    : result;
}
