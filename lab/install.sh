#!/usr/bin/env bash
# Installs the Debian packages the telephony lab needs, only where missing.
# Idempotent and quiet: prints one line when nothing is to do. Fails loudly (non-zero exit and
# apt's output) when an install fails. Typed without sudo: as root it installs directly, as a
# normal user through sudo, with neither it says so (../scripts/lib/asRoot.sh).
set -euo pipefail
# shellcheck source=../scripts/lib/asRoot.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/asRoot.sh"

PACKAGES=(
  kamailio kamailio-websocket-modules kamailio-tls-modules kamailio-utils-modules
  rtpengine-daemon sip-tester baresip espeak-ng sox libsox-fmt-all
  iptables iproute2 openssl util-linux procps
)

missing=()
for package in "${PACKAGES[@]}"; do
  # dpkg-query reports "install ok installed" only for fully installed packages.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "lab/install.sh: all ${#PACKAGES[@]} packages present"
  exit 0
fi

as_root_available lab/install.sh "installing ${missing[*]}" || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "lab/install.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 ||
  ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" >>"$log" 2>&1; then
  cat "$log" >&2
  echo "lab/install.sh: FAILED to install ${missing[*]}" >&2
  exit 1
fi

# Some packages may start a service on ordinary Debian systems (not on the project machines);
# the lab runs its own instances, so stop packaged daemons that would hold the ports.
for service in kamailio rtpengine-daemon ngcp-rtpengine-daemon; do
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then
    as_root systemctl stop "$service" || true
  fi
done
echo "lab/install.sh: installed ${#missing[@]} package(s)"
