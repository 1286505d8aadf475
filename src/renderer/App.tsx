// The navigation shell: one route per page of DESIGN.md, French labels, keyboard reachable.
import { HashRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { Placeholder } from './components/Placeholder';
import { TestModeBanner } from './components/TestModeBanner';
import { fr } from './i18n/fr';
import { DatabaseGate } from './pages/DatabaseGate';
import { JournalPage } from './pages/journal/JournalPage';
import { ResidentsPage } from './pages/residents/ResidentsPage';
import { SettingsPage } from './pages/SettingsPage';
import { AuthGate } from './session/AuthGate';
import { useSession } from './session/SessionContext';

/** Pages still to build; each says what it will hold. `send` pages need an email address. */
const placeholders = [
  { path: '/envoi-groupe', label: fr.nav.bulkSend, text: fr.pages.bulkSend, send: true },
  { path: '/relances', label: fr.nav.reminders, text: fr.pages.reminders, send: false },
] as const;

function UserBadge() {
  const { user, signOut } = useSession();
  return (
    <div className="user-badge">
      <span data-testid="signed-in-user">{user.name}</span>
      <small>{fr.auth.roles[user.role]}</small>
      <button onClick={signOut}>{fr.auth.signOut}</button>
    </div>
  );
}

function Shell() {
  const { user } = useSession();
  const pages = placeholders.filter((page) => !page.send || user.canSend);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={fr.nav.label}>
        <div className="brand">{fr.appName}</div>
        <NavLink to="/residents">{fr.nav.residents}</NavLink>
        <NavLink to="/journal">{fr.nav.journal}</NavLink>
        {pages.map((page) => (
          <NavLink key={page.path} to={page.path}>
            {page.label}
          </NavLink>
        ))}
        <NavLink to="/parametres">{fr.nav.settings}</NavLink>
        <UserBadge />
      </nav>
      <main className="content">
        <TestModeBanner />
        <Routes>
          <Route path="/" element={<Navigate to="/residents" replace />} />
          <Route path="/residents" element={<ResidentsPage />} />
          <Route path="/journal" element={<JournalPage />} />
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
  );
}

export function App() {
  return (
    <HashRouter>
      <DatabaseGate>
        <AuthGate>
          <Shell />
        </AuthGate>
      </DatabaseGate>
    </HashRouter>
  );
}
