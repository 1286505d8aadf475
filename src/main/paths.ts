// Where this workstation keeps its own files when PLI_DATA_DIR is not set: the same folder
// Electron's app.getPath('userData') gives for the product name "Pli".
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Pli';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PLI_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : defaultDataDir(env);
}

/** The database file used when the workstation preferences name none. */
export function defaultDatabasePath(dataDir: string): string {
  return path.join(dataDir, 'pli.sqlite');
}
