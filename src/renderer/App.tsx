// The navigation shell: one route per page of DESIGN.md, French labels, keyboard reachable.
import { HashRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { BatchesProvider } from './batches/BatchesContext';
import { BatchIndicator, OpenProgressPanel } from './batches/BatchIndicator';
import { TestModeBanner } from './components/TestModeBanner';
import { fr } from './i18n/fr';
import { frDashboard } from './i18n/fr-dashboard';
import { DashboardPage } from './pages/DashboardPage';
import { DatabaseGate } from './pages/DatabaseGate';
import { JournalPage } from './pages/journal/JournalPage';
import { RemindersPage } from './pages/reminders/RemindersPage';
import { BulkSendPage } from './pages/send/BulkSendPage';
import { ResidentsPage } from './pages/residents/ResidentsPage';
import { SettingsPage } from './pages/SettingsPage';
import { AuthGate } from './session/AuthGate';
import { useSession } from './session/SessionContext';

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
  return (
    // Batches are watched above the routes: a send goes on, and shows, whatever the page.
    <BatchesProvider>
      <div className="shell">
        <nav className="sidebar" aria-label={fr.nav.label}>
          <div className="brand">{fr.appName}</div>
          <NavLink to="/tableau-de-bord">{frDashboard.nav}</NavLink>
          <NavLink to="/residents">{fr.nav.residents}</NavLink>
          <NavLink to="/journal">{fr.nav.journal}</NavLink>
          {/* Everyone sees the pre-send check; who may not send sees it read-only. */}
          <NavLink to="/envoi-groupe">{fr.nav.bulkSend}</NavLink>
          <NavLink to="/relances">{fr.nav.reminders}</NavLink>
          <NavLink to="/parametres">{fr.nav.settings}</NavLink>
          <BatchIndicator />
          <UserBadge />
        </nav>
        <main className="content">
          <TestModeBanner />
          <Routes>
            <Route path="/" element={<Navigate to="/tableau-de-bord" replace />} />
            <Route path="/tableau-de-bord" element={<DashboardPage />} />
            <Route path="/residents" element={<ResidentsPage />} />
            <Route path="/journal" element={<JournalPage />} />
            <Route path="/envoi-groupe" element={<BulkSendPage />} />
            <Route path="/relances" element={<RemindersPage />} />
            <Route path="/parametres/*" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/tableau-de-bord" replace />} />
          </Routes>
          <OpenProgressPanel />
        </main>
      </div>
    </BatchesProvider>
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
