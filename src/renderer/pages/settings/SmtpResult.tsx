// The outcome of « Tester la connexion » or « Envoyer un e-mail de test »: what worked (and the
// mode found by the automatic detection, to keep), or the French diagnosis with the server's
// reply; when the certificate is the problem, the certificate itself and an explicit button to
// accept that one certificate as an exception.
import type { PresentedCertificate, SmtpTestResult } from '../../../shared/contract';
import { frSmtp as t } from '../../i18n/fr-smtp';

function Certificate({
  certificate,
  onAccept,
}: {
  certificate: PresentedCertificate;
  onAccept: (certificate: PresentedCertificate) => void;
}) {
  return (
    <div className="notice notice-warning" data-testid="smtp-certificate">
      <p>
        <strong>{t.certificate}</strong>
      </p>
      <dl className="facts">
        <dt>{t.certSubject}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{t.certIssuer}</dt>
        <dd>{certificate.issuer}</dd>
        <dt>{t.certValidTo}</dt>
        <dd>{certificate.validTo}</dd>
        <dt>{t.certFingerprint}</dt>
        <dd>
          <code>{certificate.fingerprint256}</code>
        </dd>
      </dl>
      {certificate.selfSigned && <p>{t.certSelfSigned}</p>}
      <p>{t.acceptCertHelp}</p>
      <button type="button" onClick={() => onAccept(certificate)}>
        {t.acceptCert}
      </button>
    </div>
  );
}

export function SmtpResult({
  result,
  onAcceptCertificate,
  onUseFound,
  detected,
}: {
  result: SmtpTestResult;
  /** The automatic detection ran: offer to keep the mode it found. */
  detected: boolean;
  onAcceptCertificate: (certificate: PresentedCertificate) => void;
  onUseFound: (used: NonNullable<SmtpTestResult['used']>) => void;
}) {
  if (result.ok) {
    return (
      <div className="notice notice-ok" role="status" data-testid="smtp-result">
        <p>{result.message}</p>
        {result.outboxFile && <code>{result.outboxFile}</code>}
        {detected && result.used && (
          <button type="button" onClick={() => result.used && onUseFound(result.used)}>
            {t.useFound}
          </button>
        )}
      </div>
    );
  }
  return (
    <>
      <div
        className="notice notice-error"
        role="alert"
        data-testid="smtp-result"
        data-code={result.diagnosis?.code}
      >
        <p>{result.message}</p>
        {result.diagnosis?.reply && (
          <p>
            {t.reply} : <code>{result.diagnosis.reply}</code>
          </p>
        )}
      </div>
      {result.certificate && (
        <Certificate certificate={result.certificate} onAccept={onAcceptCertificate} />
      )}
    </>
  );
}
