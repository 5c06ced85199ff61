#!/usr/bin/env bash
# Fuzzes the REST API against its own OpenAPI document with schemathesis
# (`--checks all`): once as a visitor, once with a customer's API token and
# once with an admin's, each against a fresh server with the demo data.
# Any server error, response that breaks the document, undocumented status
# code or other check failure fails the run.
#
#   scripts/fuzz-api.sh [path/to/madang]
#   FUZZ_SECONDS=60   time budget per role (default 60)
#   FUZZ_SEED=1       hypothesis seed; `random` for a new one each run
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${CARGO_TARGET_DIR:-target}/debug/madang}
seconds=${FUZZ_SECONDS:-60}
seed=${FUZZ_SEED:-1}
schemathesis_version=4.32.5
venv=${MADANG_FUZZ_VENV:-$HOME/.cache/madang/schemathesis-$schemathesis_version}

if [ ! -x "$venv/bin/st" ]; then
  echo "[fuzz] installing schemathesis $schemathesis_version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

work=$(mktemp -d)
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a fresh demo server in $work/$1 and sets $base.
start_server() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  MADANG_SECRET_KEY=fuzz-secret-key-fuzz-secret-key-0000 \
    "$bin" serve --demo --data-dir "$work/$1" --bind "127.0.0.1:$port" --base-url "$base" \
    >"$work/$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "[fuzz] the server did not start:" >&2
  cat "$work/$1.log" >&2
  exit 1
}

# Signs in as a demo member and prints a fresh API token of theirs.
token_of() {
  local email=$1 jar="$work/cookies"
  curl -fsS -c "$jar" -H 'content-type: application/json' -H "origin: $base" \
    -d "{\"email\":\"$email\",\"password\":\"madang-demo-2026\"}" "$base/api/v1/auth/login" >/dev/null
  curl -fsS -b "$jar" -H 'content-type: application/json' -H "origin: $base" \
    -d '{"name":"schemathesis"}' "$base/api/v1/me/tokens" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

failed=()
fuzz_as() {
  local role=$1 email=${2:-}
  start_server "$role"
  local auth=()
  if [ -n "$email" ]; then
    # Operations that end the fuzzer's own access (its token, its account,
    # its role) would turn the rest of the run into a stream of 401s; the
    # visitor run still sends them everything.
    auth=(-H "Authorization: Bearer $(token_of "$email")"
      --exclude-name "DELETE /api/v1/me"
      --exclude-name "DELETE /api/v1/me/tokens/{id}"
      --exclude-name "DELETE /api/v1/me/sessions"
      --exclude-name "POST /api/v1/auth/logout"
      --exclude-name "PUT /api/v1/admin/users/{id}")
  fi
  local seed_args=()
  [ "$seed" = random ] || seed_args=(--seed "$seed")
  echo "[fuzz] as $role for ${seconds}s against $base"
  if ! "$venv/bin/st" --config-file tests/fuzz/schemathesis.toml run "$base/api/v1/openapi.json" \
    --checks all --phases examples,coverage,fuzzing --max-time "$seconds" \
    --workers 1 --generation-database none --no-color --output-truncate true \
    --report junit --report-dir "$work/report-$role" \
    "${seed_args[@]}" "${auth[@]}" >"$work/$role.txt" 2>&1; then
    failed+=("$role")
    cat "$work/$role.txt"
  else
    sed -n '/SUMMARY/,$p' "$work/$role.txt"
  fi
  if grep -q 'panicked' "$work/$role.log"; then
    echo "[fuzz] the server panicked as $role:" >&2
    grep -A5 'panicked' "$work/$role.log" >&2
    failed+=("$role (panic)")
  fi
  stop_server
}

fuzz_as visitor
fuzz_as customer customer@hanbit.example
fuzz_as admin admin@hanbit.example

if [ "${#failed[@]}" -gt 0 ]; then
  echo "[fuzz] failures as: ${failed[*]}" >&2
  exit 1
fi
echo "[fuzz] clean as visitor, customer and admin"
