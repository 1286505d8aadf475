// Where this workstation's mail programs are. A path chosen by hand (Paramètres › Ce poste ›
// « Choisir le programme… ») wins; otherwise Windows looks in Program Files, then in the
// registry's App Paths (`reg query`, run without a shell), and other systems look for
// `thunderbird` on the PATH. Outlook's command-line switches exist on Windows only.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PliError } from '../../../shared/contract';

export type DesktopClient = 'outlook' | 'thunderbird';

export interface Platform {
  os: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** `reg query <key> /ve`'s output, or null when the key does not exist. */
  regQuery: (key: string) => Promise<string | null>;
  /** Whether a file exists there (Windows paths are only real on Windows). */
  isFile: (file: string) => Promise<boolean>;
}

const run = promisify(execFile);

async function regQuery(key: string): Promise<string | null> {
  try {
    const { stdout } = await run('reg', ['query', key, '/ve'], {
      windowsHide: true,
      timeout: 5000,
    });
    return stdout;
  } catch {
    return null;
  }
}

export const systemPlatform = (): Platform => ({
  os: process.platform,
  env: process.env,
  regQuery,
  isFile,
});

const EXE: Record<DesktopClient, string> = {
  outlook: 'OUTLOOK.EXE',
  thunderbird: 'thunderbird.exe',
};

/** Program Files folders (64- and 32-bit), each Office release's folder for Outlook. */
function programFilesCandidates(client: DesktopClient, env: NodeJS.ProcessEnv): string[] {
  const roots = [env.ProgramFiles, env.ProgramW6432, env['ProgramFiles(x86)']].filter(
    (root): root is string => Boolean(root),
  );
  const unique = [...new Set(roots)];
  if (client === 'thunderbird')
    return unique.map((root) => path.win32.join(root, 'Mozilla Thunderbird', EXE.thunderbird));
  const releases = ['root\\Office16', 'Office16', 'root\\Office15', 'Office15'];
  return unique.flatMap((root) =>
    releases.map((release) => path.win32.join(root, 'Microsoft Office', release, EXE.outlook)),
  );
}

/** The default value of an App Paths key, with its %VARIABLES% expanded. */
export function parseRegDefault(output: string, env: NodeJS.ProcessEnv): string | null {
  const match = /^\s*\(\S[^)]*\)\s+REG_(?:EXPAND_)?SZ\s+(.+?)\s*$/m.exec(output);
  if (!match?.[1]) return null;
  const value = match[1].replace(/^"(.*)"$/, '$1');
  return value.replace(/%([^%]+)%/g, (whole, name: string) => env[name] ?? whole);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Where Pli finds the program by itself; null: introuvable. */
export async function detectClient(
  client: DesktopClient,
  platform: Platform,
): Promise<string | null> {
  if (platform.os === 'win32') {
    for (const candidate of programFilesCandidates(client, platform.env))
      if (await platform.isFile(candidate)) return candidate;
    for (const hive of ['HKLM', 'HKCU']) {
      const key = `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\${EXE[client]}`;
      const output = await platform.regQuery(key);
      const found = output ? parseRegDefault(output, platform.env) : null;
      if (found && (await platform.isFile(found))) return found;
    }
    return null;
  }
  if (client === 'outlook') return null;
  const dirs = (platform.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, 'thunderbird');
    if (await platform.isFile(candidate)) return candidate;
  }
  return null;
}

/**
 * A path typed by hand: absolute, an existing file, and a program (executable here, `.exe` on
 * Windows). Refused in French with the path, so the user sees what to correct.
 */
export async function checkProgram(file: string, os: NodeJS.Platform): Promise<string> {
  const absolute = os === 'win32' ? path.win32.isAbsolute(file) : path.isAbsolute(file);
  const invalid = (why: string) => new PliError('MAIL_CLIENT_PATH_INVALID', [`${file} : ${why}`]);
  if (!absolute) throw invalid('indiquez le chemin complet du programme.');
  if (!(await isFile(file))) throw invalid('aucun fichier à cet emplacement.');
  if (os === 'win32') {
    if (!/\.exe$/i.test(file)) throw invalid('ce fichier n’est pas un programme (.exe).');
    return file;
  }
  try {
    await fs.access(file, fs.constants.X_OK);
  } catch {
    throw invalid('ce fichier n’est pas un programme exécutable.');
  }
  return file;
}

/** The program a hand-off starts: the chosen path (checked again: it may have moved), else
 * the detected one; MAIL_CLIENT_NOT_FOUND when neither exists. */
export async function resolveClient(
  client: DesktopClient,
  chosen: string | null,
  platform: Platform,
): Promise<string> {
  if (chosen) return checkProgram(chosen, platform.os);
  const found = await detectClient(client, platform);
  if (!found) {
    throw new PliError('MAIL_CLIENT_NOT_FOUND', [
      client === 'outlook' && platform.os !== 'win32'
        ? 'Outlook ne peut recevoir un message de Pli que sous Windows.'
        : `${client === 'outlook' ? 'Outlook' : 'Thunderbird'} n’a été trouvé ni à son emplacement habituel ni dans la configuration de ce poste.`,
    ]);
  }
  return found;
}
