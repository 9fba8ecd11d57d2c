#!/usr/bin/env bash
# Starts the telephony lab (rtpengine + Kamailio) in the current network namespace.
#
#   bash lab/start.sh                 both daemons
#   bash lab/start.sh kamailio        only Kamailio (used by restart-kamailio.sh)
#
# Environment (remembered in $LAB_RUN_DIR/lab.env, so a Kamailio restart keeps them unless set
# again, e.g. `EMPFANG_LAB_AUTH=1 bash lab/restart-kamailio.sh`):
#   EMPFANG_LAB_AUTH=1          digest auth with the fixed lab users (see README)
#   EMPFANG_LAB_RECEPTION=1001  user that receives calls to E.164 client lines
#   EMPFANG_LAB_PORTAL_URL=http://127.0.0.1:8787  portal that decides where calls go (routing API);
#   EMPFANG_LAB_ROUTING_SECRET=...                  its routing secret. Both or neither; unset →
#                                                   every client-line call rings the reception user
#   EMPFANG_LAB_ROUTING_TIMEOUT_MS=250  how long a call waits for the portal before the fallback
#                                       (50–5000; tests of the routed path allow more, see README)
#   EMPFANG_LAB_RUN_DIR=...     state dir (default: <repo>/.lab-run)
#   EMPFANG_LAB_START_TIMEOUT=10  seconds to wait for the daemons
#
# Returns only when every port answers (SIP UDP OPTIONS, TCP, WebSocket upgrade, TLS handshake,
# rtpengine ping) and both processes are still alive; otherwise prints the daemon's log tail,
# stops what it started and exits 1.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

components=("$@")
[[ ${#components[@]} -gt 0 ]] || components=(rtpengine kamailio)
started_at=$(lab_now_ms)

for command in kamailio rtpengine openssl setsid ss; do
  command -v "$command" >/dev/null || lab_die "'$command' not found: run 'bash lab/install.sh'"
done

mkdir -p "$LAB_RUN_DIR"
# Settings: a full start begins from the defaults, a single-component start (restart) keeps the
# remembered ones; explicitly set variables win in both cases.
LAB_AUTH=0
LAB_RECEPTION=1001
LAB_PORTAL_URL=
LAB_ROUTING_SECRET=
LAB_ROUTING_TIMEOUT_MS=250
if [[ " ${components[*]} " != *" rtpengine "* && -f "$LAB_RUN_DIR/lab.env" ]]; then
  # shellcheck source=/dev/null
  source "$LAB_RUN_DIR/lab.env"
fi
LAB_AUTH=${EMPFANG_LAB_AUTH:-$LAB_AUTH}
LAB_RECEPTION=${EMPFANG_LAB_RECEPTION:-$LAB_RECEPTION}
LAB_PORTAL_URL=${EMPFANG_LAB_PORTAL_URL-$LAB_PORTAL_URL}
LAB_ROUTING_SECRET=${EMPFANG_LAB_ROUTING_SECRET-$LAB_ROUTING_SECRET}
LAB_ROUTING_TIMEOUT_MS=${EMPFANG_LAB_ROUTING_TIMEOUT_MS:-$LAB_ROUTING_TIMEOUT_MS}
[[ "$LAB_ROUTING_TIMEOUT_MS" =~ ^[0-9]{2,4}$ && $LAB_ROUTING_TIMEOUT_MS -ge 50 && $LAB_ROUTING_TIMEOUT_MS -le 5000 ]] ||
  lab_die "EMPFANG_LAB_ROUTING_TIMEOUT_MS must be a number of milliseconds from 50 to 5000"
[[ -z "$LAB_PORTAL_URL" || "$LAB_PORTAL_URL" =~ ^https?://[A-Za-z0-9.:-]+$ ]] ||
  lab_die "EMPFANG_LAB_PORTAL_URL must be a base URL like http://127.0.0.1:8787"
[[ -z "$LAB_PORTAL_URL" || "$LAB_ROUTING_SECRET" =~ ^[A-Za-z0-9._~-]{16,}$ ]] ||
  lab_die "EMPFANG_LAB_ROUTING_SECRET must be set (16+ token characters) with EMPFANG_LAB_PORTAL_URL"
[[ "$LAB_AUTH" =~ ^[01]$ ]] || lab_die "EMPFANG_LAB_AUTH must be 0 or 1"
[[ "$LAB_RECEPTION" =~ ^[0-9A-Za-z._-]+$ ]] || lab_die "EMPFANG_LAB_RECEPTION must be a plain user name"
printf 'LAB_AUTH=%s\nLAB_RECEPTION=%s\nLAB_PORTAL_URL=%s\nLAB_ROUTING_SECRET=%s\nLAB_ROUTING_TIMEOUT_MS=%s\n' \
  "$LAB_AUTH" "$LAB_RECEPTION" "$LAB_PORTAL_URL" "$LAB_ROUTING_SECRET" "$LAB_ROUTING_TIMEOUT_MS" \
  >"$LAB_RUN_DIR/lab.env"

start_failed() {
  local component=$1 reason=$2
  echo "lab: ERROR: $component failed to start: $reason" >&2
  lab_log_tail "$component"
  bash "$LAB_DIR/stop.sh" "${components[@]}" >/dev/null 2>&1 || true
  exit 1
}

# Daemons run in the foreground of their own session (setsid), so stop.sh can signal the whole
# process group and nothing is tied to the calling terminal.
launch() {
  local component=$1
  shift
  if lab_component_running "$component"; then
    lab_die "$component already running (pid $(lab_pid_of "$component")); run 'bash lab/stop.sh' first"
  fi
  : >"$LAB_RUN_DIR/$component.log"
  setsid "$@" >>"$LAB_RUN_DIR/$component.log" 2>&1 </dev/null &
  echo $! >"$LAB_RUN_DIR/$component.pid"
}

start_rtpengine() {
  launch rtpengine rtpengine --config-file="$LAB_DIR/rtpengine/rtpengine.conf" \
    --config-section=rtpengine
}

start_kamailio() {
  local tls_dir="$LAB_RUN_DIR/tls"
  mkdir -p "$tls_dir"
  # A fresh self-signed certificate per start (EC keys take milliseconds).
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
    -subj "/CN=$LAB_HOST" -addext "subjectAltName=IP:$LAB_HOST,DNS:localhost,DNS:lab.empfang.test" \
    -keyout "$tls_dir/key.pem" -out "$tls_dir/cert.pem" >/dev/null 2>&1 ||
    lab_die "openssl could not create the lab certificate"
  local defines=(
    -A "LAB_RUN_DIR=\"$LAB_RUN_DIR\""
    -A "LAB_TLS_CERT=\"$tls_dir/cert.pem\""
    -A "LAB_TLS_KEY=\"$tls_dir/key.pem\""
    -A "RECEPTION_USER=\"$LAB_RECEPTION\""
    -A "ROUTING_TIMEOUT_MS=$LAB_ROUTING_TIMEOUT_MS"
  )
  [[ "$LAB_AUTH" == 1 ]] && defines+=(-A WITH_AUTH)
  if [[ -n "$LAB_PORTAL_URL" ]]; then
    local portal_host=${LAB_PORTAL_URL#*://}
    defines+=(-A "PORTAL_ROUTING=\"portal=>${LAB_PORTAL_URL%%://*}://proxy:$LAB_ROUTING_SECRET@$portal_host\"")
  fi
  launch kamailio kamailio -DD -E -m 64 -M 8 -f "$LAB_DIR/kamailio/kamailio.cfg" "${defines[@]}"
}

ready_rtpengine() { lab_rtpengine_answers; }
ready_kamailio() {
  lab_sip_udp_answers && lab_tcp_open "$LAB_HOST" "$LAB_SIP_PORT" && lab_ws_upgrade_answers &&
    lab_tls_answers
}

for component in "${components[@]}"; do
  case "$component" in
    rtpengine) start_rtpengine ;;
    kamailio) start_kamailio ;;
    *) lab_die "unknown component '$component' (kamailio|rtpengine)" ;;
  esac
done

deadline=$(($(lab_now_ms) + ${EMPFANG_LAB_START_TIMEOUT:-10} * 1000))
for component in "${components[@]}"; do
  until "ready_$component"; do
    lab_component_running "$component" || start_failed "$component" "process exited"
    [[ $(lab_now_ms) -lt $deadline ]] || start_failed "$component" "ports did not answer in time"
    sleep 0.05
  done
done
# Ports answering is not enough: a daemon can bind and then die in a later init step.
for component in "${components[@]}"; do
  lab_component_running "$component" || start_failed "$component" "process exited after binding"
done

auth_note=$([[ "$LAB_AUTH" == 1 ]] && echo "auth on" || echo "auth off")
echo "lab: started ${components[*]} in $(($(lab_now_ms) - started_at)) ms" \
  "(sip udp/tcp $LAB_HOST:$LAB_SIP_PORT, ws://$LAB_HOST:$LAB_WS_PORT, wss://$LAB_HOST:$LAB_WSS_PORT, $auth_note, reception $LAB_RECEPTION)"
