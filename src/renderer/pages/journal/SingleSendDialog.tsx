// « Envoyer par e-mail » of one issued invoice: tick any of the resident's and contacts'
// addresses (mail:recipients; the invoice addresses ticked first) or add a typed one, look at
// the message as it will leave (mail:preview with the same recipients), then send it through
// the send queue like Envoi groupé (mail:send with `to`): the progress panel shows it, and the
// password is asked here when the workstation does not know it. On a workstation whose method
// (Paramètres › Ce poste) is Outlook, Thunderbird or the default mail program, the same message
// is handed to that program instead (mail:handover) and the dialog says what to do next; when
// the program is missing or fails, « Envoyer par Pli » sends it through the queue after all.
import { useState } from 'react';
import type { InvoiceDetail, MailHandover, RecipientInfo } from '../../../shared/contract';
import { isValidEmail } from '../../../shared/email';
import { useBatches } from '../../batches/BatchesContext';
import { PasswordPrompt, type PasswordValue } from '../../batches/PasswordFields';
import { client } from '../../client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
import { frSend } from '../../i18n/fr-send';
import { frSendProgress } from '../../i18n/fr-send-progress';
import { frSingleSend as t } from '../../i18n/fr-single-send';
import { SendError } from '../send/SendError';
import './single-send.css';

const key = (address: string) => address.trim().toLowerCase();

function Preview({ invoiceId, to }: { invoiceId: number; to: string[] }) {
  const [preview] = useCall('mail:preview', { invoiceId, docType: 'facture', to });
  if (preview.status === 'loading') return <p role="status">{t.loading}</p>;
  if (preview.status === 'error') return <SendError error={preview.error} />;
  const mail = preview.value;
  return (
    <section className="single-send-preview" aria-label={t.previewLabel}>
      {mail.resend && <p className="notice notice-warning">{frSend.preview.resend}</p>}
      <dl className="send-headers">
        <dt>{t.to}</dt>
        <dd data-header="to">{mail.to.map((r) => r.address).join(', ')}</dd>
        <dt>{t.subject}</dt>
        <dd data-header="subject">
          <strong>{mail.subject}</strong>
        </dd>
        <dt>{t.attachments}</dt>
        <dd>{mail.attachments.map((a) => a.name).join(', ')}</dd>
      </dl>
      <pre className="send-body">{mail.text}</pre>
    </section>
  );
}

export function SingleSendDialog({
  invoice,
  onClose,
}: {
  invoice: InvoiceDetail;
  onClose: () => void;
}) {
  const [book] = useCall('mail:recipients', { invoiceId: invoice.id });
  const { open, update } = useBatches();
  const action = useAction();
  // Addresses added by hand, and the ticked ones (by lower-case address); null: not chosen yet.
  const [typed, setTyped] = useState<RecipientInfo[]>([]);
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [password, setPassword] = useState<PasswordValue | null>(null);
  const [prefs] = useCall('prefs:get', {});
  const [handed, setHanded] = useState<MailHandover | null>(null);
  const method = prefs.status === 'ok' ? prefs.value.mailMethod : 'smtp';

  const candidates = book.status === 'ok' ? [...book.value.candidates, ...typed] : typed;
  const chosen =
    ticked ?? new Set(book.status === 'ok' ? book.value.recipients.map((r) => key(r.address)) : []);
  const invoiceAddresses = new Set(
    book.status === 'ok' ? book.value.recipients.map((r) => key(r.address)) : [],
  );
  const to = candidates.filter((c) => chosen.has(key(c.address))).map((c) => c.address);

  const toggle = (address: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key(address));
    else next.delete(key(address));
    setTicked(next);
  };
  const addOther = () => {
    const address = other.trim();
    if (!isValidEmail(address)) return setOtherError(t.invalid(address));
    setOtherError(null);
    setOther('');
    if (!candidates.some((c) => key(c.address) === key(address)))
      setTyped([
        ...typed,
        { address, name: '', civilite: '', role: 'autre', contactId: null, language: 'fr' },
      ]);
    toggle(address, true);
  };

  const request = {
    facilityId: invoice.facilityId,
    period: invoice.period,
    invoiceIds: [invoice.id],
    requestReceipt: receipt,
    to,
  };
  /** Pli's own sending: the workstation's method, or the way out of a failed hand-off. */
  async function viaPli() {
    const batch = await action.run(() =>
      client.call('mail:send', { ...request, ...(password?.value ? { password } : {}) }),
    );
    if (batch) {
      update(batch);
      open(batch.id);
      onClose();
    }
  }
  async function send() {
    if (method === 'smtp' || password) return viaPli();
    const result = await action.run(() => client.call('mail:handover', request));
    if (result) setHanded(result);
  }
  const asked = action.error?.code === 'SMTP_PASSWORD_REQUIRED';
  const clientFailed = action.error?.code.startsWith('MAIL_CLIENT_') ?? false;

  if (handed) {
    return (
      <Dialog
        title={t.title(invoice.number)}
        busy={false}
        onClose={onClose}
        className="single-send"
      >
        <div role="status" className="notice notice-success">
          <p>{t.handed[handed.client]}</p>
          {handed.way === 'mailto' && (
            <>
              <p>{t.attachByHand(handed.folder)}</p>
              <ul>
                {handed.toAttach.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
          {handed.receiptByHand && <p>{t.receiptByHand}</p>}
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </Dialog>
    );
  }
  if (asked && !password) setPassword({ value: '', remember: true });

  return (
    <Dialog
      title={t.title(invoice.number)}
      busy={action.busy}
      onClose={onClose}
      className="single-send"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <fieldset>
          <legend>{t.recipients}</legend>
          {book.status === 'loading' && <p role="status">{t.loading}</p>}
          {book.status === 'error' && <SendError error={book.error} />}
          {book.status === 'ok' && candidates.length === 0 && (
            <p className="muted">{t.noCandidate}</p>
          )}
          <ul className="plain-list">
            {candidates.map((c) => (
              <li key={key(c.address)}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(key(c.address))}
                    onChange={(e) => toggle(c.address, e.target.checked)}
                  />{' '}
                  {c.name ? `${c.name} (${frSend.preview.roles[c.role]}) – ` : ''}
                  {c.address}
                  {invoiceAddresses.has(key(c.address)) && (
                    <small className="muted"> · {t.invoiceAddress}</small>
                  )}
                </label>
              </li>
            ))}
          </ul>
          <div className="single-send-other">
            <Field label={t.other}>
              <input
                type="email"
                value={other}
                aria-invalid={otherError !== null}
                onChange={(e) => setOther(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addOther();
                  }
                }}
              />
            </Field>
            <button type="button" disabled={other.trim() === ''} onClick={addOther}>
              {t.add}
            </button>
          </div>
          {otherError && (
            <p className="notice notice-error" role="alert">
              {otherError}
            </p>
          )}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={receipt} onChange={(e) => setReceipt(e.target.checked)} />{' '}
          {t.receipt}
        </label>
        <p className="muted">{method === 'smtp' ? t.method : t.external[method]}</p>
        <button type="button" aria-expanded={previewing} onClick={() => setPreviewing(!previewing)}>
          {previewing ? t.hidePreview : t.preview}
        </button>
        {previewing && to.length > 0 && <Preview invoiceId={invoice.id} to={to} />}
        {to.length === 0 && <p className="muted">{t.none}</p>}
        {password && <PasswordPrompt password={password} onChange={setPassword} />}
        {action.error && !asked && <SendError error={action.error} />}
        {clientFailed && (
          <p>
            <button type="button" disabled={action.busy} onClick={() => void viaPli()}>
              {t.viaPli}
            </button>
          </p>
        )}
        {action.busy && <p role="status">{method === 'smtp' ? t.sending : t.handing}</p>}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={
              // Until the workstation's method is known, the message could go the wrong way.
              prefs.status === 'loading' ||
              action.busy ||
              to.length === 0 ||
              (password !== null && password.value === '')
            }
          >
            {password
              ? frSendProgress.password.submit
              : method === 'smtp'
                ? t.send(to.length)
                : t.handTo[method]}
          </button>
          <button type="button" disabled={action.busy} onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
