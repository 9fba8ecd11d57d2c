#!/usr/bin/env bash
# Runs a command with the lab inside a private, loopback-only network namespace.
#
#   bash lab/run-isolated.sh CMD [ARGS...]
#
# Unprivileged (`unshare -rn`, also fine as root). Inside: `lo` up, lab started (own state dir
# $TMPDIR/empfang-lab-XXXXXX/ unless EMPFANG_LAB_RUN_DIR is set), then CMD runs with
#   EMPFANG_LAB=1  EMPFANG_LAB_RUN_DIR=<state dir>  EMPFANG_LAB_NAMESPACE=1
# and everything it starts (browsers, web shell host, SIPp) talks over the namespace's own
# 127.0.0.1. Afterwards the lab is stopped and CMD's exit code is passed through (1 when the lab
# cannot start). The state dir is removed after a passing run and kept (with logs) otherwise,
# or always with EMPFANG_LAB_KEEP=1. Processes CMD left running in the namespace are stopped.
set -euo pipefail
self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")

[[ $# -gt 0 ]] || {
  echo "usage: bash lab/run-isolated.sh CMD [ARGS...]" >&2
  exit 2
}

if [[ "${EMPFANG_LAB_NAMESPACE:-}" != 1 ]]; then
  export EMPFANG_LAB_NAMESPACE=1
  # -r maps the caller to root inside a new user namespace (works unprivileged and as root);
  # as real root without user namespaces, a plain network namespace is enough.
  if unshare -rn true 2>/dev/null; then
    exec unshare -rn bash "$self" "$@"
  elif [[ $(id -u) -eq 0 ]] && unshare -n true 2>/dev/null; then
    exec unshare -n bash "$self" "$@"
  fi
  echo "lab: ERROR: cannot create a network namespace (unshare -rn failed)" >&2
  echo "lab: unprivileged user namespaces may be off (sysctl kernel.unprivileged_userns_clone," >&2
  echo "lab: or an AppArmor restriction): enable them, or run the same command as root" >&2
  exit 1
fi

# shellcheck source=lib/common.sh
source "$(dirname "$self")/lib/common.sh"
ip link set lo up || lab_die "cannot bring up lo in the namespace"

# Outside the repo: parallel sessions clean .lab-run/ by hand, and a run must not lose its
# pid files and logs to that.
if [[ -z "${EMPFANG_LAB_RUN_DIR:-}" ]]; then
  LAB_RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/empfang-lab-XXXXXX")
fi
export EMPFANG_LAB_RUN_DIR=$LAB_RUN_DIR
mkdir -p "$LAB_RUN_DIR"

status=1
child=
# Every process in this namespace was started by this script: whatever still runs after CMD
# (a browser, a web shell host, a SIPp peer) is a leftover. Never used outside the namespace.
namespace_leftovers() {
  local own pids me=$BASHPID
  own=$(readlink /proc/self/ns/net)
  # One find over /proc (a readlink per process is slow on a busy machine); [ and ] are
  # pattern characters for -lname.
  own=${own//[/\\[}
  own=${own//]/\\]}
  pids=$(find /proc/[0-9]*/ns/net -maxdepth 0 -lname "$own" 2>/dev/null | cut -d/ -f3 |
    grep -vx -e "$$" -e "$me" | paste -sd, -) || true
  [[ -n "$pids" ]] || return 0
  ps -o pid=,stat= -p "$pids" | awk '$2 !~ /^Z/ { print $1 }' || true
}
sweep_leftovers() {
  local leftovers deadline
  leftovers=$(namespace_leftovers)
  [[ -n "$leftovers" ]] || return 0
  lab_log "stopping leftover processes: $(ps -o comm= -p "$(echo "$leftovers" | paste -sd,)" | sort | uniq -c | tr -s ' \n' ' ')"
  kill -TERM $leftovers 2>/dev/null || true
  deadline=$(($(lab_now_ms) + 2000))
  while [[ -n "$(namespace_leftovers)" && $(lab_now_ms) -lt $deadline ]]; do
    sleep 0.05
  done
  leftovers=$(namespace_leftovers)
  [[ -z "$leftovers" ]] || kill -KILL $leftovers 2>/dev/null || true
}
cleanup() {
  trap - EXIT INT TERM
  set +e
  if [[ -n "$child" ]] && lab_process_alive "$child"; then
    kill -TERM "$child" 2>/dev/null || true
  fi
  bash "$LAB_DIR/stop.sh" >&2 || status=1
  sweep_leftovers
  if [[ "$status" -eq 0 && "${EMPFANG_LAB_KEEP:-}" != 1 ]]; then
    rm -rf "$LAB_RUN_DIR"
  else
    lab_log "lab state and logs kept in $LAB_RUN_DIR"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'status=130; cleanup' INT
trap 'status=143; cleanup' TERM

bash "$LAB_DIR/start.sh" >&2 || exit 1
export EMPFANG_LAB=1

# In the background (stdin kept) so a TERM to this script reaches CMD and the lab still stops.
"$@" <&0 &
child=$!
set +e
wait "$child"
status=$?
set -e
