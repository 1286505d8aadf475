// « Aperçu du message »: the email one family will receive, as sending resolves it (mail:preview
// writes nothing): From with its name, Reply-To, To, the copies, the subject, the text and the
// files. The blind copy is shown here only: recipients never see it.
import type { MailPreview, PresendInvoice } from '../../../shared/contract';
import type { TemplateText } from '../../../shared/templates';
import { useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { formatSize, frSend } from '../../i18n/fr-send';
import { SendError } from './SendError';

const t = frSend.preview;

function Headers({ mail }: { mail: MailPreview }) {
  return (
    <dl className="send-headers">
      <dt>{t.from}</dt>
      <dd data-header="from">
        {mail.from.name} &lt;{mail.from.address}&gt;
      </dd>
      <dt>{t.replyTo}</dt>
      <dd data-header="reply-to">
        {mail.replyTo ?? <span className="muted">{t.replyToSame}</span>}
      </dd>
      <dt>{t.to}</dt>
      <dd data-header="to">
        {mail.to.map((r) => (
          <div key={r.address}>
            {r.address}{' '}
            {r.name && (
              <small className="muted">
                ({r.name}, {t.roles[r.role]})
              </small>
            )}
          </div>
        ))}
      </dd>
      <dt>{t.cc}</dt>
      <dd data-header="cc" className="muted">
        {t.none}
      </dd>
      <dt>{t.bcc}</dt>
      <dd data-header="bcc">
        {mail.bcc.length > 0 ? mail.bcc.join(', ') : <span className="muted">{t.none}</span>}
      </dd>
      <dt>{t.subject}</dt>
      <dd data-header="subject">
        <strong>{mail.subject}</strong>
      </dd>
      <dt>{t.attachments}</dt>
      <dd data-header="attachments">
        <ul className="send-cell-list">
          {mail.attachments.map((a) => (
            <li key={`${a.kind}:${a.name}`}>
              {a.name} <small className="muted">({formatSize(a.sizeBytes ?? 0)})</small>
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

export function MessagePreview({
  invoice,
  requestReceipt,
  generalAttachments,
  message = null,
  onClose,
}: {
  invoice: PresendInvoice;
  requestReceipt: boolean;
  /** The send's files for all and this invoice's own ones. */
  generalAttachments: string[];
  /** The batch's edited subject and text; null: the template. */
  message?: TemplateText | null;
  onClose: () => void;
}) {
  const [preview] = useCall('mail:preview', {
    invoiceId: invoice.invoiceId,
    docType: 'facture',
    requestReceipt,
    generalAttachments,
    ...(message ? { message } : {}),
  });
  return (
    <section className="send-preview" aria-labelledby="send-preview-title">
      <div className="send-preview-head">
        <h2 id="send-preview-title">
          {t.title} <small className="muted">{t.of(invoice.number, invoice.residentName)}</small>
        </h2>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      {preview.status === 'loading' && <p role="status">{t.loading}</p>}
      {preview.status === 'error' && <SendError error={preview.error} />}
      {preview.status === 'ok' && (
        <>
          {preview.value.resend && <p className="notice notice-warning">{t.resend}</p>}
          <Headers mail={preview.value} />
          <pre className="send-body" aria-label={fr.templates.preview.label}>
            {preview.value.text}
          </pre>
          <p className="muted">
            {preview.value.requestReceipt ? t.receipt(preview.value.from.address) : t.noReceipt}
            {' · '}
            {t.senderMode[preview.value.senderMode]}{' '}
            {t.language(t.languages[preview.value.language])}
          </p>
        </>
      )}
    </section>
  );
}
