#!/usr/bin/env bash
# Starts the built madang binary on a free port with a fresh SQLite data
# folder (demo data loaded), runs the Playwright suite against it, stops it.
# When MADANG_TEST_POSTGRES_URL names a PostgreSQL server, it also starts two
# instances sharing one fresh database there (PG_URL_A with demo data,
# PG_URL_B without), for the stories that need several instances.
# usage: tests/e2e/run.sh PATH/TO/madang [playwright arguments, e.g. a spec file]
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
pids=()
pg_db=""

cleanup() {
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      wait "$pid" || true
    fi
  done
  if [ -n "$pg_db" ]; then
    psql -q "$MADANG_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME [env assignments…]: starts an instance, waits for its address,
# and sets $url to it.
start() {
  local name=$1
  shift
  mkdir -p "$work/$name"
  local log="$work/$name/server.log"
  (cd "$root" && exec env "$@" "$bin" --data-dir "$work/$name" serve --bind 127.0.0.1:0 --site-root "$root/target/site") >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 1 240); do
    url=$(grep -o 'Madang is running at http://[0-9.:]*' "$log" | head -n 1 | awk '{print $5}') || true
    [ -n "$url" ] && break
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
    sleep 0.5
  done
  if [ -z "$url" ]; then echo "$name did not start"; cat "$log"; exit 1; fi
  echo "e2e: $name at $url"
}

start sqlite MADANG_E2E=1 MADANG_DEMO=true MADANG_ALLOW_PRIVATE_WEBHOOKS=true
export BASE_URL="$url"
if [ -n "${MADANG_TEST_POSTGRES_URL:-}" ]; then
  pg_db="madang_e2e_$$"
  psql -q "$MADANG_TEST_POSTGRES_URL" -c "CREATE DATABASE $pg_db" >/dev/null
  pg_url="${MADANG_TEST_POSTGRES_URL%/*}/$pg_db"
  start postgres-a "DATABASE_URL=$pg_url" MADANG_DEMO=true
  export PG_URL_A="$url"
  start postgres-b "DATABASE_URL=$pg_url"
  export PG_URL_B="$url"
fi
cd "$here"
./node_modules/.bin/playwright test "${@:2}"
