// An invoice's envelope in the journal (icon + word, red when it failed, never colour alone),
// its tooltip (when, to whom, by whom from which workstation, the server's reply), and the
// invoice's message history for its panel.
import {
  errorMessages,
  smtpDiagnosisMessages,
  type EnvelopeState,
  type InvoiceEnvelope,
  type InvoiceMessage,
} from '../../../shared/contract';
import { fr } from '../../i18n/fr';
import { formatDateTimeFr } from '../../i18n/fr-envelopes';

const t = fr.envelopes;

const ICONS: Record<EnvelopeState, string> = {
  non_envoyee: '○',
  en_attente: '⏳',
  envoye: '✉',
  en_echec: '⚠',
  lu: '✓',
  rejete: '⛔',
  remis: '↗',
};

/** The envelope's words: « Remis à Thunderbird » names the program it was handed to. */
export function envelopeLabel(envelope: Pick<InvoiceEnvelope, 'state' | 'handedTo'>): string {
  return envelope.state === 'remis' && envelope.handedTo
    ? t.handedTo[envelope.handedTo]
    : t.states[envelope.state];
}

/** A failure's reason in French from its stable code, as the send panel words it. */
export function failureReason(code: string | null): string | null {
  if (code && Object.hasOwn(smtpDiagnosisMessages, code))
    return smtpDiagnosisMessages[code as keyof typeof smtpDiagnosisMessages];
  if (code && Object.hasOwn(errorMessages, code))
    return errorMessages[code as keyof typeof errorMessages];
  return null;
}

export function envelopeTooltip(envelope: InvoiceEnvelope): string {
  if (envelope.state === 'non_envoyee') return t.states.non_envoyee;
  const reason = envelope.state === 'en_echec' ? failureReason(envelope.errorCode) : null;
  const handed = envelope.state === 'remis';
  return [
    envelopeLabel(envelope),
    envelope.at && (handed ? t.tooltip.handedAt : t.tooltip.at)(envelope.at),
    envelope.recipients.length > 0 && t.tooltip.to(envelope.recipients),
    t.tooltip.by(envelope.sentBy, envelope.workstation),
    reason,
    envelope.state === 'lu' && envelope.receiptAt && t.tooltip.read(envelope.receiptAt),
    envelope.state === 'rejete' && envelope.receiptAt && t.tooltip.bounced(envelope.receiptAt),
    envelope.reply &&
      (envelope.state === 'rejete' ? t.tooltip.bounceReply : t.tooltip.reply)(envelope.reply),
    envelope.resentAfterInterruption && t.tooltip.resent,
    handed && t.tooltip.handedNote,
  ]
    .filter(Boolean)
    .join('\n');
}

export function EnvelopeBadge({ envelope }: { envelope: InvoiceEnvelope }) {
  return (
    <span
      className={`envelope envelope-${envelope.state}`}
      data-envelope={envelope.state}
      title={envelopeTooltip(envelope)}
    >
      <span aria-hidden="true" className="envelope-icon">
        {ICONS[envelope.state]}
      </span>{' '}
      {envelopeLabel(envelope)}
    </span>
  );
}

export function MessageHistory({ messages }: { messages: InvoiceMessage[] }) {
  const h = t.history;
  const c = h.columns;
  return (
    <section aria-label={h.title}>
      <h3>{h.title}</h3>
      {messages.length === 0 ? (
        <p className="placeholder">{h.empty}</p>
      ) : (
        <table className="table message-history">
          <caption className="sr-only">{h.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.at}</th>
              <th scope="col">{c.state}</th>
              <th scope="col">{c.kind}</th>
              <th scope="col">{c.to}</th>
              <th scope="col">{c.by}</th>
              <th scope="col">{c.reply}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => {
              const reason = m.state === 'failed' ? failureReason(m.errorCode) : null;
              return (
                <tr key={m.id} data-state={m.state}>
                  <th scope="row">{formatDateTimeFr(m.at)}</th>
                  <td className={m.state === 'failed' ? 'message-failed' : undefined}>
                    {m.handedTo ? t.handedTo[m.handedTo] : h.states[m.state]}
                    {m.resentAfterInterruption && <small className="muted"> ({h.resent})</small>}
                    {m.resendOf !== null && <small className="muted"> ({h.resendOf})</small>}
                    {m.attempts > 1 && <small className="muted"> · {h.attempts(m.attempts)}</small>}
                    {m.receipt && (
                      <span
                        className={m.receipt.effect === 'rejete' ? 'message-failed' : undefined}
                        data-receipt={m.receipt.effect}
                      >
                        {' '}
                        · {h.receipt[m.receipt.effect](m.receipt.at)}
                      </span>
                    )}
                  </td>
                  <td>{h.kinds[m.docType] ?? m.docType}</td>
                  <td>{m.recipients.join(', ')}</td>
                  <td>{h.by(m.sentBy, m.workstation)}</td>
                  <td>
                    {reason && <p className="message-reason">{reason}</p>}
                    {m.receipt?.effect === 'rejete' && m.receipt.detail && (
                      <p className="message-reason">{m.receipt.detail}</p>
                    )}
                    {m.reply && <code>{m.reply}</code>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
