#!/usr/bin/env bash
# baresip as a simple outside peer: registers a lab user, answers calls automatically, or dials.
# It sends the lab speech (or LAB_BARESIP_WAV, 8 kHz mono WAV) as its microphone; G.711 only.
#
#   bash lab/baresip.sh <user> [seconds]               register, auto-answer, quit after seconds
#   bash lab/baresip.sh <user> dial <target> [seconds] register, dial sip:<target>@127.0.0.1
#
# Default 60 s. Password lab<user> (LAB_PASSWORD), used when the lab runs with auth.
# Config and log: $EMPFANG_LAB_RUN_DIR/baresip/<user>/.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

[[ $# -ge 1 ]] || {
  echo "usage: bash lab/baresip.sh <user> [seconds] | <user> dial <target> [seconds]" >&2
  exit 2
}
user=$1
shift
target=""
if [[ "${1:-}" == dial ]]; then
  target=${2:?dial needs a target}
  shift 2
fi
seconds=${1:-60}
[[ "$user" =~ ^[0-9A-Za-z._-]+$ ]] || lab_die "user must be a plain user name"
[[ -z "$target" || "$target" =~ ^[+]?[0-9A-Za-z._-]+$ ]] || lab_die "target must be a user or number"
[[ "$seconds" =~ ^[0-9]+$ ]] || lab_die "seconds must be a whole number"
command -v baresip >/dev/null || lab_die "baresip not found: run 'bash lab/install.sh'"

config_dir="$LAB_RUN_DIR/baresip/$user"
mkdir -p "$config_dir"
audio=${LAB_BARESIP_WAV:-$(bash "$LAB_DIR/audio/generate.sh")/speech-8k.wav}
sip_port=$(lab_free_udp_port 10000 16000) || lab_die "no free SIP port"
sed -e "s#@AUDIO@#$audio#" -e "s#@SIP_PORT@#$sip_port#" "$LAB_DIR/baresip/config" >"$config_dir/config"
printf '<sip:%s@%s>;auth_pass=%s;answermode=auto;regint=600;outbound="sip:%s:%s;transport=udp"\n' \
  "$user" "$LAB_HOST" "${LAB_PASSWORD:-lab$user}" "$LAB_HOST" "$LAB_SIP_PORT" >"$config_dir/accounts"

commands=()
[[ -n "$target" ]] && commands=(-e "/dial sip:$target@$LAB_HOST")
echo "lab: baresip $user on $LAB_HOST:$sip_port for $seconds s${target:+, dialling $target}" >&2
exec baresip -f "$config_dir" -t "$seconds" "${commands[@]}"
