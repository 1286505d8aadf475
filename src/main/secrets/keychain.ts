// The OS keychain through keytar (Windows Credential Manager, macOS Keychain, Secret Service on
// Linux): the only place an SMTP password is written (DESIGN rule 1). keytar is loaded on first
// use, so a workstation without a keychain still starts (test outbox, no server) and only the
// action that needs one fails, with a French message and never the password.
import { PliError } from '../../shared/contract';

export const KEYCHAIN_SERVICE = 'Pli SMTP';

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, password: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

type Keytar = typeof import('keytar');

let loaded: Promise<Keytar> | null = null;

async function keytar(): Promise<Keytar> {
  // keytar is CommonJS: its functions are on `default` when imported as a module.
  loaded ??= import('keytar').then((m) => (m as { default?: Keytar }).default ?? m);
  try {
    return await loaded;
  } catch (error) {
    loaded = null;
    throw new PliError('KEYCHAIN_UNAVAILABLE', undefined, { cause: error });
  }
}

/** keytar's own errors ("The name org.freedesktop.secrets was not provided…") carry no secret. */
async function guarded<T>(action: (k: Keytar) => Promise<T>): Promise<T> {
  const k = await keytar();
  try {
    return await action(k);
  } catch (error) {
    throw new PliError('KEYCHAIN_UNAVAILABLE', undefined, { cause: error });
  }
}

export function systemKeychain(service = KEYCHAIN_SERVICE): Keychain {
  return {
    get: (account) => guarded((k) => k.getPassword(service, account)),
    set: (account, password) => guarded((k) => k.setPassword(service, account, password)),
    delete: (account) => guarded((k) => k.deletePassword(service, account)),
  };
}
