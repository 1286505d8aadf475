// « Compte Microsoft 365 » / « Compte Google » on Paramètres › Serveur d’envoi: the association's
// application registration (client ID, tenant, Google's desktop client secret, the endpoints for
// a test server), whether this workstation holds the sign-in, « Se connecter avec … » and
// « Révoquer l’accès ». The sign-in page opens in the system browser (Electron, from the main
// process) or, in the web host, in a new tab opened here; the call that follows waits until the
// browser comes back to Pli's loopback listener.
import { useState } from 'react';
import type { OAuthSettings, SmtpSettings } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks';
import { frSmtpOAuth as t } from '../../i18n/fr-smtp-oauth';

type Provider = 'microsoft' | 'google';

export function OAuthFields({
  provider,
  value,
  onChange,
}: {
  provider: Provider;
  value: OAuthSettings;
  onChange: (value: OAuthSettings) => void;
}) {
  const set = (changes: Partial<OAuthSettings>) => onChange({ ...value, ...changes });
  const endpoint = (key: 'authorizationEndpoint' | 'tokenEndpoint' | 'revocationEndpoint') => (
    <Field label={t[key]}>
      <input
        type="url"
        value={value[key]}
        placeholder={t.endpointsHelp}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </Field>
  );
  return (
    <>
      <p className="placeholder">{t.intro[provider]}</p>
      <div className="grid">
        <Field label={t.clientId}>
          <input
            value={value.clientId}
            autoComplete="off"
            onChange={(e) => set({ clientId: e.target.value })}
          />
        </Field>
        {provider === 'microsoft' ? (
          <Field label={t.tenant}>
            <input
              value={value.tenant}
              autoComplete="off"
              placeholder="organizations"
              onChange={(e) => set({ tenant: e.target.value })}
            />
          </Field>
        ) : (
          <Field label={t.clientSecret}>
            <input
              value={value.clientSecret}
              autoComplete="off"
              onChange={(e) => set({ clientSecret: e.target.value })}
            />
          </Field>
        )}
      </div>
      {provider === 'google' && <p className="placeholder">{t.clientSecretHelp}</p>}
      <details>
        <summary>{t.endpoints}</summary>
        <div className="grid">
          {endpoint('authorizationEndpoint')}
          {endpoint('tokenEndpoint')}
          {endpoint('revocationEndpoint')}
        </div>
      </details>
    </>
  );
}

/**
 * The sign-in state and its two buttons, for the settings as typed: `read` is called on a click
 * (null: the form is invalid and says why).
 */
export function OAuthConnection({
  provider,
  account,
  connected: initially,
  read,
}: {
  provider: Provider;
  account: string;
  connected: boolean;
  read: () => SmtpSettings | null;
}) {
  const [connected, setConnected] = useState<string | null>(null);
  const [known, setKnown] = useState(initially);
  const [notice, setNotice] = useState('');
  const [waiting, setWaiting] = useState(false);
  const { error, busy, run } = useAction();
  const shown = connected ?? (known ? account : null);

  const connect = async () => {
    const settings = read();
    if (!settings) return;
    setNotice('');
    const done = await run(async () => {
      const start = await client.call('smtp:oauthStart', { settings });
      // The web host: the browser's own tab. Electron opened the system browser already.
      if (!start.opened) window.open(start.url, '_blank', 'noopener');
      setWaiting(true);
      try {
        return await client.call('smtp:oauthFinish', { flowId: start.flowId });
      } finally {
        setWaiting(false);
      }
    });
    if (done) {
      setConnected(done.account);
      setKnown(true);
    }
  };
  const revoke = async () => {
    const settings = read();
    if (!settings) return;
    const done = await run(() => client.call('smtp:oauthRevoke', { settings }));
    if (done) {
      setConnected(null);
      setKnown(false);
      setNotice(done.revokedAtProvider ? t.revoked : t.revokedLocal);
    }
  };

  return (
    <div className="notice" data-testid="smtp-oauth">
      <p role="status">{shown ? t.connected(shown) : t.notConnected}</p>
      {waiting && <p className="placeholder">{t.waiting}</p>}
      {notice && <p className="notice notice-ok">{notice}</p>}
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void connect()}>
          {t.connect[provider]}
        </button>
        {shown && (
          <button type="button" disabled={busy} onClick={() => void revoke()}>
            {t.revoke}
          </button>
        )}
      </div>
    </div>
  );
}
