// « Envoyer N e-mails ? »: the pace of this batch (the association's by default) and the time it
// will take at that pace, then mail:send. When the sending account's password is not known on
// this workstation the answer is SMTP_PASSWORD_REQUIRED: the dialog asks for it (with
// « Mémoriser sur ce poste ») and sends again. Once the batch exists its progress panel opens,
// above every page.
import { useState } from 'react';
import type { MailSendInput, Throttle } from '../../../shared/contract';
import { useBatches } from '../../batches/BatchesContext';
import { plannedSeconds } from '../../batches/eta';
import { PasswordPrompt, type PasswordValue } from '../../batches/PasswordFields';
import { client } from '../../client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks';
import { formatDuration, frSendProgress } from '../../i18n/fr-send-progress';
import { SendError } from './SendError';

const t = frSendProgress.confirm;
type SendRequest = Omit<MailSendInput, 'throttle' | 'password'>;

function seconds(ms: number) {
  return Math.round(ms / 100) / 10;
}

export function SendDialog({
  request,
  defaults,
  onClose,
}: {
  request: SendRequest;
  defaults: Throttle;
  onClose: () => void;
}) {
  const { open, update } = useBatches();
  const action = useAction();
  const [throttle, setThrottle] = useState(defaults);
  const [password, setPassword] = useState<PasswordValue | null>(null);
  const count = request.invoiceIds.length;
  const eta = plannedSeconds(count, throttle);
  const number = (value: string) => Math.max(0, Number(value) || 0);

  async function send() {
    const batch = await action.run(() =>
      client.call('mail:send', {
        ...request,
        throttle,
        ...(password?.value ? { password } : {}),
      }),
    );
    if (batch) {
      update(batch);
      open(batch.id);
      onClose();
    }
  }
  const asked = action.error?.code === 'SMTP_PASSWORD_REQUIRED';
  if (asked && !password) setPassword({ value: '', remember: true });
  return (
    <Dialog title={t.title(count)} busy={action.busy} onClose={onClose} className="send-confirm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <p>{t.intro}</p>
        <div className="send-throttle">
          <Field label={t.interval}>
            <input
              type="number"
              min={0}
              max={600}
              step={0.5}
              value={seconds(throttle.intervalMs)}
              onChange={(e) =>
                setThrottle({ ...throttle, intervalMs: Math.round(number(e.target.value) * 1000) })
              }
            />
          </Field>
          <Field label={t.pauseEvery}>
            <input
              type="number"
              min={0}
              max={10000}
              value={throttle.pauseEvery}
              onChange={(e) =>
                setThrottle({ ...throttle, pauseEvery: Math.round(number(e.target.value)) })
              }
            />
          </Field>
          <Field label={t.pauseSeconds}>
            <input
              type="number"
              min={0}
              max={3600}
              value={seconds(throttle.pauseMs)}
              onChange={(e) =>
                setThrottle({ ...throttle, pauseMs: Math.round(number(e.target.value) * 1000) })
              }
            />
          </Field>
        </div>
        <p role="status" data-testid="send-eta">
          {eta > 0 ? t.eta(formatDuration(eta)) : t.etaNone}
        </p>
        <p className="muted">{t.keepOpen}</p>
        {password && <PasswordPrompt password={password} onChange={setPassword} />}
        {action.error && !asked && <SendError error={action.error} />}
        {action.busy && <p role="status">{t.sending}</p>}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={action.busy || (password !== null && password.value === '')}
          >
            {password ? frSendProgress.password.submit : t.send(count)}
          </button>
          <button type="button" disabled={action.busy} onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
