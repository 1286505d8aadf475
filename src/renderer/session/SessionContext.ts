// The signed-in user, for pages that show or hide actions by right (send buttons, settings).
import { createContext, useContext } from 'react';
import type { SessionUser } from '../../shared/contract';

export interface SessionValue {
  user: SessionUser;
  signOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside AuthGate');
  return value;
}
