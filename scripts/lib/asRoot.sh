# Running a command as root from the install scripts. Sourced, never run.
# shellcheck shell=bash
#
# The scripts are typed without sudo (README: `bash scripts/install-system-packages.sh`), so
# they work the same as root on a machine without sudo (containers, CI) and as a normal user:
# root runs the command itself, anyone else through sudo (which may ask for the password), and
# without either the script stops with a message that says what to do.

# as_root_available CALLER REASON: true when as_root can work; otherwise prints why not.
as_root_available() {
  if [[ $(id -u) -eq 0 ]] || command -v sudo >/dev/null 2>&1; then return 0; fi
  echo "$1: $2 needs root, and this user is not root and has no sudo." >&2
  echo "$1: run the same command as root (e.g. su -c '…'), or install and configure sudo." >&2
  return 1
}

# as_root CMD [ARGS...]: runs CMD as root (directly when root, else through sudo).
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}
