#!/usr/bin/env bash
# The browser's first load of each client (app/src/client.rs) as a build
# left them in SITE (target/site): WASM and JavaScript, raw and gzip -9.
#   madang      the islands client: every page a visitor opens
#   madang_app  the whole app: pages of signed-in members (staff included),
#               split at its page groups (app/src/routes.rs): a page loads
#               the main module, its glue, the chunk loader and the pack
#               madang_app_split.json names for its group
# A client that was not built is skipped. With BUDGET_ISLANDS or BUDGET_APP
# (bytes, gzip), fails when that client's first load (for the whole app:
# its heaviest page's) is above it.
# usage: scripts/client-size.sh [SITE]
set -euo pipefail
site=${1:-target/site}
pkg=$site/pkg
status=0
gz() { gzip -9c "$1" | wc -c; }

over() { # over BYTES BUDGET: prints the budget, fails the run when over it
  if [ -n "$2" ]; then
    printf ' (budget %d)' "$2"
    if [ "$1" -gt "$2" ]; then
      printf ' OVER THE BUDGET'
      status=1
    fi
  fi
  printf '\n'
}

if [ -f "$pkg/madang_bg.wasm" ]; then
  total=0
  for file in "$pkg/madang_bg.wasm" "$pkg/madang.js"; do
    packed=$(gz "$file")
    total=$((total + packed))
    printf '%-32s %10d bytes  %9d gzip\n' "$(basename "$file")" "$(wc -c <"$file")" "$packed"
  done
  printf "first load of a visitor's page (islands), WASM + JS gzip -9: %d bytes" "$total"
  over "$total" "${BUDGET_ISLANDS:-}"
fi

if [ -f "$pkg/madang_app_bg.wasm" ]; then
  shell=0
  for file in "$pkg/madang_app_bg.wasm" "$pkg/madang_app.js" "$pkg/__wasm_split.js"; do
    [ -f "$file" ] || continue
    packed=$(gz "$file")
    shell=$((shell + packed))
    printf '%-32s %10d bytes  %9d gzip\n' "$(basename "$file")" "$(wc -c <"$file")" "$packed"
  done
  packs=$(find "$pkg" -maxdepth 1 -name 'pack_*.bin' | wc -l)
  printf '%-32s %10d packs\n' "page groups" "$packs"
  heaviest=$shell
  heaviest_route="(no split)"
  if [ -f "$pkg/madang_app_split.json" ]; then
    # Each page group's pack (its lazy module and the chunks it needs):
    # "page GROUP BYTES" per group.
    while read -r _ name bytes; do
      bytes=$((shell + bytes))
      printf '  page %-24s %9d gzip\n' "$name" "$bytes"
      if [ "$bytes" -gt "$heaviest" ]; then
        heaviest=$bytes
        heaviest_route=$name
      fi
    done < <(python3 - "$pkg" <<'PY'
import gzip, json, pathlib, sys
pkg = pathlib.Path(sys.argv[1])
for group, pack in sorted(json.loads((pkg / "madang_app_split.json").read_text()).items()):
    print("page", group, len(gzip.compress((pkg / pack).read_bytes(), 9)))
PY
)
  fi
  printf "first load of a member's heaviest page (whole app: %s), WASM + JS gzip -9: %d bytes" \
    "$heaviest_route" "$heaviest"
  over "$heaviest" "${BUDGET_APP:-}"
fi
exit $status
