import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { defaultDataDir, resolveDataDir } from '../../../src/main/paths';
import { tempDir } from '../../helpers';

describe('workstation preferences (conf)', () => {
  it('defaults to the computer name and Pli’s own SMTP, and persists changes in the data folder', () => {
    const dir = tempDir();
    const prefs = createConfPrefs(dir);
    expect(prefs.get('workstationName')).toBe(os.hostname());
    expect(prefs.get('mailMethod')).toBe('smtp');
    expect(prefs.get('databasePath')).toBeNull();
    prefs.set('workstationName', 'Accueil Les Tilleuls');
    prefs.set('mailMethod', 'thunderbird');
    const reread = createConfPrefs(dir);
    expect(reread.get('workstationName')).toBe('Accueil Les Tilleuls');
    expect(reread.get('mailMethod')).toBe('thunderbird');
    expect(fs.existsSync(path.join(dir, 'preferences.json'))).toBe(true);
  });

  it('falls back to the default for a hand-edited bad value and refuses to store one', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'preferences.json'), JSON.stringify({ mailMethod: 'pigeon' }));
    const prefs = createConfPrefs(dir);
    expect(prefs.get('mailMethod')).toBe('smtp');
    expect(() => prefs.set('mailMethod', 'pigeon' as never)).toThrow();
  });
});

describe('data folder', () => {
  it('is PLI_DATA_DIR when set', () => {
    expect(resolveDataDir({ PLI_DATA_DIR: '/srv/pli' })).toBe('/srv/pli');
  });

  it('is the user’s application-data folder otherwise, as Electron names it', () => {
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana'),
    ).toBe(path.join('C:\\Users\\ana\\AppData\\Roaming', 'Pli'));
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Pli');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Pli');
    expect(resolveDataDir({ PLI_DATA_DIR: '  ' })).toBe(defaultDataDir({ PLI_DATA_DIR: '  ' }));
  });
});
