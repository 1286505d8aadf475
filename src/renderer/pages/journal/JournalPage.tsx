// Journal des factures: filters (établissement or all, période or all, search, drafts), the
// month's billing run of the chosen facility, and the journal of factures and avoirs with their
// PDFs — every invoice of the network when asked, read in windows as the table scrolls
// (useInvoiceWindows). Other workstations' changes and messages leaving refresh it in place
// (data:changed, mail:progress).
import { useCallback, useState } from 'react';
import type { EnvelopeState, Facility, InvoiceStatus, JournalSort } from '../../../shared/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { toContractError } from '../../client';
import { useCall, useDebounced, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { useSession } from '../../session/SessionContext';
import { BillingRunPanel } from './BillingRunPanel';
import { currentPeriod, isPeriod, shiftPeriod } from './dates';
import { InvoiceDetail } from './InvoiceDetail';
import { InvoiceTable } from './InvoiceTable';
import { SentFilter } from './SentFilter';
import { PdfReportContext, type PdfReport } from './PdfButtons';
import { useInvoiceWindows } from './useInvoiceWindows';
import './journal.css';

const t = fr.billing;

export function JournalPage() {
  const [facilities] = useCall('facilities:list', {});
  return (
    <section className="page journal">
      <h1>{t.title}</h1>
      <p className="intro">{t.intro}</p>
      {facilities.status === 'loading' && <p role="status">{fr.loading}</p>}
      {facilities.status === 'error' && <ErrorNotice error={facilities.error} />}
      {facilities.status === 'ok' &&
        (facilities.value.length === 0 ? (
          <p className="placeholder">{t.noFacility}</p>
        ) : (
          <Journal facilities={facilities.value} />
        ))}
    </section>
  );
}

function Journal({ facilities }: { facilities: Facility[] }) {
  const { user } = useSession();
  const f = t.filters;
  /** Null: every facility of the network. */
  const [facilityId, setFacilityId] = useState<number | null>(facilities[0]?.id ?? null);
  const [month, setMonth] = useState(currentPeriod());
  const [allPeriods, setAllPeriods] = useState(false);
  const period = allPeriods ? null : month;
  const [monthInput, setMonthInput] = useState(month);
  const [search, setSearch] = useState('');
  const [drafts, setDrafts] = useState(false);
  const [envelope, setEnvelope] = useState<EnvelopeState | null>(null);
  const [status, setStatus] = useState<InvoiceStatus | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [sort, setSort] = useState<JournalSort | null>(null);
  const [pdfNotice, setPdfNotice] = useState<Parameters<PdfReport>[0] | null>(null);
  const query = useDebounced(search, 200);
  const journal = {
    facilityId,
    period,
    search: query,
    includeDrafts: drafts,
    envelope,
    status,
    sort,
  };
  const windows = useInvoiceWindows(journal);
  const reload = windows.refresh;
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );
  // Envelopes change as a batch's messages leave, on any workstation's queue.
  useEvent(
    'mail:progress',
    useCallback(() => reload(), [reload]),
  );

  const choosePeriod = (next: string) => {
    setMonthInput(next);
    if (isPeriod(next)) {
      setMonth(next);
      setOpenId(null);
    }
  };

  return (
    <PdfReportContext.Provider value={setPdfNotice}>
      <div className="toolbar" role="search" aria-label={f.label}>
        <Field label={f.facility}>
          <select
            value={facilityId ?? ''}
            onChange={(event) => {
              setFacilityId(event.target.value === '' ? null : Number(event.target.value));
              setOpenId(null);
            }}
          >
            {facilities.map((facility) => (
              <option key={facility.id} value={facility.id}>
                {facility.name}
              </option>
            ))}
            {/* Last, so that the first facility stays the first choice and the default. */}
            <option value="">{f.allFacilities}</option>
          </select>
        </Field>
        <div className="period-picker">
          <button
            type="button"
            disabled={allPeriods}
            onClick={() => choosePeriod(shiftPeriod(month, -1))}
          >
            {f.previous}
          </button>
          <Field label={f.period}>
            <input
              type="month"
              required
              disabled={allPeriods}
              value={monthInput}
              onChange={(event) => choosePeriod(event.target.value)}
            />
          </Field>
          <button
            type="button"
            disabled={allPeriods}
            onClick={() => choosePeriod(shiftPeriod(month, 1))}
          >
            {f.next}
          </button>
          <label className="check">
            <input
              type="checkbox"
              checked={allPeriods}
              onChange={(event) => {
                setAllPeriods(event.target.checked);
                setOpenId(null);
              }}
            />
            {f.allPeriods}
          </label>
        </div>
        <Field label={f.search}>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </Field>
        <SentFilter
          envelope={envelope}
          status={status}
          onEnvelope={setEnvelope}
          onStatus={setStatus}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={drafts}
            onChange={(event) => setDrafts(event.target.checked)}
          />
          {f.drafts}
        </label>
      </div>
      {facilityId !== null && period !== null && (
        <BillingRunPanel
          key={`${facilityId}:${period}`}
          facilityId={facilityId}
          period={period}
          canBill={user.canBill}
          onChanged={reload}
        />
      )}
      {pdfNotice &&
        ('opened' in pdfNotice ? (
          <p className="notice notice-ok" role="status">
            {t.pdf.opened(pdfNotice.opened)}
          </p>
        ) : (
          <ErrorNotice error={toContractError(pdfNotice.error)} />
        ))}
      <h2 id="journal-title">{t.journal.title(period)}</h2>
      {openId !== null && (
        <InvoiceDetail
          key={openId}
          id={openId}
          canBill={user.canBill}
          onOpen={setOpenId}
          onClose={() => setOpenId(null)}
          onChanged={reload}
        />
      )}
      {windows.error && <ErrorNotice error={windows.error} />}
      <p className="journal-count" role="status" data-testid="journal-count">
        {windows.total === null ? fr.loading : t.journal.count(windows.total)}
      </p>
      {windows.total !== null && (
        <InvoiceTable
          total={windows.total}
          rowAt={windows.rowAt}
          onVisible={windows.show}
          loading={windows.loading}
          scrollKey={JSON.stringify(journal)}
          selected={openId}
          onSelect={setOpenId}
          sort={sort}
          onSort={setSort}
        />
      )}
    </PdfReportContext.Provider>
  );
}
