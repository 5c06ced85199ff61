#!/usr/bin/env bash
# The browser's first load of each client (app/src/client.rs) as a build
# left them in SITE (target/site): WASM and JavaScript glue, raw and gzip -9.
#   madang      the islands client: every page a visitor opens
#   madang_app  the whole app: pages of signed-in members (staff included)
# A client that was not built is skipped. With BUDGET_ISLANDS or BUDGET_APP
# (bytes, gzip), fails when that client's first load is above it.
# usage: scripts/client-size.sh [SITE]
set -euo pipefail
site=${1:-target/site}
status=0
for client in madang madang_app; do
  [ -f "$site/pkg/${client}_bg.wasm" ] || continue
  total=0
  for file in "$site/pkg/${client}_bg.wasm" "$site/pkg/${client}.js"; do
    raw=$(wc -c <"$file")
    packed=$(gzip -9c "$file" | wc -c)
    total=$((total + packed))
    printf '%-32s %10d bytes  %9d gzip\n' "$(basename "$file")" "$raw" "$packed"
  done
  case $client in
    madang) budget=${BUDGET_ISLANDS:-}; who="a visitor's page (islands)" ;;
    *) budget=${BUDGET_APP:-}; who="a member's page (whole app)" ;;
  esac
  printf 'first load of %s, WASM + JS gzip -9: %d bytes' "$who" "$total"
  if [ -n "$budget" ]; then
    printf ' (budget %d)' "$budget"
    if [ "$total" -gt "$budget" ]; then
      printf ' OVER THE BUDGET'
      status=1
    fi
  fi
  printf '\n'
done
exit $status
