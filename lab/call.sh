#!/usr/bin/env bash
# Runs one SIPp caller scenario against a lab user or client line (UDP via Kamailio).
#
#   bash lab/call.sh <user-or-number> [scenario] [-- extra sipp args]
#   bash lab/call.sh 1001                       # caller: speech for 5 s, then hang up
#   bash lab/call.sh +4930123456 caller-wait    # a client line (rings the reception user)
#   LAB_DTMF=123# bash lab/call.sh 1002 caller-dtmf
#   bash lab/call.sh 1001 hostile-script-name
#
# Environment: LAB_CALLER_NUMBER (+4915112345678), LAB_CALLER_NAME (Anna Beispiel),
#   LAB_CALL_SECONDS (5), LAB_DTMF (1234#), LAB_AUDIO (speech | tone | silence | path to raw
#   µ-law), LAB_TIMEOUT (120 s overall), LAB_SIPP_WORK_DIR (default
#   $EMPFANG_LAB_RUN_DIR/sipp/<time>-<scenario>-<pid>).
# Output: the scenario's event lines (answered, final-status NNN, dtmf-info ..., ended-by ...) on
# stdout, one summary line on stderr. Exit code: SIPp's (0 success, 1 call failed, 99 no call,
# 255 fatal). The work dir keeps events.log, errors.log, messages.log (every SIP message).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  echo "usage: bash lab/call.sh <user-or-number> [scenario] [-- extra sipp args]" >&2
  echo "scenarios: $(cd "$LAB_DIR/sipp" && ls ./*.xml | sed 's#./##; s#\.xml##' | grep -vE '^(uas|uas-echo|uas-transfer|register)$' | tr '\n' ' ')" >&2
  exit 2
}
[[ $# -ge 1 ]] || usage
target=$1
shift
scenario=caller
if [[ $# -gt 0 && "$1" != "--" ]]; then
  scenario=$1
  shift
fi
[[ "${1:-}" == "--" ]] && shift
[[ "$target" =~ ^[+]?[0-9A-Za-z._-]+$ ]] || lab_die "target must be a user or number, got '$target'"
[[ "$scenario" =~ ^[a-z0-9-]+$ && -f "$LAB_DIR/sipp/$scenario.xml" ]] || usage
case "$scenario" in uas | uas-echo | uas-transfer | register) lab_die "'$scenario' answers calls: use lab/answer.sh" ;; esac
command -v sipp >/dev/null || lab_die "sipp not found: run 'bash lab/install.sh'"

call_seconds=${LAB_CALL_SECONDS:-5}
[[ "$call_seconds" =~ ^[0-9]+$ ]] || lab_die "LAB_CALL_SECONDS must be whole seconds"
timeout=${LAB_TIMEOUT:-120}
work_dir=${LAB_SIPP_WORK_DIR:-$LAB_RUN_DIR/sipp/$(lab_now_ms)-$scenario-$$}
mkdir -p "$work_dir"
audio=$(lab_audio_file "${LAB_AUDIO:-speech}") || exit 1
ln -sf "$audio" "$work_dir/audio.ulaw"

# SIPp cannot take keywords in action attributes, so the DTMF digits are rendered into the copy.
dtmf_nodes=""
if grep -q "@DTMF@" "$LAB_DIR/sipp/$scenario.xml"; then
  digits=${LAB_DTMF:-1234#}
  [[ "$digits" =~ ^[0-9*#]+$ ]] || lab_die "LAB_DTMF may hold 0-9, * and # only"
  for ((index = 0; index < ${#digits}; index++)); do
    digit=${digits:index:1}
    case "$digit" in '*') name=star ;; '#') name=pound ;; *) name=$digit ;; esac
    pcap=/usr/share/sip-tester/dtmf_2833_$name.pcap
    [[ -f "$pcap" ]] || lab_die "missing $pcap (package sip-tester)"
    dtmf_nodes+="<nop><action><exec play_pcap_audio=\"$pcap\"/></action></nop><pause milliseconds=\"400\"/>"
  done
fi
sed "s#<!-- @DTMF@[^>]*-->#$dtmf_nodes#" "$LAB_DIR/sipp/$scenario.xml" >"$work_dir/scenario.xml"

# A scenario may ask for extra SIPp options in its header comment ("sipp-args: ...").
read -r -a scenario_args <<<"$(sed -n 's/^ *sipp-args: *//p' "$LAB_DIR/sipp/$scenario.xml" | head -n 1)"
media_port=$(lab_free_udp_port 16000 30000 2) || lab_die "no free media port"
status=0
(
  cd "$work_dir"
  exec sipp "$LAB_HOST:$LAB_SIP_PORT" -sf scenario.xml -s "$target" -i "$LAB_HOST" -mi "$LAB_HOST" \
    -mp "$media_port" -m 1 -l 1 -nostdin -d $((call_seconds * 1000)) \
    -timeout "$timeout" -timeout_error \
    -key caller_number "${LAB_CALLER_NUMBER:-+4915112345678}" \
    -key caller_name "${LAB_CALLER_NAME:-Anna Beispiel}" \
    -trace_logs -log_file events.log -trace_err -error_file errors.log \
    -trace_msg -message_file messages.log "${scenario_args[@]}" "$@"
) >"$work_dir/sipp.out" 2>&1 </dev/null || status=$?

[[ -f "$work_dir/events.log" ]] && cat "$work_dir/events.log"
echo "lab: $scenario -> $target: exit $status ($(lab_sipp_exit_meaning "$status")); logs in $work_dir" >&2
exit "$status"
