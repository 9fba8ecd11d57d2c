# Shared helpers for the lab scripts. Sourced, never run.
# shellcheck shell=bash

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$LAB_DIR/.." && pwd)
LAB_RUN_DIR=${EMPFANG_LAB_RUN_DIR:-$REPO_ROOT/.lab-run}
LAB_HOST=127.0.0.1
LAB_SIP_PORT=5060
LAB_WS_PORT=8080
# A second ws port: one desk connects here so lab/fault.sh can cut that desk alone.
LAB_WS_SECOND_PORT=8081
LAB_WSS_PORT=8443
LAB_RTPENGINE_NG_PORT=2223

lab_log() { echo "lab: $*" >&2; }
lab_die() {
  echo "lab: ERROR: $*" >&2
  exit 1
}

# Milliseconds since the epoch (for timings printed by the scripts).
lab_now_ms() { date +%s%3N; }

# True while the process exists and is not a zombie. Processes are reaped late on the project
# machines, so `kill -0` alone would call a dead daemon alive.
lab_process_alive() {
  local pid=$1 state
  [[ -n "$pid" ]] || return 1
  state=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ') || return 1
  [[ -n "$state" && "$state" != Z* ]]
}

# Pids (not zombies) in the process group led by $1 (daemons are started with setsid).
lab_group_pids() {
  local group=$1
  ps -eo pid=,pgid=,stat= | awk -v group="$group" '$2 == group && $3 !~ /^Z/ { print $1 }'
}

lab_pid_of() {
  local file="$LAB_RUN_DIR/$1.pid"
  [[ -f "$file" ]] && cat "$file"
}

lab_component_running() {
  local pid
  pid=$(lab_pid_of "$1") || return 1
  lab_process_alive "$pid"
}

# Prints the last lines of a daemon's log to stderr (used when a start fails).
lab_log_tail() {
  local file="$LAB_RUN_DIR/$1.log"
  if [[ -f "$file" ]]; then
    echo "----- last lines of $file -----" >&2
    tail -n "${2:-40}" "$file" >&2
    echo "-----" >&2
  fi
}

# UDP goes through dd: bash's printf writes one datagram per line and its `read` takes one byte
# per read(2), which truncates a datagram to its first byte.

# TCP connect check via bash's /dev/tcp.
lab_tcp_open() {
  timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Sends an OPTIONS over UDP and waits for Kamailio's "200 Keepalive".
lab_sip_udp_answers() {
  local branch="z9hG4bK-lab-$RANDOM$RANDOM"
  timeout 1 bash -c '
    exec 3<>/dev/udp/'"$LAB_HOST/$LAB_SIP_PORT"'
    printf "OPTIONS sip:'"$LAB_HOST"' SIP/2.0\r\nVia: SIP/2.0/UDP '"$LAB_HOST"':9;branch='"$branch"';rport\r\nMax-Forwards: 5\r\nFrom: <sip:probe@'"$LAB_HOST"'>;tag=probe\r\nTo: <sip:'"$LAB_HOST"'>\r\nCall-ID: '"$branch"'\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n" | dd bs=65536 count=1 iflag=fullblock 2>/dev/null >&3
    reply=$(dd bs=65536 count=1 <&3 2>/dev/null)
    [[ "$reply" == "SIP/2.0 200"* ]]
  ' 2>/dev/null
}

# WebSocket upgrade over plain TCP must answer "101 Switching Protocols" (proves xhttp+websocket).
lab_ws_upgrade_answers() {
  timeout 1 bash -c '
    exec 3<>/dev/tcp/'"$LAB_HOST/$LAB_WS_PORT"'
    printf "GET / HTTP/1.1\r\nHost: '"$LAB_HOST"'\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n\r\n" >&3
    IFS= read -r -t 1 line <&3 && [[ "$line" == *" 101 "* ]]
  ' 2>/dev/null
}

# A completed TLS handshake on the wss port (Kamailio binds before TLS init can still fail).
lab_tls_answers() {
  timeout 2 openssl s_client -connect "$LAB_HOST:$LAB_WSS_PORT" -brief </dev/null >/dev/null 2>&1
}

# rtpengine ng "ping" must answer "pong" (bencode over UDP).
lab_rtpengine_answers() {
  timeout 1 bash -c '
    exec 3<>/dev/udp/'"$LAB_HOST/$LAB_RTPENGINE_NG_PORT"'
    printf "lab1 d7:command4:pinge" >&3
    reply=$(dd bs=65536 count=1 <&3 2>/dev/null)
    [[ "$reply" == *pong* ]]
  ' 2>/dev/null
}

# Prints a UDP port in [low, high) that no socket uses (nor port+1 when step is 2, for RTP/RTCP).
# Random start, so parallel callers rarely collide.
lab_free_udp_port() {
  local low=$1 high=$2 step=${3:-1} used port attempt
  used=" $(ss -Hlun 2>/dev/null | awk '{ n = split($4, parts, ":"); printf "%s ", parts[n] }') "
  for attempt in $(seq 1 100); do
    port=$((low + (RANDOM * 32768 + RANDOM) % (high - low)))
    port=$((port - port % step))
    [[ "$used" == *" $port "* ]] && continue
    [[ $step -eq 2 && "$used" == *" $((port + 1)) "* ]] && continue
    echo "$port"
    return 0
  done
  return 1
}

# Resolves LAB_AUDIO (speech | tone | silence | a path to raw µ-law 8 kHz) to a file, generating
# the lab audio on first use.
lab_audio_file() {
  local choice=${1:-speech}
  case "$choice" in
    speech | tone | silence)
      local directory
      directory=$(bash "$LAB_DIR/audio/generate.sh") || return 1
      echo "$directory/$choice.ulaw"
      ;;
    *)
      [[ -f "$choice" ]] || {
        echo "lab: ERROR: audio file '$choice' not found" >&2
        return 1
      }
      (cd "$(dirname "$choice")" && echo "$PWD/$(basename "$choice")")
      ;;
  esac
}

# Explains SIPp's exit code in a few words.
lab_sipp_exit_meaning() {
  case "$1" in
    0) echo "success" ;;
    1) echo "call failed" ;;
    97) echo "stopped by internal command" ;;
    99) echo "no call processed" ;;
    143) echo "terminated" ;;
    254) echo "fatal: cannot bind a socket" ;;
    255) echo "fatal error" ;;
    *) echo "unexpected" ;;
  esac
}
