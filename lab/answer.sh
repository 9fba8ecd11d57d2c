#!/usr/bin/env bash
# Registers a lab user with a SIPp UAS and answers one call ("staff member", transfer target).
#
#   bash lab/answer.sh <user> [uas | uas-echo | uas-transfer]
#   bash lab/answer.sh 2001              # registers 2001, answers, plays speech until BYE
#   LAB_TRANSFER_TO=2001 bash lab/answer.sh 1002 uas-transfer   # answers, then REFERs to 2001
#
# Environment: LAB_RING_MS (300), LAB_TRANSFER_TO (uas-transfer: 2001), LAB_AUDIO (speech | tone | silence | path to raw µ-law),
#   LAB_TIMEOUT (120 s overall), LAB_PASSWORD (lab<user>; used when the lab runs with auth),
#   LAB_SIPP_WORK_DIR (default $EMPFANG_LAB_RUN_DIR/sipp/<time>-<scenario>-<user>-<pid>).
# Output on stdout: "registered <user> 127.0.0.1:<port>" once the registrar accepted the binding,
# then the UAS's event lines (invited, called-party ..., answered, dtmf-info ..., ended-by ...).
# Exit code: the UAS's SIPp exit code (0 = one call answered and ended properly); 1 when the
# registration failed. The binding is removed again at the end (also on TERM/INT).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

[[ $# -ge 1 ]] || {
  echo "usage: bash lab/answer.sh <user> [uas | uas-echo]" >&2
  exit 2
}
user=$1
scenario=${2:-uas}
[[ "$user" =~ ^[0-9A-Za-z._-]+$ ]] || lab_die "user must be a plain user name"
case "$scenario" in uas | uas-echo | uas-transfer) ;; *) lab_die "scenario must be uas, uas-echo or uas-transfer" ;; esac
transfer_to=${LAB_TRANSFER_TO:-2001}
[[ "$transfer_to" =~ ^[+]?[0-9A-Za-z._-]+$ ]] || lab_die "LAB_TRANSFER_TO must be a user or number"
command -v sipp >/dev/null || lab_die "sipp not found: run 'bash lab/install.sh'"

ring_ms=${LAB_RING_MS:-300}
timeout=${LAB_TIMEOUT:-120}
password=${LAB_PASSWORD:-lab$user}
work_dir=${LAB_SIPP_WORK_DIR:-$LAB_RUN_DIR/sipp/$(lab_now_ms)-$scenario-$user-$$}
mkdir -p "$work_dir"
audio=$(lab_audio_file "${LAB_AUDIO:-speech}") || exit 1
ln -sf "$audio" "$work_dir/audio.ulaw"
cp "$LAB_DIR/sipp/$scenario.xml" "$work_dir/scenario.xml"

# A scenario may ask for extra SIPp options in its header comment ("sipp-args: ...").
read -r -a scenario_args <<<"$(sed -n 's/^ *sipp-args: *//p' "$LAB_DIR/sipp/$scenario.xml" | head -n 1)"
sip_port=$(lab_free_udp_port 10000 16000) || lab_die "no free SIP port"
media_port=$(lab_free_udp_port 16000 30000 2) || lab_die "no free media port"
echo_args=()
[[ "$scenario" == uas-echo ]] && echo_args=(-rtp_echo)

(
  cd "$work_dir"
  exec sipp -sf scenario.xml -s "$user" -i "$LAB_HOST" -p "$sip_port" -mi "$LAB_HOST" \
    -mp "$media_port" "${echo_args[@]}" -m 1 -nostdin -d "$ring_ms" -key transfer_target "$transfer_to" \
    -timeout "$timeout" -timeout_error \
    -trace_logs -log_file events.log -trace_err -error_file errors.log \
    -trace_msg -message_file messages.log "${scenario_args[@]}"
) >"$work_dir/sipp.out" 2>&1 </dev/null &
uas_pid=$!

# $1: expires (300 registers, 0 removes the binding). Output in register-<expires>.*
register() {
  (
    cd "$work_dir"
    exec sipp "$LAB_HOST:$LAB_SIP_PORT" -sf "$LAB_DIR/sipp/register.xml" -s "$user" \
      -i "$LAB_HOST" -m 1 -nostdin -timeout 5 -timeout_error \
      -key contact_port "$sip_port" -key expires "$1" -au "$user" -ap "$password" \
      -trace_logs -log_file "register-$1.log" -trace_err -error_file "register-$1.errors.log"
  ) >"$work_dir/register-$1.out" 2>&1 </dev/null
}

finish() {
  local code=$1
  trap - EXIT INT TERM
  lab_process_alive "$uas_pid" && kill -TERM "$uas_pid" 2>/dev/null
  register 0 || lab_log "could not remove the binding of $user (see $work_dir)"
  [[ -f "$work_dir/events.log" ]] && cat "$work_dir/events.log"
  echo "lab: answer $user ($scenario): exit $code ($(lab_sipp_exit_meaning "$code")); logs in $work_dir" >&2
  exit "$code"
}
trap 'finish 143' TERM
trap 'finish 130' INT

# The UAS must listen before the registrar may send calls to it.
deadline=$(($(lab_now_ms) + 3000))
until ss -Hlun "sport = :$sip_port" | grep -q .; do
  lab_process_alive "$uas_pid" || {
    cat "$work_dir/sipp.out" >&2
    lab_die "SIPp UAS exited at start"
  }
  [[ $(lab_now_ms) -lt $deadline ]] || lab_die "SIPp UAS did not bind port $sip_port"
  sleep 0.02
done
if ! register 300; then
  cat "$work_dir/register-300.errors.log" >&2 2>/dev/null || true
  kill -TERM "$uas_pid" 2>/dev/null || true
  lab_die "registration of $user failed (wrong password with auth on?); logs in $work_dir"
fi
echo "registered $user $LAB_HOST:$sip_port"

status=0
wait "$uas_pid" || status=$?
finish "$status"
