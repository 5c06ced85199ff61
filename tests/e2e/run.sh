#!/usr/bin/env bash
# Starts the built madang binary on a free port with a fresh SQLite data
# folder (demo data loaded), runs the Playwright suite against it, stops it.
# usage: tests/e2e/run.sh PATH/TO/madang [playwright arguments, e.g. a spec file]
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$(mktemp -d)
log="$data/server.log"

cleanup() {
  if [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

(cd "$root" && exec "$bin" --data-dir "$data" serve --bind 127.0.0.1:0 --site-root "$root/target/site") >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  url=$(grep -o 'Madang is running at http://[0-9.:]*' "$log" | head -n 1 | awk '{print $5}') || true
  [ -n "$url" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 0.5
done
if [ -z "${url:-}" ]; then echo "server did not start"; cat "$log"; exit 1; fi
echo "e2e: server at $url"
cd "$here"
BASE_URL="$url" ./node_modules/.bin/playwright test "${@:2}"
