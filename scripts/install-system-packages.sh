#!/usr/bin/env bash
# Installs the Debian packages the desk, its tests and the lab need, where they are missing.
# Idempotent. Typed without sudo: as root it installs directly, as a normal user through sudo,
# and with neither it stops with a clear message (scripts/lib/asRoot.sh). Nothing missing = no
# root needed. Chromium runs the web shell and the end-to-end tests, PostgreSQL backs the
# portal's database tests, the lab packages (lab/install.sh) run the telephony suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/asRoot.sh
source scripts/lib/asRoot.sh

packages=(chromium xvfb xauth postgresql iproute2 iptables openssl)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root_available install-system-packages "installing ${missing[*]}" || exit 1
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -f lab/install.sh ]; then bash lab/install.sh; fi
