// Relances: the overdue invoices grouped by payer (reminders:list), a facility filter, the switch
// between « Mode courrier » (letters, one PDF) and « Mode e-mail » (the addresses column; payers
// without a usable address set apart with the reason), tick all / none, and the action of the
// mode. Every payer starts ticked; the list reloads when the shared file changes.
import { useCallback, useId, useState } from 'react';
import type { OverduePayer } from '../../../shared/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall, useEvent } from '../../hooks';
import { frReminders } from '../../i18n/fr-reminders';
import { useSession } from '../../session/SessionContext';
import { ReminderActions } from './ReminderActions';
import { ReminderTable } from './ReminderTable';
import './reminders.css';

const t = frReminders;

export function RemindersPage() {
  const { user } = useSession();
  const [facilities] = useCall('facilities:list', {});
  const [facilityId, setFacilityId] = useState<number | null>(null);
  const [email, setEmail] = useState(false);
  const [list, reload] = useCall('reminders:list', { facilityId });
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );
  const modeName = useId();
  return (
    <section className="page reminders">
      <h1>{t.title}</h1>
      <p className="intro">{t.intro}</p>
      {!user.canBill && (
        <p className="notice notice-warning" role="note">
          {t.readOnly}
        </p>
      )}
      <div className="toolbar">
        <Field label={t.facility}>
          <select
            value={facilityId ?? ''}
            onChange={(e) => setFacilityId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t.allFacilities}</option>
            {facilities.status === 'ok' &&
              facilities.value.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {facility.name}
                </option>
              ))}
          </select>
        </Field>
        <fieldset className="reminders-mode">
          <legend>{t.mode.legend}</legend>
          <label className="check">
            <input type="radio" name={modeName} checked={!email} onChange={() => setEmail(false)} />
            {t.mode.print}
          </label>
          <label className="check">
            <input type="radio" name={modeName} checked={email} onChange={() => setEmail(true)} />
            {t.mode.email}
          </label>
        </fieldset>
      </div>
      {list.status === 'loading' && <p role="status">{t.loading}</p>}
      {list.status === 'error' && <ErrorNotice error={list.error} />}
      {list.status === 'ok' &&
        (list.value.length === 0 ? (
          <p className="placeholder">{t.empty}</p>
        ) : (
          <Overdue
            payers={list.value}
            email={email}
            canPrint={user.canBill}
            canSend={user.canBill && user.canSend}
            showFacility={facilityId === null}
            onDone={reload}
          />
        ))}
    </section>
  );
}

function Overdue({
  payers,
  email,
  canPrint,
  canSend,
  showFacility,
  onDone,
}: {
  payers: OverduePayer[];
  email: boolean;
  canPrint: boolean;
  canSend: boolean;
  showFacility: boolean;
  onDone: () => void;
}) {
  // Unticked rather than ticked: a payer appearing after a reload starts ticked.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const reachable = email ? payers.filter((p) => p.emailIssue === null) : payers;
  const excluded = email ? payers.filter((p) => p.emailIssue !== null) : [];
  const ticked = new Set(reachable.filter((p) => !unticked.has(p.key)).map((p) => p.key));
  const invoiceIds = reachable
    .filter((p) => ticked.has(p.key))
    .flatMap((p) => p.invoices.map((i) => i.id));
  const readOnly = email ? !canSend : !canPrint;
  const setAll = (on: boolean) =>
    setUnticked(on ? new Set() : new Set(reachable.map((p) => p.key)));
  const toggle = (key: string) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <>
      <ReminderActions
        email={email}
        invoiceIds={invoiceIds}
        canPrint={canPrint}
        canSend={canSend}
        onDone={onDone}
      />
      <h2 id="reminders-title" className="sr-only">
        {t.title}
      </h2>
      <div className="reminders-tick-bar">
        <button type="button" disabled={readOnly} onClick={() => setAll(true)}>
          {t.tickAll}
        </button>
        <button type="button" disabled={readOnly} onClick={() => setAll(false)}>
          {t.tickNone}
        </button>
        <span role="status">{t.ticked(ticked.size, reachable.length)}</span>
      </div>
      <ReminderTable
        labelledBy="reminders-title"
        payers={reachable}
        email={email}
        ticked={ticked}
        onTick={toggle}
        readOnly={readOnly}
        showFacility={showFacility}
      />
      {excluded.length > 0 && (
        <>
          <h2 id="reminders-excluded-title">{t.emailExcludedTitle}</h2>
          <p className="muted">{t.emailExcludedIntro}</p>
          <ReminderTable
            labelledBy="reminders-excluded-title"
            payers={excluded}
            email={email}
            ticked={null}
            onTick={() => undefined}
            readOnly
            showFacility={showFacility}
          />
        </>
      )}
    </>
  );
}
