#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server:
#   scripts/with-postgres.sh npx vitest run src/portal
# Creates a cluster in a temporary folder owned by the `postgres` user, starts it on 127.0.0.1
# with a free port, creates a database, runs the command with EMPFANG_TEST_POSTGRES_URL set,
# then stops the server and removes the folder (also when the command fails or is interrupted).
# Runs unprivileged: the server runs as the calling user, or as `postgres` when called as root
# (initdb refuses root). Installs PostgreSQL with apt if missing (as root, or through sudo; with
# neither it says so: scripts/lib/asRoot.sh).
set -euo pipefail
# shellcheck source=lib/asRoot.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/asRoot.sh"

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGUMENTS...]" >&2
  exit 2
fi

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN=$(find_bin || true)
if [[ -z "${BIN}" || ! -x "${BIN}/initdb" ]]; then
  as_root_available with-postgres "installing PostgreSQL (apt-get install postgresql)" || exit 2
  echo "with-postgres: PostgreSQL not found, installing it with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN=$(find_bin)
fi

if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
  SERVER_USER=postgres
  as_postgres() {
    runuser -u postgres -- "$@"
  }
else
  SERVER_USER=$(id -un)
  as_postgres() {
    "$@"
  }
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

WORK=$(mktemp -d /tmp/empfang-postgres.XXXXXX)
chown "${SERVER_USER}" "${WORK}"
chmod 700 "${WORK}"
DATA="${WORK}/data"
PORT=$(free_port)
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

cleanup() {
  local status=$?
  if [[ -f "${DATA}/postmaster.pid" ]]; then
    as_postgres "${BIN}/pg_ctl" -D "${DATA}" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "${WORK}"
  exit "${status}"
}
trap cleanup EXIT INT TERM

echo "${PASSWORD}" >"${WORK}/password"
chown "${SERVER_USER}" "${WORK}/password"
as_postgres "${BIN}/initdb" -D "${DATA}" -U postgres --auth=scram-sha-256 \
  --pwfile="${WORK}/password" -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "${WORK}/password"
# Loopback only, no Unix socket in a shared folder; fsync stays on (the tests measure real commits).
as_postgres "${BIN}/pg_ctl" -D "${DATA}" -w -l "${WORK}/server.log" \
  -o "-c listen_addresses=127.0.0.1 -c port=${PORT} -c unix_socket_directories=${WORK} -c max_connections=100" \
  start >/dev/null

export PGPASSWORD="${PASSWORD}"
"${BIN}/psql" -h 127.0.0.1 -p "${PORT}" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE empfang_test" >/dev/null
unset PGPASSWORD

export EMPFANG_TEST_POSTGRES_URL="postgres://postgres:${PASSWORD}@127.0.0.1:${PORT}/empfang_test"
echo "with-postgres: PostgreSQL $("${BIN}/postgres" --version | awk '{print $3}') on 127.0.0.1:${PORT}" >&2
set +e
"$@"
STATUS=$?
set -e
exit "${STATUS}"
