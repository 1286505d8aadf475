// Envoi groupé: for a facility and a period (by default the latest with issued factures), the
// pre-send check (mail:presend) with what will go and what will not, a general attachment, the
// accusé de réception, the subject and text of this send (BatchMessage), one invoice's own files
// (« Joindre » on its row), and « Aperçu du message » for one invoice with all of these;
// « Envoyer » turns the ticked invoices into a batch of the send queue (SendBar). A user who may not send (no email address,
// or the accueil profile) sees everything read-only.
import { useCallback, useState } from 'react';
import type { Facility, PresendInvoice } from '../../../shared/contract';
import { formatPeriodFr } from '../../../shared/money';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall, useDebounced, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frSend } from '../../i18n/fr-send';
import { frSendMessage } from '../../i18n/fr-send-message';
import { useSession } from '../../session/SessionContext';
import { BatchMessage, type BatchEdit } from './BatchMessage';
import { GeneralAttachments, type StoredAttachment } from './GeneralAttachments';
import { MessagePreview } from './MessagePreview';
import { canResend, ExcludedTable, PresendSummary, ReadyTable } from './PresendTables';
import { RowAttachments } from './RowAttachments';
import { SendBar } from './SendBar';
import './send.css';

const t = frSend;

export function BulkSendPage() {
  const [facilities] = useCall('facilities:list', {});
  const { user } = useSession();
  const readOnly = !user.canSend || !user.canBill;
  const [prefs] = useCall('prefs:get', {});
  const external = prefs.status === 'ok' && prefs.value.mailMethod !== 'smtp';
  return (
    <section className="page send">
      <h1>{t.title}</h1>
      <p className="intro">{t.intro}</p>
      {external && (
        <p className="notice" role="note" data-testid="bulk-via-pli">
          {t.bulkViaPli}
        </p>
      )}
      {readOnly && (
        <p className="notice notice-warning" role="note">
          {t.readOnly}
        </p>
      )}
      {facilities.status === 'loading' && <p role="status">{fr.loading}</p>}
      {facilities.status === 'error' && <ErrorNotice error={facilities.error} />}
      {facilities.status === 'ok' &&
        (facilities.value.length === 0 ? (
          <p className="placeholder">{t.noFacility}</p>
        ) : (
          <BulkSend facilities={facilities.value} readOnly={readOnly} />
        ))}
    </section>
  );
}

function BulkSend({ facilities, readOnly }: { facilities: Facility[]; readOnly: boolean }) {
  const [facilityId, setFacilityId] = useState(facilities[0]?.id ?? 0);
  const [chosen, setChosen] = useState<{ facilityId: number; period: string } | null>(null);
  const [setup] = useCall('mail:setup', { facilityId });
  const periods = setup.status === 'ok' ? setup.value.periods : [];
  const period = chosen?.facilityId === facilityId ? chosen.period : (periods[0]?.period ?? null);
  return (
    <>
      <div className="toolbar" role="search">
        <Field label={t.facility}>
          <select value={facilityId} onChange={(e) => setFacilityId(Number(e.target.value))}>
            {facilities.map((facility) => (
              <option key={facility.id} value={facility.id}>
                {facility.name}
              </option>
            ))}
          </select>
        </Field>
        {periods.length > 0 && period && (
          <Field label={t.period}>
            <select
              value={period}
              onChange={(e) => setChosen({ facilityId, period: e.target.value })}
            >
              {periods.map((p) => (
                <option key={p.period} value={p.period}>
                  {t.periodOption(formatPeriodFr(p.period), p.invoices)}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {setup.status === 'loading' && <p role="status">{fr.loading}</p>}
      {setup.status === 'error' && <ErrorNotice error={setup.error} />}
      {setup.status === 'ok' && !period && <p className="placeholder">{t.noPeriod}</p>}
      {setup.status === 'ok' && period && (
        <Check
          key={`${facilityId}:${period}`}
          facilityId={facilityId}
          period={period}
          receiptDefault={setup.value.requestReceipt}
          readOnly={readOnly}
        />
      )}
    </>
  );
}

function Check({
  facilityId,
  period,
  receiptDefault,
  readOnly,
}: {
  facilityId: number;
  period: string;
  receiptDefault: boolean;
  readOnly: boolean;
}) {
  const [general, setGeneral] = useState<StoredAttachment[]>([]);
  const [receipt, setReceipt] = useState(receiptDefault);
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const [resend, setResend] = useState<ReadonlySet<number>>(new Set());
  const [previewed, setPreviewed] = useState<PresendInvoice | null>(null);
  const [edit, setEdit] = useState<BatchEdit>({ message: null, valid: true });
  const [own, setOwn] = useState<ReadonlyMap<number, StoredAttachment[]>>(new Map());
  // The preview follows the text once the user pauses; while the text has a problem it keeps
  // the last text that could be sent (the problem itself is listed under the text).
  const [sendable, setSendable] = useState<BatchEdit['message']>(null);
  const shown = useDebounced(sendable, 400);
  const changeEdit = useCallback((next: BatchEdit) => {
    setEdit(next);
    if (next.valid) setSendable(next.message);
  }, []);
  const refs = general.map((file) => file.ref);
  const ownRefs = (invoiceId: number) => (own.get(invoiceId) ?? []).map((file) => file.ref);
  const [check, reload] = useCall('mail:presend', {
    facilityId,
    period,
    docType: 'facture',
    generalAttachments: refs,
  });
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );
  const mark =
    (set: (update: (s: ReadonlySet<number>) => ReadonlySet<number>) => void) =>
    (ids: number[], on: boolean) =>
      set((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      });
  const value = check.status === 'ok' ? check.value : null;
  const toSend = value
    ? [
        ...value.ready.filter((r) => !unticked.has(r.invoiceId)),
        ...value.excluded.filter((r) => canResend(r) && resend.has(r.invoiceId)),
      ].map((r) => r.invoiceId)
    : [];
  const tables = { readOnly, previewId: previewed?.invoiceId ?? null, onPreview: setPreviewed };
  const individualAttachments = toSend.flatMap((invoiceId) =>
    ownRefs(invoiceId).map((ref) => ({ invoiceId, ref })),
  );
  return (
    <>
      <BatchMessage facilityId={facilityId} readOnly={readOnly} onChange={changeEdit} />
      <GeneralAttachments files={general} readOnly={readOnly} onChange={setGeneral} />
      <label className="check">
        <input
          type="checkbox"
          checked={receipt}
          disabled={readOnly}
          onChange={(e) => setReceipt(e.target.checked)}
        />
        {t.receipt}
      </label>
      <p className="muted send-help">{t.receiptHelp}</p>
      {check.status === 'loading' && <p role="status">{t.checking}</p>}
      {check.status === 'error' && <ErrorNotice error={check.error} />}
      {value && (
        <>
          <PresendSummary check={value} />
          <SendBar
            readOnly={readOnly}
            blocked={edit.valid ? null : frSendMessage.message.blocked}
            request={{
              facilityId,
              period,
              docType: 'facture',
              invoiceIds: toSend,
              requestReceipt: receipt,
              attachmentRefs: refs,
              individualAttachments,
              ...(edit.message ? { message: edit.message } : {}),
            }}
          />
          {previewed && (
            <MessagePreview
              key={previewed.invoiceId}
              invoice={previewed}
              requestReceipt={receipt}
              generalAttachments={[...refs, ...ownRefs(previewed.invoiceId)]}
              message={shown}
              onClose={() => setPreviewed(null)}
            />
          )}
          <h2 id="send-ready-title">{t.readyTitle}</h2>
          <ReadyTable
            rows={value.ready}
            marked={unticked}
            onMark={mark(setUnticked)}
            renderOwn={(row) => (
              <RowAttachments
                row={row}
                files={own.get(row.invoiceId) ?? []}
                readOnly={readOnly}
                onChange={(files) =>
                  setOwn((current) => new Map(current).set(row.invoiceId, files))
                }
              />
            )}
            {...tables}
          />
          {value.excluded.length > 0 && (
            <>
              <h2 id="send-excluded-title">{t.excludedTitle}</h2>
              <ExcludedTable
                rows={value.excluded}
                marked={resend}
                onMark={mark(setResend)}
                {...tables}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
