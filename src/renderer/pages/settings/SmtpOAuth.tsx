// « Compte Microsoft 365 » / « Compte Google » on Paramètres › Serveur d’envoi: the association's
// application registration (client ID, tenant, Google's desktop client secret, the endpoints for
// a test server), whether this workstation holds the sign-in, « Se connecter avec … » and
// « Révoquer l’accès ». The sign-in page opens in the system browser (Electron, from the main
// process) or, in the web host, in a new tab opened here; the call that follows waits until the
// browser comes back to Pli's loopback listener.
import { useState } from 'react';
import type { ChannelOutput, OAuthSettings } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
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
    <TextField
      label={t[key]}
      type="url"
      value={value[key]}
      placeholder={t.endpointsHelp}
      onChange={(typed) => set({ [key]: typed })}
    />
  );
  return (
    <>
      <p className="placeholder">{t.intro[provider]}</p>
      <div className="grid">
        <TextField
          label={t.clientId}
          value={value.clientId}
          autoComplete="off"
          onChange={(clientId) => set({ clientId })}
        />
        {provider === 'microsoft' ? (
          <TextField
            label={t.tenant}
            value={value.tenant}
            autoComplete="off"
            placeholder="organizations"
            onChange={(tenant) => set({ tenant })}
          />
        ) : (
          <TextField
            label={t.clientSecret}
            value={value.clientSecret}
            autoComplete="off"
            onChange={(clientSecret) => set({ clientSecret })}
          />
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

type Started = ChannelOutput<'smtp:oauthStart'>;
type Revoked = ChannelOutput<'smtp:oauthRevoke'>;

/**
 * The sign-in state and its two buttons. `start` and `revoke` call the administrator's or the
 * user's own channels; `start` resolves null when the form is invalid (it says why).
 */
export function OAuthConnection({
  provider,
  account,
  connected: initially,
  start,
  revoke,
}: {
  provider: Provider;
  account: string;
  connected: boolean;
  start: () => Promise<Started | null>;
  revoke: () => Promise<Revoked | null>;
}) {
  const [connected, setConnected] = useState<string | null>(null);
  const [known, setKnown] = useState(initially);
  const [notice, setNotice] = useState('');
  const [waiting, setWaiting] = useState(false);
  const { error, busy, run } = useAction();
  const shown = connected ?? (known ? account : null);

  const connect = async () => {
    setNotice('');
    const done = await run(async () => {
      const started = await start();
      if (!started) return null;
      // The web host: the browser's own tab. Electron opened the system browser already.
      if (!started.opened) window.open(started.url, '_blank', 'noopener');
      setWaiting(true);
      try {
        return await client.call('smtp:oauthFinish', { flowId: started.flowId });
      } finally {
        setWaiting(false);
      }
    });
    if (done) {
      setConnected(done.account);
      setKnown(true);
    }
  };
  const disconnect = async () => {
    const done = await run(revoke);
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
          <button type="button" disabled={busy} onClick={() => void disconnect()}>
            {t.revoke}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * « Votre boîte d’envoi » (Paramètres › Ce poste): in sender mode 'user' with a Microsoft 365 /
 * Google server, each user connects their own mailbox on their workstation. Nothing shows
 * otherwise.
 */
export function OwnMailbox() {
  const [mailbox] = useCall('smtp:ownAccount', { facilityId: null });
  if (mailbox.status !== 'ok' || !mailbox.value.applies || !mailbox.value.provider) return null;
  const { provider, account, connected } = mailbox.value;
  return (
    <section className="editor" aria-label={t.own}>
      <h3>{t.own}</h3>
      <p className="placeholder">{t.ownIntro(account)}</p>
      <OAuthConnection
        provider={provider}
        account={account}
        connected={connected}
        start={() => client.call('smtp:oauthStartOwn', { facilityId: null })}
        revoke={() => client.call('smtp:oauthRevokeOwn', { facilityId: null })}
      />
    </section>
  );
}
