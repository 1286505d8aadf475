// Shows the application once the shared database is open; before that, the first-start
// choice (empty or demo database) or the reason the file cannot be used, with a retry.
import { useCallback, useState, type ReactNode } from 'react';
import type { DbStatus } from '../../shared/contract';
import { client, ContractError, toContractError } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useCall, useEvent } from '../hooks';
import { fr } from '../i18n/fr';

function OpenFileForm({ disabled, onOpen }: { disabled: boolean; onOpen: (path: string) => void }) {
  const [path, setPath] = useState('');
  const t = fr.openFile;
  return (
    <form
      className="open-file"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim() !== '') onOpen(path.trim());
      }}
    >
      <label className="field">
        <span>{t.label}</span>
        <input
          value={path}
          placeholder={t.placeholder}
          onChange={(event) => setPath(event.target.value)}
        />
      </label>
      <button type="submit" disabled={disabled || path.trim() === ''}>
        {t.submit}
      </button>
    </form>
  );
}

export function DatabaseGate({ children }: { children: ReactNode }) {
  const [loaded] = useCall('db:status', {});
  const [pushed, setPushed] = useState<DbStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);
  useEvent(
    'db:changed',
    useCallback((status: DbStatus) => setPushed(status), []),
  );

  const run = async (action: () => Promise<DbStatus>) => {
    setBusy(true);
    setFailure(null);
    try {
      setPushed(await action());
    } catch (error) {
      setFailure(toContractError(error));
    } finally {
      setBusy(false);
    }
  };

  if (loaded.status === 'loading') return <p className="centered">{fr.loading}</p>;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const status = pushed ?? loaded.value;
  if (status.state === 'open') return <>{children}</>;

  const t = fr.firstRun;
  return (
    <main className="first-run">
      <h1>{status.state === 'missing' ? t.title : t.errorTitle}</h1>
      {status.state === 'missing' ? (
        <>
          <p>{t.missing}</p>
          <p>
            <code>{status.path}</code>
          </p>
          <p>{t.choose}</p>
          <div className="actions">
            <button
              disabled={busy}
              onClick={() => void run(() => client.call('db:create', { kind: 'empty' }))}
            >
              {t.createEmpty}
            </button>
            <button
              className="primary"
              disabled={busy}
              onClick={() => void run(() => client.call('db:create', { kind: 'demo' }))}
            >
              {t.createDemo}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            <code>{status.path}</code>
          </p>
          <ErrorNotice error={new ContractError(status.error)} />
          <div className="actions">
            <button disabled={busy} onClick={() => void run(() => client.call('db:retry', {}))}>
              {t.retry}
            </button>
          </div>
        </>
      )}
      <OpenFileForm
        disabled={busy}
        onOpen={(path) => void run(() => client.call('db:open', { path }))}
      />
      {busy && <p>{t.creating}</p>}
      {failure && <ErrorNotice error={failure} />}
    </main>
  );
}
