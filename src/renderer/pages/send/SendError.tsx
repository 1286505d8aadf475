// An error of the send page in French, with the way to fix it when there is a page for it
// (Paramètres › Envoi des e-mails, Utilisateurs, Modèles d’e-mails) and the user may open it.
import { Link } from 'react-router';
import type { ContractError } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { frSend } from '../../i18n/fr-send';
import { useSession } from '../../session/SessionContext';

const ADMIN_ONLY = new Set(['/parametres/envoi', '/parametres/utilisateurs']);

export function SendError({ error }: { error: ContractError }) {
  const { user } = useSession();
  const fix = (frSend.fix as Record<string, { to: string; label: string } | undefined>)[error.code];
  const allowed = fix && (user.role === 'admin' || !ADMIN_ONLY.has(fix.to));
  return (
    <>
      <ErrorNotice error={error} />
      {error.code === 'TEMPLATE_UNKNOWN_FIELD' && <p className="muted">{frSend.templateHint}</p>}
      {allowed && (
        <p>
          <Link to={fix.to}>{fix.label}</Link>
        </p>
      )}
    </>
  );
}
