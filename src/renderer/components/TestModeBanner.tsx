// « Mode test : aucun e-mail ne part »: shown on every page while no sending server is set, so
// nobody believes the families received what only went to the outbox folder. Rechecked when
// records change (the administrator may set the server on another workstation).
import { useCallback, useEffect, useState } from 'react';
import type { SmtpStatus } from '../../shared/contract';
import { client } from '../client';
import { useEvent } from '../hooks';
import { frSmtp as t } from '../i18n/fr-smtp';

export function TestModeBanner() {
  const [status, setStatus] = useState<SmtpStatus | null>(null);
  const refresh = useCallback(() => {
    client.call('smtp:status', {}).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(refresh, [refresh]);
  useEvent('data:changed', refresh);
  if (!status?.testMode) return null;
  return (
    <div className="notice notice-warning banner" role="status" data-testid="test-mode-banner">
      <strong>{t.banner}</strong> {t.bannerDetail(status.outboxDir)}
    </div>
  );
}
