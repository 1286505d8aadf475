#!/usr/bin/env bash
# Installs what Pli needs on a fresh Debian machine, then its npm dependencies.
#  - system packages: Chromium (end-to-end tests), gnome-keyring + dbus + libsecret (the OS
#    keychain), poppler-utils (pdftotext reads PDFs back), fonts; only those missing, only as root.
#  - npm dependencies: `npm ci`, skipped when node_modules already matches package-lock.json.
# Electron's binary is fetched by postinstall where the machine can download it; elsewhere
# Pli runs in the browser.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium gnome-keyring dbus libsecret-1-dev poppler-utils fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: il manque les paquets système ${missing[*]} ; installez-les (sudo apt-get install ${missing[*]})." >&2
  fi
fi

# Native modules (better-sqlite3) compile against the system's Node headers where present.
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

stamp=node_modules/.pli-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  echo "setup: dépendances npm déjà à jour"
else
  npm ci --no-audit --no-fund
  echo "$hash" > "$stamp"
fi
