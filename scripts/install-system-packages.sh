#!/usr/bin/env bash
# Installs the Debian packages the desk, its tests and the lab need, where they are missing.
# Idempotent; needs root (or sudo). Chromium runs the web shell and the end-to-end tests,
# PostgreSQL backs the portal's database tests, the lab packages run the telephony suite.
set -euo pipefail
packages=(chromium xvfb xauth postgresql iproute2 iptables openssl)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -f lab/install.sh ]; then bash lab/install.sh; fi
