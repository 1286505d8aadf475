// The « Envoyer » button of Envoi groupé, with the invoices ticked to go. Sending arrives with
// the send queue (mail:enqueue, issue 6), which wires this button; until then it says so.
import { frSend } from '../../i18n/fr-send';

export function SendBar({ invoiceIds, readOnly }: { invoiceIds: number[]; readOnly: boolean }) {
  return (
    <div className="send-bar">
      <button type="button" className="primary" disabled aria-describedby="send-later">
        {frSend.send.button(invoiceIds.length)}
      </button>
      {!readOnly && (
        <span id="send-later" className="muted">
          {frSend.send.later}
        </span>
      )}
    </div>
  );
}
