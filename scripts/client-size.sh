#!/usr/bin/env bash
# The browser's first load of the client, as `make build` leaves it in
# SITE (target/site): the WASM and its JavaScript glue, raw and gzip -9.
# Every page loads the same bundle today. With BUDGET (bytes, gzip), fails
# when the first load is above it.
# usage: scripts/client-size.sh [SITE]
set -euo pipefail
site=${1:-target/site}
total=0
for file in "$site/pkg/madang_bg.wasm" "$site/pkg/madang.js"; do
  raw=$(wc -c <"$file")
  packed=$(gzip -9c "$file" | wc -c)
  total=$((total + packed))
  printf '%-32s %10d bytes  %9d gzip\n' "$(basename "$file")" "$raw" "$packed"
done
printf 'first load of every page (WASM + JS, gzip -9): %d bytes\n' "$total"
if [ -n "${BUDGET:-}" ] && [ "$total" -gt "$BUDGET" ]; then
  echo "over the budget of $BUDGET bytes" >&2
  exit 1
fi
