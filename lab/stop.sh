#!/usr/bin/env bash
# Stops the lab daemons started by lab/start.sh (same state dir) and leaves no process behind.
#
#   bash lab/stop.sh              Kamailio and rtpengine
#   bash lab/stop.sh kamailio     only Kamailio
#
# Each daemon leads its own process group: TERM the group, wait up to 3 s until every member is
# gone (zombies count as gone: they are reaped late here), then KILL what is left. Exits 1 only
# if something survives KILL.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

components=("$@")
[[ ${#components[@]} -gt 0 ]] || components=(kamailio rtpengine)
started_at=$(lab_now_ms)
status=0

stop_component() {
  local component=$1 pid group remaining deadline
  pid=$(lab_pid_of "$component") || return 0
  group=$pid
  if [[ -n "$(lab_group_pids "$group")" ]]; then
    kill -TERM -- "-$group" 2>/dev/null || true
    deadline=$(($(lab_now_ms) + 3000))
    while [[ -n "$(lab_group_pids "$group")" && $(lab_now_ms) -lt $deadline ]]; do
      sleep 0.02
    done
    remaining=$(lab_group_pids "$group")
    if [[ -n "$remaining" ]]; then
      lab_log "$component did not stop on TERM, sending KILL to: $(echo "$remaining" | tr '\n' ' ')"
      kill -KILL -- "-$group" 2>/dev/null || true
      sleep 0.2
      if [[ -n "$(lab_group_pids "$group")" ]]; then
        lab_log "ERROR: $component processes survive KILL: $(lab_group_pids "$group" | tr '\n' ' ')"
        status=1
        return 0
      fi
    fi
  fi
  rm -f "$LAB_RUN_DIR/$component.pid"
}

for component in "${components[@]}"; do
  case "$component" in
    kamailio | rtpengine) stop_component "$component" ;;
    *) lab_die "unknown component '$component' (kamailio|rtpengine)" ;;
  esac
done
echo "lab: stopped ${components[*]} in $(($(lab_now_ms) - started_at)) ms"
exit "$status"
