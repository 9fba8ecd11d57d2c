#!/usr/bin/env bash
# The lab voicebot (lab/voicebot): a SIP endpoint registered as `voicebot` that answers calls
# the portal routes to it, speaks German (espeak-ng), listens through Deepgram's protocol,
# reports to the portal's bot API and hands callers over by REFER.
#
#   bash lab/bot.sh start      start in the background; returns once registered (prints contact)
#   bash lab/bot.sh stop       TERM its process group, KILL after 3 s
#   bash lab/bot.sh status     running or not
#   bash lab/bot.sh run        in the foreground (Ctrl-C stops)
#
# Environment (all optional, see lab/voicebot/README.md): EMPFANG_BOT_PORTAL_URL +
# EMPFANG_BOT_TOKEN (bot API), EMPFANG_BOT_DEEPGRAM_URL (+ _KEY) or EMPFANG_BOT_DEMO=1,
# EMPFANG_BOT_OPENAI_URL (+ _KEY, _MODEL), EMPFANG_BOT_SIP_USER (voicebot), EMPFANG_BOT_CLIENTS.
# Log and pid: $EMPFANG_LAB_RUN_DIR/voicebot.{log,pid}. The log holds no caller data.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command=${1:-}
log_file="$LAB_RUN_DIR/voicebot.log"
mkdir -p "$LAB_RUN_DIR"
for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || lab_die "$tool not found: run 'bash lab/install.sh'"
done
entry=(node --import tsx "$LAB_DIR/voicebot/voicebot.ts")

stop_bot() {
  local pid deadline
  pid=$(lab_pid_of voicebot) || return 0
  if [[ -n "$(lab_group_pids "$pid")" ]]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    deadline=$(($(lab_now_ms) + 3000))
    while [[ -n "$(lab_group_pids "$pid")" && $(lab_now_ms) -lt $deadline ]]; do sleep 0.05; done
    [[ -z "$(lab_group_pids "$pid")" ]] || kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$LAB_RUN_DIR/voicebot.pid"
}

case "$command" in
  start)
    lab_component_running voicebot && lab_die "voicebot already running (bash lab/bot.sh stop)"
    (cd "$REPO_ROOT" && exec setsid "${entry[@]}") >"$log_file" 2>&1 </dev/null &
    echo $! >"$LAB_RUN_DIR/voicebot.pid"
    deadline=$(($(lab_now_ms) + 30000))
    until grep -q '^voicebot ready' "$log_file" 2>/dev/null; do
      if ! lab_component_running voicebot || [[ $(lab_now_ms) -gt $deadline ]]; then
        lab_log_tail voicebot
        stop_bot
        lab_die "voicebot did not start"
      fi
      sleep 0.1
    done
    sed -n 's/^voicebot ready /lab: voicebot registered, contact /p' "$log_file" >&2
    ;;
  stop) stop_bot && echo "lab: voicebot stopped" >&2 ;;
  status)
    if lab_component_running voicebot; then echo "voicebot running (pid $(lab_pid_of voicebot))"; else
      echo "voicebot not running"
      exit 1
    fi
    ;;
  run) cd "$REPO_ROOT" && exec "${entry[@]}" ;;
  *)
    echo "usage: bash lab/bot.sh start|stop|status|run" >&2
    exit 2
    ;;
esac
