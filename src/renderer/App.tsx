// The navigation shell: one route per page of DESIGN.md, French labels, keyboard reachable.
import { HashRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { Placeholder } from './components/Placeholder';
import { fr } from './i18n/fr';
import { DatabaseGate } from './pages/DatabaseGate';
import { SettingsPage } from './pages/SettingsPage';

const pages = [
  { path: '/residents', label: fr.nav.residents, text: fr.pages.residents },
  { path: '/journal', label: fr.nav.journal, text: fr.pages.journal },
  { path: '/envoi-groupe', label: fr.nav.bulkSend, text: fr.pages.bulkSend },
  { path: '/relances', label: fr.nav.reminders, text: fr.pages.reminders },
] as const;

export function App() {
  return (
    <HashRouter>
      <DatabaseGate>
        <div className="shell">
          <nav className="sidebar" aria-label={fr.nav.label}>
            <div className="brand">{fr.appName}</div>
            {pages.map((page) => (
              <NavLink key={page.path} to={page.path}>
                {page.label}
              </NavLink>
            ))}
            <NavLink to="/parametres">{fr.nav.settings}</NavLink>
          </nav>
          <main className="content">
            <Routes>
              <Route path="/" element={<Navigate to="/residents" replace />} />
              {pages.map((page) => (
                <Route
                  key={page.path}
                  path={page.path}
                  element={<Placeholder title={page.text.title} text={page.text.empty} />}
                />
              ))}
              <Route path="/parametres/*" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/residents" replace />} />
            </Routes>
          </main>
        </div>
      </DatabaseGate>
    </HashRouter>
  );
}
