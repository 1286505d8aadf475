// Small parts of Paramètres › Serveur d’envoi: « Mémoriser sur ce poste » with the button that
// removes this workstation's saved password, and the standing warning of an accepted
// self-signed certificate.
import type { PinnedCertificate } from '../../../shared/contract';
import { frSmtp as t } from '../../i18n/fr-smtp';
import type { PasswordEntry } from './ServerFields';

export function RememberRow(props: {
  password: PasswordEntry;
  saved: boolean;
  busy: boolean;
  onForget: () => void;
}) {
  return (
    <div className="actions">
      <label className="check">
        <input
          type="checkbox"
          checked={props.password.remember}
          onChange={(e) => props.password.setRemember(e.target.checked)}
        />
        {t.remember}
      </label>
      {props.saved && (
        <button type="button" disabled={props.busy} onClick={props.onForget}>
          {t.forget}
        </button>
      )}
    </div>
  );
}

export function PinnedWarning({
  pinned,
  onRemove,
}: {
  pinned: PinnedCertificate;
  onRemove: () => void;
}) {
  const when = new Date(pinned.acceptedAt).toLocaleString('fr-FR');
  return (
    <div className="notice notice-warning" role="note" data-testid="smtp-pinned">
      <p>{t.pinnedWarning(pinned.fingerprint256, pinned.acceptedBy, when)}</p>
      <button type="button" onClick={onRemove}>
        {t.removePin}
      </button>
    </div>
  );
}
