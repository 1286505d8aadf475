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
}: {
  request: Omit<MailSendInput, 'throttle' | 'password'>;
  readOnly: boolean;
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
        disabled={readOnly || count === 0}
        onClick={() => setConfirming(true)}
      >
        {frSend.send.button(count)}
      </button>
      {!readOnly && count === 0 && <span className="muted">{frSend.send.none}</span>}
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
