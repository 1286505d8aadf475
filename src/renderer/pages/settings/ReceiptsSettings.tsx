// Paramètres › Accusés de réception (administrator only): the IMAP mailbox where read receipts
// and bounces arrive (host, port, security with the certificate always verified, login, folder),
// its password (to this workstation's keychain, or copied from the sending account's when both
// use the same login), « Tester la connexion » with the French diagnosis, and « Vérifier
// maintenant ». The last check, by any workstation, is shown with its outcome.
import { useState } from 'react';
import type {
  ReceiptCheckResult,
  ReceiptSettings,
  ReceiptSettingsDetail,
  ReceiptTestResult,
} from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frReceipts as t } from '../../i18n/fr-receipts';
import { LoginFields, parsePort, ServerFields, usePasswordEntry } from './ServerFields';
import { RememberRow } from './SmtpParts';

type Draft = Omit<ReceiptSettings, 'port'> & { port: string };
const DEFAULT_PORTS = { tls: '993', starttls: '143', none: '143' } as const;

function Status({ detail }: { detail: ReceiptSettingsDetail }) {
  const { cursor } = detail;
  if (!cursor.lastCheckAt) return <p className="placeholder">{t.never}</p>;
  return (
    <div data-testid="receipts-status">
      <p className="placeholder">
        {t.lastCheck(cursor.lastCheckAt, cursor.lastCheckBy)} {t.recorded(cursor.recorded)}
      </p>
      {cursor.lastError && <p className="notice notice-warning">{t.lastError(cursor.lastError)}</p>}
    </div>
  );
}

function Editor({ detail }: { detail: ReceiptSettingsDetail }) {
  const [current, setCurrent] = useState(detail);
  const [draft, setDraft] = useState<Draft>({
    ...detail.settings,
    port: String(detail.settings.port),
  });
  const password = usePasswordEntry();
  const [useSmtp, setUseSmtp] = useState(false);
  const [badPort, setBadPort] = useState(false);
  const [tested, setTested] = useState<ReceiptTestResult | null>(null);
  const [checked, setChecked] = useState<ReceiptCheckResult | null>(null);
  const { error, done, busy, run } = useAction();

  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const settings = (): ReceiptSettings | null => {
    const port = parsePort(draft.port);
    setBadPort(port === null);
    return port === null ? null : { ...draft, port };
  };
  const secret = () =>
    useSmtp && current.smtpPasswordReusable ? { useSmtpPassword: true } : password.typed();
  const clear = () => {
    setTested(null);
    setChecked(null);
  };

  const save = async (forgetPassword = false) => {
    const s = settings();
    if (!s) return;
    clear();
    const saved = await run(() =>
      client.call('receipts:save', {
        version: current.version,
        settings: s,
        ...(forgetPassword ? { forgetPassword } : secret()),
      }),
    );
    if (saved) {
      setCurrent(saved);
      password.setValue('');
      setUseSmtp(false);
    }
  };
  const test = async () => {
    const s = settings();
    if (!s) return;
    clear();
    const outcome = await run(() => client.call('receipts:test', { settings: s, ...secret() }));
    if (outcome) setTested(outcome);
  };
  const checkNow = async () => {
    clear();
    const outcome = await run(() => client.call('receipts:check', {}));
    // The cursor changed (on success or failure): show where it stands now.
    const fresh = await client.call('receipts:settings', {}).catch(() => null);
    if (fresh) setCurrent(fresh);
    if (outcome) setChecked(outcome);
  };

  return (
    <section className="editor" aria-label={t.label}>
      <p className="placeholder">{t.intro}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        {t.enabled}
      </label>
      <div className="grid">
        <ServerFields
          text={t}
          securities={['tls', 'starttls', 'none'] as const}
          value={draft}
          onChange={(changes) => {
            const { security } = changes;
            // A port left at the old mode's usual value follows the new mode.
            const usual = security !== undefined && draft.port === DEFAULT_PORTS[draft.security];
            set(usual ? { ...changes, port: DEFAULT_PORTS[security] } : changes);
          }}
        />
        <LoginFields
          text={t}
          username={draft.username}
          onUsername={(username) => set({ username })}
          password={password}
          known={current}
          disabled={useSmtp}
        />
        <TextField label={t.folder} value={draft.folder} onChange={(folder) => set({ folder })} />
      </div>
      {draft.security === 'none' && <p className="notice notice-warning">{t.noTls}</p>}
      {current.smtpPasswordReusable && (
        <label className="check">
          <input type="checkbox" checked={useSmtp} onChange={(e) => setUseSmtp(e.target.checked)} />
          {t.useSmtp}
        </label>
      )}
      <RememberRow
        password={password}
        saved={current.passwordSaved}
        busy={busy}
        onForget={() => void save(true)}
      />
      {badPort && (
        <div className="notice notice-error" role="alert">
          {t.badPort}
        </div>
      )}
      {tested && (
        <div
          className={`notice ${tested.ok ? 'notice-ok' : 'notice-error'}`}
          role={tested.ok ? 'status' : 'alert'}
          data-testid="receipts-test"
        >
          {tested.message}
        </div>
      )}
      {checked && (
        <p className="notice notice-ok" role="status">
          {t.checked(checked.read, checked.recorded)}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {done && !tested && !checked && <p className="notice notice-ok">{t.saved}</p>}
      <Status detail={current} />
      <p className="placeholder">{t.automatic}</p>
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" disabled={busy} onClick={() => void test()}>
          {busy ? t.testing : t.test}
        </button>
        <button
          type="button"
          disabled={busy || !current.settings.enabled}
          onClick={() => void checkNow()}
        >
          {t.checkNow}
        </button>
      </div>
    </section>
  );
}

export function ReceiptsSettings() {
  const [state] = useCall('receipts:settings', {});
  return (
    <section className="page">
      <div className="page-header">
        <h2>{t.title}</h2>
      </div>
      {state.status === 'loading' && <p role="status">{fr.loading}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ok' && <Editor detail={state.value} />}
    </section>
  );
}
