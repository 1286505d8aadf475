// Who is signed in on this workstation. Every action reads it: the audit log (who), the
// sender mode (whose address), and the rights (what they may do).
import { PliError, type Role, type SessionUser } from '../../shared/contract';
import type { Actor } from '../db/audit';

export interface UserRow {
  id: number;
  name: string;
  initials: string;
  login: string;
  role: Role;
  email: string | null;
}

export function toSessionUser(row: UserRow): SessionUser {
  return {
    ...row,
    canSend: row.email !== null && row.email !== '',
    canChangeSettings: row.role !== 'accueil',
    canBill: row.role !== 'accueil',
  };
}

export class Session {
  private user: SessionUser | null = null;

  constructor(private readonly workstation: () => string) {}

  get current(): SessionUser | null {
    return this.user;
  }

  signIn(user: SessionUser): void {
    this.user = user;
  }

  signOut(): void {
    this.user = null;
  }

  /** The signed-in user, or AUTH_REQUIRED. */
  require(): SessionUser {
    if (!this.user) throw new PliError('AUTH_REQUIRED');
    return this.user;
  }

  /** Settings are for admin and facturation, never accueil. */
  requireSettingsRight(): SessionUser {
    const user = this.require();
    if (!user.canChangeSettings) throw new PliError('FORBIDDEN');
    return user;
  }

  /** Billing runs and avoirs are for admin and facturation; accueil reads the journal. */
  requireBillingRight(): SessionUser {
    const user = this.require();
    if (!user.canBill) throw new PliError('FORBIDDEN');
    return user;
  }

  /** Users and rights are for the administrator only. */
  requireAdmin(): SessionUser {
    const user = this.require();
    if (user.role !== 'admin') throw new PliError('FORBIDDEN');
    return user;
  }

  actor(): Actor {
    const user = this.require();
    return { userId: user.id, userName: user.name, workstation: this.workstation() };
  }
}
