// « Imprimer les lettres » and « Envoyer les relances » for the ticked payers. Printing opens the
// letters' PDF as « Voir le PDF » of the journal does (Electron: the system's viewer; browser: a
// new tab on the web host). Sending asks for the account's password when it is not known on
// this workstation, then opens the batch's progress panel. Both record the reminders, so the
// list reloads with the levels moved up.
import { useState } from 'react';
import { useBatches } from '../../batches/BatchesContext';
import { PasswordFields, type PasswordValue } from '../../batches/PasswordFields';
import { client } from '../../client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks';
import { frReminders } from '../../i18n/fr-reminders';
import { frSendProgress } from '../../i18n/fr-send-progress';

const t = frReminders;

export function ReminderActions({
  email,
  invoiceIds,
  canPrint,
  canSend,
  onDone,
}: {
  email: boolean;
  invoiceIds: number[];
  canPrint: boolean;
  canSend: boolean;
  onDone: () => void;
}) {
  const action = useAction();
  const { open, update } = useBatches();
  const [notice, setNotice] = useState<{ text: string; url: string | null } | null>(null);
  const [password, setPassword] = useState<PasswordValue | null>(null);
  /** The password request the user closed: not asked again until the next refusal. */
  const [dismissed, setDismissed] = useState<unknown>(null);
  const none = invoiceIds.length === 0;

  async function print() {
    setNotice(null);
    const printed = await action.run(() => client.call('reminders:print', { invoiceIds }));
    if (!printed) return;
    if (printed.url) window.open(printed.url, '_blank', 'noopener');
    setNotice({
      text: printed.opened
        ? t.openedIn(printed.letters, printed.fileName)
        : t.printed(printed.letters, printed.fileName),
      url: printed.url,
    });
    onDone();
  }

  async function send() {
    setNotice(null);
    const sent = await action.run(() =>
      client.call('reminders:send', {
        invoiceIds,
        ...(password?.value ? { password } : {}),
      }),
    );
    if (!sent) return;
    setPassword(null);
    for (const batch of sent.batches) update(batch);
    const [first] = sent.batches;
    if (first) open(first.id);
    setNotice({ text: t.sent(sent.messages), url: null });
    onDone();
  }

  const asked = action.error?.code === 'SMTP_PASSWORD_REQUIRED' && action.error !== dismissed;
  if (asked && !password) setPassword({ value: '', remember: true });
  const cancelPassword = () => {
    setDismissed(action.error);
    setPassword(null);
  };
  return (
    <div className="reminders-actions">
      <div className="reminders-bar">
        {email ? (
          <button
            type="button"
            className="primary"
            disabled={!canSend || none || action.busy}
            onClick={() => void send()}
          >
            {t.send}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!canPrint || none || action.busy}
            onClick={() => void print()}
          >
            {t.print}
          </button>
        )}
        {none && <span className="muted">{t.none}</span>}
      </div>
      {action.busy && <p role="status">{email ? t.sending : t.printing}</p>}
      {action.error && !asked && <ErrorNotice error={action.error} />}
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice.text}{' '}
          {notice.url && (
            <a href={notice.url} target="_blank" rel="noopener">
              {t.openAgain}
            </a>
          )}
        </p>
      )}
      {password && (
        <Dialog title={t.passwordTitle} busy={action.busy} onClose={cancelPassword}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <p>{frSendProgress.password.intro}</p>
            <PasswordFields password={password} onChange={setPassword} />
            {action.error && !asked && <ErrorNotice error={action.error} />}
            <div className="actions">
              <button
                type="submit"
                className="primary"
                disabled={action.busy || password.value === ''}
              >
                {frSendProgress.password.submit}
              </button>
              <button type="button" disabled={action.busy} onClick={cancelPassword}>
                {t.cancel}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
