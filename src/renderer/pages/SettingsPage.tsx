// Paramètres: the administrator's settings (later issues) and À propos.
import { NavLink, Route, Routes } from 'react-router';
import { Placeholder } from '../components/Placeholder';
import { fr } from '../i18n/fr';
import { AboutPage } from './AboutPage';

export function SettingsPage() {
  const t = fr.pages.settings;
  return (
    <div className="settings">
      <nav className="subnav" aria-label={t.title}>
        <NavLink to="/parametres" end>
          {t.title}
        </NavLink>
        <NavLink to="/parametres/a-propos">{t.about}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Placeholder title={t.title} text={t.empty} />} />
        <Route path="a-propos" element={<AboutPage />} />
      </Routes>
    </div>
  );
}
