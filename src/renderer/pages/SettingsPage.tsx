// Paramètres: facilities, their tariffs and billing rules, and users (administrator settings
// shared by every workstation), and À propos (this workstation's facts).
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { fr } from '../i18n/fr';
import { frReceipts } from '../i18n/fr-receipts';
import { frSmtp } from '../i18n/fr-smtp';
import { useSession } from '../session/SessionContext';
import { AboutPage } from './AboutPage';
import { BillingSettings } from './settings/BillingSettings';
import { FacilitiesSettings } from './settings/FacilitiesSettings';
import { MailSettings } from './settings/MailSettings';
import { ReceiptsSettings } from './settings/ReceiptsSettings';
import { SmtpSettings } from './settings/SmtpSettings';
import { TemplatesSettings } from './settings/TemplatesSettings';
import { UsersSettings } from './settings/UsersSettings';
import { WorkstationSettings } from './settings/WorkstationSettings';
import { frWorkstation } from '../i18n/fr-workstation';

export function SettingsPage() {
  const t = fr.pages.settings;
  const { user } = useSession();
  return (
    <div className="settings">
      <h1>{t.title}</h1>
      <nav className="subnav" aria-label={t.title}>
        <NavLink to="/parametres/etablissements">{fr.settings.facilities.title}</NavLink>
        <NavLink to="/parametres/facturation">{fr.tariffs.title}</NavLink>
        <NavLink to="/parametres/modeles">{fr.templates.title}</NavLink>
        {user.role === 'admin' && (
          <NavLink to="/parametres/utilisateurs">{fr.settings.users.title}</NavLink>
        )}
        {user.role === 'admin' && <NavLink to="/parametres/envoi">{fr.mailSettings.title}</NavLink>}
        {user.role === 'admin' && <NavLink to="/parametres/serveur">{frSmtp.title}</NavLink>}
        {user.role === 'admin' && <NavLink to="/parametres/accuses">{frReceipts.title}</NavLink>}
        <NavLink to="/parametres/poste">{frWorkstation.title}</NavLink>
        <NavLink to="/parametres/a-propos">{t.about}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="etablissements" replace />} />
        <Route path="etablissements" element={<FacilitiesSettings />} />
        <Route path="facturation" element={<BillingSettings />} />
        <Route path="modeles" element={<TemplatesSettings />} />
        {user.role === 'admin' && <Route path="utilisateurs" element={<UsersSettings />} />}
        {user.role === 'admin' && <Route path="envoi" element={<MailSettings />} />}
        {user.role === 'admin' && <Route path="serveur" element={<SmtpSettings />} />}
        {user.role === 'admin' && <Route path="accuses" element={<ReceiptsSettings />} />}
        <Route path="poste" element={<WorkstationSettings />} />
        <Route path="a-propos" element={<AboutPage />} />
      </Routes>
    </div>
  );
}
