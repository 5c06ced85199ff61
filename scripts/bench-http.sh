#!/usr/bin/env bash
# HTTP load run (`make bench`): the release server on loopback, driven by
# wrk, on generated databases of 10,000 ideas / 100,000 votes and 100,000 /
# 1,000,000 (SQLite; PostgreSQL too when MADANG_BENCH_POSTGRES_URL names a
# server, e.g. postgres://postgres@127.0.0.1:5432/postgres).
#
# For each: req/s and p50/p99 latency at 8 and 64 connections of /healthz
# (the framework's ceiling), the API list (top, new, trending; 30 a page),
# the server-rendered board page and vote writes, each also as a fraction of
# /healthz measured in the same run; and, for SQLite, the raw synced-commit
# rate of the same disk (one-row INSERT + COMMIT at the server's
# `synchronous` level), against which vote writes are compared. Each start
# of the server also prints how long it took to become ready.
#
# usage: scripts/bench-http.sh [IDEAS…]   (default: 10000 100000)
# BENCH_SECONDS (10) sets the length of each wrk run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: sudo apt-get install wrk" >&2
    exit 1
  fi
fi

sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(10000 100000)
seconds=${BENCH_SECONDS:-10}
target=${CARGO_TARGET_DIR:-target}
bench_dir="$(pwd)/target/bench"
mkdir -p "$bench_dir"
work=$(mktemp -d)
server_pid=""

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cargo build -q -p server --release
bin="$target/release/madang"

seed() { # URL IDEAS
  cargo bench -q -p madang-tests --bench board -- --seed "$1" --ideas "$2" | grep '^seeded'
}

# start DATABASE_URL: the release server on a free port; sets $base and
# prints how long start-up took (migrations, the search index, the live
# hub) until /readyz answered 200.
start() {
  local port started
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -rf "$work/data" && mkdir -p "$work/data"
  started=$(date +%s%N)
  DATABASE_URL="$1" "$bin" --data-dir "$work/data" serve --bind "127.0.0.1:$port" \
    --site-root target/site >"$work/server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = 200 ]; then
      echo "  start-up until /readyz answers 200: $(( ($(date +%s%N) - started) / 1000000 )) ms"
      return
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.1
  done
  echo "the server did not become ready" >&2
  exit 1
}

stop() {
  kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# measure LABEL CONNECTIONS PATH [LUA]: one wrk run; prints a row and
# remembers req/s in $rate.
measure() {
  local label=$1 connections=$2 path=$3 script=${4:-}
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency ${script:+-s "$script"} "$base$path")
  rate=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  local p50 p99 errors
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  local ratio
  ratio=$(python3 -c "print(f'{100 * $rate / ${ceiling:-$rate}:.0f} %')")
  printf '  %-34s c=%-3s %10s req/s  p50 %9s  p99 %9s  %6s of /healthz%s\n' \
    "$label" "$connections" "$rate" "$p50" "$p99" "$ratio" "${errors:+  ($errors non-2xx)}"
}

run_suite() { # DATABASE_URL IDEAS
  start "$1"
  for connections in 8 64; do
    ceiling=""
    measure "GET /healthz" "$connections" /healthz
    ceiling=$rate
    for sort in top new trending; do
      measure "GET /api/v1/ideas?sort=$sort" "$connections" "/api/v1/ideas?sort=$sort&limit=30"
    done
    measure "GET / (server-rendered board)" "$connections" /
    BENCH_IDEAS=$2 measure "PUT/DELETE …/vote (writes)" "$connections" /healthz scripts/bench/vote.lua
    vote_rate=$rate
  done
  stop
}

for ideas in "${sizes[@]}"; do
  db="$bench_dir/http-$ideas.db"
  [ -f "$db" ] || seed "sqlite://$db?mode=rwc" "$ideas"
  cp "$db" "$work/run.db"
  echo "== SQLite, $ideas ideas, $((ideas * 10)) votes (synchronous=NORMAL), wrk ${seconds}s, 2 threads =="
  run_suite "sqlite://$work/run.db" "$ideas"
  raw=$(python3 scripts/bench/commit_rate.py "$work/commit-rate.db" NORMAL)
  rm -f "$work"/commit-rate.db*
  echo "  raw synced commits on this disk (INSERT+COMMIT, synchronous=NORMAL): $raw/s;" \
    "votes at 64 connections: $(python3 -c "print(f'{100 * $vote_rate / $raw:.0f} %')")"
  rm -f "$work"/run.db*
  if [ -n "${MADANG_BENCH_POSTGRES_URL:-}" ]; then
    pg_db="madang_bench_$ideas"
    if ! psql -qtA "$MADANG_BENCH_POSTGRES_URL" -c "SELECT 1 FROM pg_database WHERE datname = '$pg_db'" | grep -q 1; then
      psql -q "$MADANG_BENCH_POSTGRES_URL" -c "CREATE DATABASE $pg_db"
    fi
    pg_url="${MADANG_BENCH_POSTGRES_URL%/*}/$pg_db"
    seed "$pg_url" "$ideas"
    echo "== PostgreSQL, $ideas ideas, $((ideas * 10)) votes, wrk ${seconds}s, 2 threads =="
    run_suite "$pg_url" "$ideas"
  fi
done
