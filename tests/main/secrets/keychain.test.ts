// keytar under the real gnome-keyring of the test session (scripts/test.mjs): save, read,
// delete; a password typed without « Mémoriser sur ce poste » stays in memory only.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Secrets, systemKeychain } from '../../../src/main/secrets';

const service = `Pli SMTP test ${crypto.randomUUID()}`;
const account = { host: 'smtp.orange.fr', username: 'factures@tilleuls.example' };

describe('keychain', () => {
  it('saves, reads and deletes a password under <host>|<username>', async () => {
    const keychain = systemKeychain(service);
    await keychain.set('smtp.orange.fr|factures@tilleuls.example', 'Sèsame-1');
    expect(await keychain.get('smtp.orange.fr|factures@tilleuls.example')).toBe('Sèsame-1');
    expect(await keychain.get('smtp.orange.fr|autre@tilleuls.example')).toBeNull();
    expect(await keychain.delete('smtp.orange.fr|factures@tilleuls.example')).toBe(true);
    expect(await keychain.get('smtp.orange.fr|factures@tilleuls.example')).toBeNull();
  });

  it('keeps a password for the session only unless « Mémoriser sur ce poste » is ticked', async () => {
    const keychain = systemKeychain(service);
    const secrets = new Secrets(keychain);
    await secrets.provide(account, 'pour-la-session', false);
    expect(await secrets.find(account)).toBe('pour-la-session');
    expect(await secrets.saved(account)).toBe(false);
    // A new start of Pli on this workstation: nothing remembered, the send must ask.
    await expect(new Secrets(keychain).require(account)).rejects.toMatchObject({
      code: 'SMTP_PASSWORD_REQUIRED',
    });

    await secrets.provide({ ...account, host: 'SMTP.Orange.fr ' }, 'mémorisé', true);
    expect(await new Secrets(keychain).find(account)).toBe('mémorisé');
    await secrets.forget(account);
    expect(await new Secrets(keychain).find(account)).toBeNull();
  });

  it('says in French that the keychain is unavailable instead of failing obscurely', async () => {
    // libsecret reads the bus address once per process: the failing one runs in a child process,
    // bundled inside the project so that it resolves keytar from node_modules.
    const worker = path.resolve('test-results/workers/keychain-worker.mjs');
    await build({
      stdin: {
        contents: `import { systemKeychain } from './src/main/secrets/keychain';
          try { await systemKeychain('x').get('y'); console.log('no error'); }
          catch (e) { console.log(e.code, e.message); }`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      outfile: worker,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const child = spawnSync(process.execPath, [worker], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      encoding: 'utf8',
    });
    expect(child.stdout).toMatch(/^KEYCHAIN_UNAVAILABLE Le trousseau de mots de passe/);
  });
});
