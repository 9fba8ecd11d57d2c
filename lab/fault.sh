#!/usr/bin/env bash
# Network faults for the lab, applied with iptables inside the lab's network namespace
# (tc netem does not exist in the project's kernels). Refuses to run outside the namespace
# made by lab/run-isolated.sh unless EMPFANG_LAB_FAULT_ON_HOST=1.
#
#   bash lab/fault.sh cut [sip|media|all]     silent drop (no RST, no ICMP); default sip
#   bash lab/fault.sh cut ports:P1,P2,...     the same for the listed ports only (e.g. one desk:
#                                             the second ws port 8081 and its rtpengine port)
#   bash lab/fault.sh loss P [sip|media|all]  drop each packet with probability P (0..1); default all
#   bash lab/fault.sh restore                 remove every lab fault
#   bash lab/fault.sh status                  print the active rules
#
# sip = ports 5060 (UDP/TCP), 8080 and 8081 (ws), 8443 (wss); media = rtpengine ports 30000-30999.
# Every packet on loopback passes INPUT once, so matching source OR destination port cuts both
# directions. Rules live in an own chain EMPFANG_LAB, so restore never touches other rules.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CHAIN=EMPFANG_LAB
SIP_PORTS="$LAB_SIP_PORT,$LAB_WS_PORT,$LAB_WS_SECOND_PORT,$LAB_WSS_PORT"
MEDIA_PORTS="30000:30999"

if [[ "${EMPFANG_LAB_NAMESPACE:-}" != 1 && "${EMPFANG_LAB_FAULT_ON_HOST:-}" != 1 ]]; then
  lab_die "fault.sh changes iptables: run it inside 'bash lab/run-isolated.sh ...' (or set EMPFANG_LAB_FAULT_ON_HOST=1)"
fi

# Inside `unshare -rn` iptables (nft backend), iptables-nft and iptables-legacy all work; take
# the default and fall back to legacy where the nft backend is missing.
IPTABLES=(iptables -w)
if ! iptables -w -S INPUT >/dev/null 2>&1; then
  command -v iptables-legacy >/dev/null || lab_die "iptables does not work here"
  IPTABLES=(iptables-legacy -w)
fi

ensure_chain() {
  "${IPTABLES[@]}" -N "$CHAIN" 2>/dev/null || true
  "${IPTABLES[@]}" -C INPUT -j "$CHAIN" 2>/dev/null || "${IPTABLES[@]}" -I INPUT 1 -j "$CHAIN"
}

# Appends one DROP rule per protocol for the port set of a scope, with extra match arguments.
drop_scope() {
  local scope=$1
  shift
  local ports=()
  case "$scope" in
    sip) ports=("$SIP_PORTS") ;;
    media) ports=("$MEDIA_PORTS") ;;
    all) ports=("$SIP_PORTS" "$MEDIA_PORTS") ;;
    ports:*)
      [[ "${scope#ports:}" =~ ^[0-9]+(:[0-9]+)?(,[0-9]+(:[0-9]+)?)*$ ]] || lab_die "bad port list '$scope'"
      ports=("${scope#ports:}")
      ;;
    *) lab_die "unknown scope '$scope' (sip|media|all|ports:LIST)" ;;
  esac
  local protocol port_set
  for port_set in "${ports[@]}"; do
    for protocol in udp tcp; do
      "${IPTABLES[@]}" -A "$CHAIN" -p "$protocol" -m multiport --ports "$port_set" "$@" -j DROP
    done
  done
}

case "${1:-}" in
  cut)
    ensure_chain
    drop_scope "${2:-sip}"
    echo "lab: cut ${2:-sip} at $(lab_now_ms)"
    ;;
  loss)
    probability=${2:-}
    [[ "$probability" =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || lab_die "loss needs a probability between 0 and 1"
    ensure_chain
    drop_scope "${3:-all}" -m statistic --mode random --probability "$probability"
    echo "lab: loss $probability on ${3:-all} at $(lab_now_ms)"
    ;;
  restore)
    "${IPTABLES[@]}" -F "$CHAIN" 2>/dev/null || true
    echo "lab: restored at $(lab_now_ms)"
    ;;
  status)
    "${IPTABLES[@]}" -S "$CHAIN" 2>/dev/null | grep -- '-A' || echo "lab: no faults active"
    ;;
  *)
    echo "usage: bash lab/fault.sh cut [sip|media|all|ports:LIST] | loss P [sip|media|all|ports:LIST] | restore | status" >&2
    exit 2
    ;;
esac
