// Starting a mail program without a shell: its argv arrives intact (quotes, commas, spaces,
// accents), a quick failure is a French error with a stable code, and a launcher whose exit
// code means nothing (explorer.exe answers 1 after opening the file) is judged on starting.
import { describe, expect, it } from 'vitest';
import { launch } from '../../../../src/main/mail/handover/launch';
import { PliError } from '../../../../src/shared/contract';
import { fakeProgram } from '../../../fixtures/fake-program';
import { tempDir } from '../../../helpers';

const dir = tempDir('pli-launch-');

async function codeOf(promise: Promise<void>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
}

describe('launch', () => {
  it('passes each argument as given, nothing interpreted by a shell', async () => {
    const program = fakeProgram(dir, 'client');
    const args = ['Famille d\'Arc, "Jeanne"', '$(rm -rf ~) ; `id` | &', 'Relevé d’août n°3.pdf'];
    await launch(program.path, args);
    expect(program.calls()).toEqual([args]);
  });

  it('maps a missing program, a quick failure and a silent exit code', async () => {
    expect(await codeOf(launch(`${dir}/absent`, []))).toBe('MAIL_CLIENT_PATH_INVALID');
    const failing = fakeProgram(dir, 'failing', 1);
    expect(await codeOf(launch(failing.path, []))).toBe('MAIL_CLIENT_LAUNCH_FAILED');
    expect(await codeOf(launch(failing.path, [], { exitCounts: false }))).toBe('ok');
  });

  it('takes a program still running after the settle time as started', async () => {
    // Sleeps 3 s, then exits 0: a program that stays open.
    const slow = fakeProgram(
      dir,
      'slow',
      '(Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000), 0)',
    );
    const started = Date.now();
    expect(await codeOf(launch(slow.path, [], { settleMs: 200 }))).toBe('ok');
    expect(Date.now() - started).toBeLessThan(2000);
    // It did start, and is still running on its own.
    for (let i = 0; i < 100 && slow.calls().length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(slow.calls()).toEqual([[]]);
  });
});
