// Preferences file for the web host and tests: `conf` writing `<data folder>/preferences.json`,
// the same file name electron-store uses in Electron's userData folder.
import Conf from 'conf';
import { prefsFromBackend, type PrefsStore } from './prefs';

export function createConfPrefs(dataDir: string): PrefsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'preferences',
    projectName: 'pli',
  });
  return prefsFromBackend(conf);
}
