// The « Envoyer » button of Envoi groupé, with the invoices ticked to go: it opens the
// confirmation (pace, time it will take, password when needed) that creates the batch.
import { useState } from 'react';
import { DEFAULT_QUEUE_SETTINGS, type MailSendInput } from '../../../shared/contract';
import { useCall } from '../../hooks';
import { frSend } from '../../i18n/fr-send';
import { SendDialog } from './SendDialog';

export function SendBar({
  request,
  readOnly,
  blocked = null,
}: {
  request: Omit<MailSendInput, 'throttle' | 'password'>;
  readOnly: boolean;
  /** Why « Envoyer » cannot be used now (the edited text has a problem); null: it can. */
  blocked?: string | null;
}) {
  const [confirming, setConfirming] = useState(false);
  const [settings] = useCall('mailqueue:get', {});
  const count = request.invoiceIds.length;
  const { intervalMs, pauseEvery, pauseMs } =
    settings.status === 'ok' ? settings.value : DEFAULT_QUEUE_SETTINGS;
  return (
    <div className="send-bar">
      <button
        type="button"
        className="primary"
        disabled={readOnly || count === 0 || blocked !== null}
        onClick={() => setConfirming(true)}
      >
        {frSend.send.button(count)}
      </button>
      {!readOnly && count === 0 && <span className="muted">{frSend.send.none}</span>}
      {!readOnly && blocked && (
        <span className="notice notice-error" role="alert">
          {blocked}
        </span>
      )}
      {confirming && (
        <SendDialog
          request={request}
          defaults={{ intervalMs, pauseEvery, pauseMs }}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
