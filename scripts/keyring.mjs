// SMTP and IMAP passwords live in the OS keychain (keytar → libsecret → Secret Service): the
// tests use a real one, so a test script runs itself again inside its own D-Bus session with an
// unlocked gnome-keyring, once (PLI_KEYRING_READY marks the inner run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Runs `node <script>` again in a keyring session and exits with its status, unless in one. */
export function inKeyringSession(script) {
  if (process.env.PLI_KEYRING_READY || !fs.existsSync('/usr/bin/dbus-run-session')) return;
  // A keyring of its own in a fresh folder: an existing login keyring with another password
  // would stay locked ("Cannot create an item in a locked collection").
  const inner =
    'echo -n pli-tests | XDG_DATA_HOME="$(mktemp -d)" ' +
    'gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
    `PLI_KEYRING_READY=1 exec node ${script}`;
  const status = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: process.env,
  }).status;
  process.exit(status ?? 1);
}
