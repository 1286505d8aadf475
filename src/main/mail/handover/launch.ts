// Starting a mail program: an argument vector given to spawn (never a shell), detached so it
// outlives Pli, and judged in its first moments: a program that cannot start, or that quits
// at once with an error (xdg-open without a handler, Thunderbird refusing its arguments), is a
// failed hand-off with a stable code; one still running, or done with 0, has the message.
import { spawn } from 'node:child_process';
import { PliError } from '../../../shared/contract';

/** How long a program may take to fail before it is taken as started. */
export const SETTLE_MS = 2000;

export interface LaunchOptions {
  settleMs?: number | undefined;
  /** False for a launcher whose exit code says nothing (explorer.exe answers 1 on success). */
  exitCounts?: boolean;
}

export function launch(command: string, args: readonly string[], options: LaunchOptions = {}) {
  const { settleMs = SETTLE_MS, exitCounts = true } = options;
  return new Promise<void>((resolve, reject) => {
    let child;
    try {
      child = spawn(command, args, {
        detached: true,
        stdio: 'ignore',
        shell: false,
        windowsHide: false,
      });
    } catch (error) {
      reject(launchError(command, error));
      return;
    }
    const timer = setTimeout(() => {
      child.unref();
      resolve();
    }, settleMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(launchError(command, error));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || !exitCounts) resolve();
      else
        reject(
          new PliError('MAIL_CLIENT_LAUNCH_FAILED', [
            `${command} s’est arrêté aussitôt (${signal ?? `code ${String(code)}`}).`,
          ]),
        );
    });
  });
}

function launchError(command: string, error: unknown): PliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOEXEC' || code === 'EISDIR')
    return new PliError(
      'MAIL_CLIENT_PATH_INVALID',
      [`${command} : ${code === 'ENOENT' ? 'introuvable' : 'ne peut pas être lancé'}.`],
      { cause: error },
    );
  return new PliError('MAIL_CLIENT_LAUNCH_FAILED', [`${command} : ${String(code ?? error)}`], {
    cause: error,
  });
}
