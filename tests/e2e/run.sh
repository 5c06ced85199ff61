#!/usr/bin/env bash
# Starts the built madang binary on a free port with a fresh SQLite data
# folder (demo data loaded), runs the Playwright suite against it, stops it.
# When MADANG_TEST_POSTGRES_URL names a PostgreSQL server, it also starts two
# instances sharing one fresh database there (PG_URL_A with demo data,
# PG_URL_B without), for the stories that need several instances.
# With --through-nginx (needs MADANG_TEST_POSTGRES_URL and Debian's nginx)
# the whole suite runs through deploy/nginx/madang.conf instead: nginx on a
# free port in front of those two instances, which trust it as their proxy
# and take its address as their public origin.
# Every instance logs JSON lines and serves /metrics behind a token: after
# the suite, check-logs.mjs scrapes each instance and searches every log for
# the passwords, tokens and private details the specs used.
# With --site DIR the instances serve the clients in DIR instead of
# target/site (the debug clients): `make release-smoke` runs a spec against
# the release clients the size gate built.
# usage: tests/e2e/run.sh PATH/TO/madang [--through-nginx] [--site DIR] [playwright arguments, e.g. a spec file]
set -euo pipefail
bin=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
through_nginx=false
if [ "${1:-}" = "--through-nginx" ]; then
  through_nginx=true
  shift
fi
site="$root/target/site"
if [ "${1:-}" = "--site" ]; then
  site=$(realpath "$2")
  shift 2
fi
work=$(mktemp -d)
pids=()
pg_db=""
instances=()
metrics_token="e2e-metrics-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
# The specs note here every secret they send (support.ts, secretUsed).
export MADANG_SECRETS_FILE="$work/secrets.jsonl"
: >"$MADANG_SECRETS_FILE"

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
  local out="$work/$name/server.out" log="$work/$name/server.log"
  (cd "$root" && exec env MADANG_LOG_FORMAT=json "MADANG_METRICS_TOKEN=$metrics_token" "$@" \
    "$bin" --data-dir "$work/$name" serve --bind 127.0.0.1:0 --site-root "$site") >"$out" 2>"$log" &
  local pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 1 240); do
    # The address it listens on: "listening on" when its public address
    # (--base-url) is another one, such as the proxy's.
    # One reading of the output for both lines: "listening on" comes
    # first, so a reading that holds "running at" holds it too.
    printed=$(cat "$out")
    url=$(grep -o 'Madang is listening on http://[0-9.:]*' <<<"$printed" | head -n 1 | awk '{print $5}') || true
    [ -n "$url" ] || url=$(grep -o 'Madang is running at http://[0-9.:]*' <<<"$printed" | head -n 1 | awk '{print $5}') || true
    [ -n "$url" ] && break
    if ! kill -0 "$pid" 2>/dev/null; then cat "$out" "$log"; exit 1; fi
    sleep 0.5
  done
  if [ -z "$url" ]; then echo "$name did not start"; cat "$out" "$log"; exit 1; fi
  instances+=("$url")
  echo "e2e: $name at $url"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_nginx PORT UPSTREAM_A UPSTREAM_B: the shipped nginx site file with
# its upstream servers and listen port replaced, in a main configuration
# that keeps every file under $work.
start_nginx() {
  local port=$1 upstream_a=${2#http://} upstream_b=${3#http://}
  local conf="$work/nginx"
  mkdir -p "$conf"
  sed -e "s|^    server 127.0.0.1:3000;|    server $upstream_a;|" \
      -e "s|^    server 127.0.0.1:3001;|    server $upstream_b;|" \
      -e "s|^    listen 80;|    listen 127.0.0.1:$port;|" \
      -e "s|/var/log/nginx/madang.access.log|$conf/madang.access.log|" \
      "$root/deploy/nginx/madang.conf" >"$conf/madang.conf"
  grep -q "listen 127.0.0.1:$port;" "$conf/madang.conf"
  grep -q "server $upstream_b;" "$conf/madang.conf"
  printf '%s\n' \
    "pid $conf/nginx.pid;" \
    "error_log $conf/error.log;" \
    "daemon off;" \
    "events { worker_connections 1024; }" \
    "http {" \
    "    access_log $conf/access.log;" \
    "    client_body_temp_path $conf/body;" \
    "    proxy_temp_path $conf/proxy;" \
    "    fastcgi_temp_path $conf/fastcgi;" \
    "    uwsgi_temp_path $conf/uwsgi;" \
    "    scgi_temp_path $conf/scgi;" \
    "    include $conf/madang.conf;" \
    "}" >"$conf/nginx.conf"
  /usr/sbin/nginx -p "$conf" -c "$conf/nginx.conf" -e "$conf/error.log" &
  pids+=("$!")
  for _ in $(seq 1 40); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.25
  done
  if ! curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then
    echo "nginx did not start"; cat "$conf/error.log"; exit 1
  fi
  echo "e2e: nginx at http://127.0.0.1:$port in front of $upstream_a and $upstream_b"
}

if $through_nginx; then
  if [ -z "${MADANG_TEST_POSTGRES_URL:-}" ]; then
    echo "--through-nginx needs MADANG_TEST_POSTGRES_URL (two instances share one database)" >&2
    exit 2
  fi
  pg_db="madang_e2e_$$"
  psql -q "$MADANG_TEST_POSTGRES_URL" -c "CREATE DATABASE $pg_db" >/dev/null
  pg_url="${MADANG_TEST_POSTGRES_URL%/*}/$pg_db"
  proxy_port=$(free_port)
  public="http://127.0.0.1:$proxy_port"
  behind_proxy=("DATABASE_URL=$pg_url" MADANG_E2E=1 MADANG_ALLOW_PRIVATE_WEBHOOKS=true
    "MADANG_BASE_URL=$public" MADANG_TRUSTED_PROXIES=127.0.0.1)
  start postgres-a "${behind_proxy[@]}" MADANG_DEMO=true
  export PG_URL_A="$url"
  start postgres-b "${behind_proxy[@]}"
  export PG_URL_B="$url"
  start_nginx "$proxy_port" "$PG_URL_A" "$PG_URL_B"
  # Every browser goes through nginx, the two-server story too: its two
  # browsers reach whichever instance nginx picks for each request.
  export BASE_URL="$public" PG_URL_A="$public" PG_URL_B="$public" THROUGH_NGINX=1
else
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
fi
cd "$here"
suite=0
./node_modules/.bin/playwright test "$@" || suite=$?
logs=("$work"/*/server.log)
if $through_nginx; then
  logs+=("$work/nginx/madang.access.log")
fi
checked=0
METRICS_TOKEN="$metrics_token" INSTANCES="${instances[*]}" PUBLIC_URL="${THROUGH_NGINX:+$BASE_URL}" \
  node "$here/check-logs.mjs" "${logs[@]}" || checked=$?
if [ "$suite" -ne 0 ]; then exit "$suite"; fi
exit "$checked"
