// Workstation preferences in Electron: electron-store in the userData folder.
import Store from 'electron-store';
import { prefsFromBackend, type PrefsStore } from '../prefs/prefs';

export function createElectronPrefs(): PrefsStore {
  return prefsFromBackend(new Store<Record<string, unknown>>({ name: 'preferences' }));
}
