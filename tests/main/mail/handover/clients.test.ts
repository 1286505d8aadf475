// Finding the mail programs: Windows' Program Files folders, then the registry's App Paths
// (`reg query` output as Windows prints it), other systems' PATH; and the hand-off folders
// removed a day after they were written, at start too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAppContext, createAppContext } from '../../../../src/main/context';
import { cleanHandovers, KEEP_MS } from '../../../../src/main/mail/handover/cleanup';
import {
  detectClient,
  parseRegDefault,
  type Platform,
} from '../../../../src/main/mail/handover/clients';
import { createConfPrefs } from '../../../../src/main/prefs/conf-store';
import { safeFileName } from '../../../../src/main/mail/handover/draft';
import { fakeProgram } from '../../../fixtures/fake-program';
import { tempDir } from '../../../helpers';

const REG_OUTPUT = `
HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\thunderbird.exe
    (Default)    REG_SZ    "%PLI_ROOT%\\Thunderbird\\thunderbird.exe"
`;

describe('detecting the programs', () => {
  it('reads the default value of an App Paths key, quotes removed and variables expanded', () => {
    expect(parseRegDefault(REG_OUTPUT, { PLI_ROOT: 'D:\\Logiciels' })).toBe(
      'D:\\Logiciels\\Thunderbird\\thunderbird.exe',
    );
    expect(parseRegDefault('\r\nERROR: introuvable\r\n', {})).toBeNull();
    // A French Windows names the default value « (par défaut) ».
    const french = REG_OUTPUT.replace('(Default)', '(par défaut)').replace(
      'REG_SZ',
      'REG_EXPAND_SZ',
    );
    expect(parseRegDefault(french, { PLI_ROOT: 'C:\\Apps' })).toBe(
      'C:\\Apps\\Thunderbird\\thunderbird.exe',
    );
  });

  it('on Windows, looks in Program Files first, then in the registry', async () => {
    const root = 'C:\\Program Files';
    const files = new Set<string>();
    const queried: string[] = [];
    const platform = (reg: string | null): Platform => ({
      os: 'win32',
      env: { ProgramFiles: root, PLI_ROOT: 'D:\\Logiciels' },
      regQuery: async (key) => {
        queried.push(key);
        return reg;
      },
      isFile: async (file) => files.has(file),
    });
    expect(await detectClient('thunderbird', platform(null))).toBeNull();
    expect(queried).toEqual([
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\thunderbird.exe',
      'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\thunderbird.exe',
    ]);
    // Installed elsewhere, known to the registry only.
    const elsewhere = 'D:\\Logiciels\\Thunderbird\\thunderbird.exe';
    files.add(elsewhere);
    expect(await detectClient('thunderbird', platform(REG_OUTPUT))).toBe(elsewhere);
    const usual = 'C:\\Program Files\\Mozilla Thunderbird\\thunderbird.exe';
    files.add(usual);
    expect(await detectClient('thunderbird', platform(REG_OUTPUT))).toBe(usual);
    files.add('C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE');
    expect(await detectClient('outlook', platform(null))).toBe(
      'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
    );
  });

  it('elsewhere, finds thunderbird on the PATH; Outlook has no command line there', async () => {
    const dir = tempDir('pli-path-');
    const env = { PATH: ['/nonexistent', dir].join(path.delimiter) };
    const platform: Platform = {
      os: 'linux',
      env,
      regQuery: async () => null,
      isFile: async (file) => fs.existsSync(file),
    };
    expect(await detectClient('thunderbird', platform)).toBeNull();
    const thunderbird = fakeProgram(dir, 'thunderbird');
    expect(await detectClient('thunderbird', platform)).toBe(thunderbird.path);
    fakeProgram(dir, 'outlook');
    expect(await detectClient('outlook', platform)).toBeNull();
  });
});

describe('file names of the hand-off', () => {
  it('keeps accents, apostrophes and commas, and replaces what a system refuses', () => {
    expect(safeFileName("Relevé d'août, n°3.pdf", 'linux')).toBe("Relevé d'août, n°3.pdf");
    expect(safeFileName('Famille "Jeanne" <d\'Arc>?.pdf', 'win32')).toBe(
      "Famille _Jeanne_ _d'Arc__.pdf",
    );
    expect(safeFileName('../../etc/passwd', 'linux')).toBe('.._.._etc_passwd');
    expect(safeFileName('nom. ', 'win32')).toBe('nom');
  });
});

describe('cleaning the hand-off folders', () => {
  const folder = (dataDir: string, name: string, ageMs: number) => {
    const dir = path.join(dataDir, 'remises', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'message.eml'), 'X-Unsent: 1\r\n');
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(dir, when, when);
    return dir;
  };

  it('removes the folders older than a day and keeps the recent ones', async () => {
    const dataDir = tempDir('pli-clean-');
    const old = folder(dataDir, 'message-1-abc', KEEP_MS + 60_000);
    const recent = folder(dataDir, 'message-2-def', 60_000);
    expect(await cleanHandovers(dataDir)).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(await cleanHandovers(tempDir('pli-clean-empty-'))).toBe(0);
  });

  it('cleans at start', async () => {
    const dataDir = tempDir('pli-clean-start-');
    const old = folder(dataDir, 'message-3-ghi', KEEP_MS + 60_000);
    const context = createAppContext({
      runtime: 'browser',
      dataDir,
      prefs: createConfPrefs(dataDir),
    });
    try {
      const end = Date.now() + 5000;
      while (fs.existsSync(old) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(fs.existsSync(old)).toBe(false);
    } finally {
      closeAppContext(context);
    }
  });
});
