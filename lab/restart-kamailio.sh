#!/usr/bin/env bash
# Restarts Kamailio while rtpengine keeps running (fault test: "SIP server restarted while
# clients are registered"). Registrations live in memory, so every client must re-register.
#
#   bash lab/restart-kamailio.sh [SECONDS_DOWN]     default 0
#   EMPFANG_LAB_AUTH=1 bash lab/restart-kamailio.sh  switch digest auth on (0: off)
#
# Prints "kamailio back at <epoch ms>" on stdout: the moment every Kamailio port answered again,
# for "re-registered within N s of it being back" assertions.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

down_seconds=${1:-0}
[[ "$down_seconds" =~ ^[0-9]+([.][0-9]+)?$ ]] || lab_die "SECONDS_DOWN must be a number"
[[ -f "$LAB_RUN_DIR/lab.env" ]] || lab_die "no lab in $LAB_RUN_DIR: run 'bash lab/start.sh' first"

bash "$LAB_DIR/stop.sh" kamailio >&2
sleep "$down_seconds"
bash "$LAB_DIR/start.sh" kamailio >&2
echo "kamailio back at $(lab_now_ms)"
