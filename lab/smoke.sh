#!/usr/bin/env bash
# Lab smoke test without a browser. Run it inside the private namespace:
#
#   bash lab/run-isolated.sh bash lab/smoke.sh
#
# Checks: REGISTER; SIPp caller -> Kamailio -> SIPp UAS with RTP both ways through rtpengine;
# client-line (DID) routing with P-Called-Party-ID; 404 for an unregistered user; RFC 4733 DTMF
# seen on the media path; every hostile INVITE leaves Kamailio alive; blind transfer (REFER,
# NOTIFY, INVITE to the target) between SIPp peers; digest auth (right and
# wrong password) on a Kamailio restarted with auth; Kamailio restart drops registrations; silent
# cut and restore with iptables. Prints one line per check and a closing "N passed, N failed";
# exits 1 when a check failed.
set -uo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

[[ "${EMPFANG_LAB:-}" == 1 ]] || lab_die "run me inside the lab: bash lab/run-isolated.sh bash lab/smoke.sh"

passed=0
failed=0
work=$LAB_RUN_DIR/smoke
rm -rf "$work"
mkdir -p "$work"
answer_pids=()

check() {
  local name=$1 started
  shift
  started=$(lab_now_ms)
  if "$@" >"$work/$name.out" 2>&1; then
    passed=$((passed + 1))
    echo "PASS $name ($(($(lab_now_ms) - started)) ms)"
  else
    failed=$((failed + 1))
    echo "FAIL $name ($(($(lab_now_ms) - started)) ms); output:"
    sed 's/^/    /' "$work/$name.out" | tail -n 25
  fi
}

cleanup() {
  local pid
  for pid in "${answer_pids[@]}"; do
    lab_process_alive "$pid" && kill -TERM "$pid" 2>/dev/null
  done
  bash "$LAB_DIR/fault.sh" restore >/dev/null 2>&1
}
trap cleanup EXIT

# Starts lab/answer.sh for a user in the background and waits until it is registered.
# $1 user, $2 name of the work dir; further environment passes through.
start_answer() {
  local user=$1 name=$2 deadline
  LAB_SIPP_WORK_DIR="$work/$name" bash "$LAB_DIR/answer.sh" "$user" "${ANSWER_SCENARIO:-uas}" \
    >"$work/$name.answer" 2>&1 &
  answer_pids+=($!)
  ANSWER_PID=$!
  deadline=$(($(lab_now_ms) + 5000))
  until grep -q "^registered $user" "$work/$name.answer" 2>/dev/null; do
    if ! lab_process_alive "$ANSWER_PID" || [[ $(lab_now_ms) -gt $deadline ]]; then
      cat "$work/$name.answer"
      return 1
    fi
    sleep 0.05
  done
}

# Packet counts of the non-RTCP legs in rtpengine's "Final packet stats" for a Call-ID.
rtp_packet_counts() {
  grep -F "[$1]" "$LAB_RUN_DIR/rtpengine.log" | grep -F -- "--------- Port" | grep -v "(RTCP)" |
    sed -E 's/.*SSRC [^,]*, ([0-9]+) p,.*/\1/'
}

call_id_of() { grep -m1 -i "^Call-ID:" "$1/messages.log" | tr -d '\r' | awk '{ print $2 }'; }

test_register() {
  start_answer 1004 register || return 1
  kill -TERM "$ANSWER_PID"
  wait "$ANSWER_PID"
  # answer.sh removes the binding again on TERM: a call must now find nobody.
  local status=0
  LAB_CALL_SECONDS=1 LAB_SIPP_WORK_DIR="$work/register-removed" bash "$LAB_DIR/call.sh" 1004 || status=$?
  [[ $status -ne 0 ]] && grep -q "final-status 404" "$work/register-removed/events.log"
}

test_call_with_media() {
  start_answer 2001 media-uas || return 1
  LAB_CALL_SECONDS=2 LAB_SIPP_WORK_DIR="$work/media-caller" bash "$LAB_DIR/call.sh" 2001 || return 1
  wait "$ANSWER_PID" || return 1
  grep -q "^answered" "$work/media-uas/events.log" || return 1
  local call_id counts
  call_id=$(call_id_of "$work/media-caller")
  sleep 0.2
  counts=$(rtp_packet_counts "$call_id")
  echo "rtpengine packets per leg for $call_id: $(echo "$counts" | tr '\n' ' ')"
  [[ $(echo "$counts" | wc -l) -eq 2 ]] || return 1
  # 2 s of 20 ms packets each way: expect clearly more than 50 per leg.
  while read -r count; do [[ "$count" -gt 50 ]] || return 1; done <<<"$counts"
}

test_did_routing() {
  start_answer 1001 did-uas || return 1
  LAB_CALL_SECONDS=1 LAB_SIPP_WORK_DIR="$work/did-caller" bash "$LAB_DIR/call.sh" +4930123456 || return 1
  wait "$ANSWER_PID" || return 1
  grep -F "P-Called-Party-ID: <sip:+4930123456@" "$work/did-uas/events.log"
}

test_unregistered_404() {
  local status=0
  LAB_CALL_SECONDS=1 LAB_SIPP_WORK_DIR="$work/unregistered" bash "$LAB_DIR/call.sh" 1999 || status=$?
  [[ $status -ne 0 ]] && grep -q "final-status 404" "$work/unregistered/events.log"
}

test_dtmf_on_media_path() {
  command -v node >/dev/null || {
    echo "node missing"
    return 1
  }
  node -e '
    const socket = require("dgram").createSocket("udp4");
    const seen = [];
    socket.on("message", (message) => seen.push(JSON.parse(message.toString()).event));
    socket.bind(2224, "127.0.0.1");
    setTimeout(() => { console.log(seen.join(",")); process.exit(0); }, 6000);
  ' >"$work/dtmf-events.txt" &
  local listener=$!
  sleep 0.3
  start_answer 2002 dtmf-uas || return 1
  LAB_DTMF='19#' LAB_CALL_SECONDS=1 LAB_SIPP_WORK_DIR="$work/dtmf-caller" bash "$LAB_DIR/call.sh" 2002 caller-dtmf || return 1
  wait "$ANSWER_PID"
  wait "$listener"
  echo "rtpengine DTMF events: $(cat "$work/dtmf-events.txt")"
  # RFC 4733 event codes: 1, 9 and 11 (#).
  [[ "$(cat "$work/dtmf-events.txt")" == "1,9,11" ]]
}

test_hostile_invites() {
  local scenario
  for scenario in hostile-long-name hostile-script-name hostile-bidi-name hostile-content-length \
    hostile-no-audio hostile-big-headers; do
    start_answer 1003 "$scenario-uas" || return 1
    LAB_CALL_SECONDS=1 LAB_TIMEOUT=20 LAB_SIPP_WORK_DIR="$work/$scenario" \
      bash "$LAB_DIR/call.sh" 1003 "$scenario" || return 1
    # A request the proxy drops never reaches the UAS: end it (it unregisters itself).
    if grep -q "final-status none" "$work/$scenario/events.log"; then
      kill -TERM "$ANSWER_PID"
    fi
    wait "$ANSWER_PID"
    lab_component_running kamailio || return 1
    lab_sip_udp_answers || return 1
    echo "$scenario: $(tr '\n' ' ' <"$work/$scenario/events.log")"
  done
}

test_auth() {
  EMPFANG_LAB_AUTH=1 bash "$LAB_DIR/restart-kamailio.sh" || return 1
  local result=0
  # Wrong password: the registrar keeps answering 401, answer.sh must fail.
  LAB_PASSWORD=wrong LAB_SIPP_WORK_DIR="$work/auth-wrong" bash "$LAB_DIR/answer.sh" 2003 && result=1
  grep -q "received 'SIP/2.0 401" "$work/auth-wrong/register-300.errors.log" || result=1
  start_answer 2003 auth-uas || result=1
  if [[ $result -eq 0 ]]; then
    LAB_CALL_SECONDS=1 LAB_SIPP_WORK_DIR="$work/auth-caller" bash "$LAB_DIR/call.sh" 2003 || result=1
    wait "$ANSWER_PID" || result=1
  fi
  EMPFANG_LAB_AUTH=0 bash "$LAB_DIR/restart-kamailio.sh" || return 1
  return "$result"
}

test_blind_transfer() {
  start_answer 2001 transfer-staff || return 1
  local staff=$ANSWER_PID
  ANSWER_SCENARIO=uas-transfer LAB_TRANSFER_TO=2001 start_answer 1002 transfer-agent || return 1
  local agent=$ANSWER_PID
  LAB_CALL_SECONDS=2 LAB_SIPP_WORK_DIR="$work/transfer-caller" \
    bash "$LAB_DIR/call.sh" 1002 caller-transferable || return 1
  wait "$agent" || return 1
  wait "$staff" || return 1
  grep -q "^transferred" "$work/transfer-caller/events.log" &&
    grep -q "^notify SIP/2.0 200" "$work/transfer-agent/events.log" &&
    grep -q "^answered" "$work/transfer-staff/events.log"
}

test_restart_drops_registrations() {
  start_answer 2004 restart-uas || return 1
  bash "$LAB_DIR/restart-kamailio.sh" || return 1
  local status=0
  LAB_CALL_SECONDS=1 LAB_SIPP_WORK_DIR="$work/restart-caller" bash "$LAB_DIR/call.sh" 2004 || status=$?
  kill -TERM "$ANSWER_PID"
  wait "$ANSWER_PID"
  [[ $status -ne 0 ]] && grep -q "final-status 404" "$work/restart-caller/events.log"
}

test_silent_cut_and_restore() {
  bash "$LAB_DIR/fault.sh" cut || return 1
  if lab_sip_udp_answers || lab_tcp_open "$LAB_HOST" "$LAB_WS_PORT"; then
    bash "$LAB_DIR/fault.sh" restore
    return 1
  fi
  bash "$LAB_DIR/fault.sh" restore || return 1
  lab_sip_udp_answers && lab_ws_upgrade_answers
}

check register test_register
check call-with-rtp-both-ways test_call_with_media
check did-routing-p-called-party-id test_did_routing
check unregistered-user-404 test_unregistered_404
check dtmf-rfc4733-on-media-path test_dtmf_on_media_path
check hostile-invites-kamailio-survives test_hostile_invites
check blind-transfer-refer test_blind_transfer
check digest-auth test_auth
check restart-drops-registrations test_restart_drops_registrations
check silent-cut-and-restore test_silent_cut_and_restore

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
