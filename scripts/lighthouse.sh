#!/usr/bin/env bash
# Lighthouse, mobile preset (its default: a mid-range phone, slow 4G,
# 4x CPU slowdown, simulated), with Debian's Chromium, on a visitor's board,
# idea and ticket thread of the release build (`make build` first), served
# from a throw-away data folder with the demo data. Prints one line per page;
# the JSON reports stay in target/lighthouse. Not a CI gate (the figures
# move between runs); docs/performance.md records them.
# usage: scripts/lighthouse.sh [PATH/TO/madang] [SITE]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/madang}
site=${2:-$root/target/site}
here=$root/tests/lighthouse
[ -x "$here/node_modules/.bin/lighthouse" ] || (cd "$here" && npm ci --no-audit --no-fund)
work=$(mktemp -d)
out=$root/target/lighthouse
mkdir -p "$out"
"$bin" --data-dir "$work" serve --demo --bind 127.0.0.1:0 --site-root "$site" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 120); do
  url=$(grep -o 'Madang is running at http://[0-9.:]*' "$work/server.log" | head -n 1 | awk '{print $5}') || true
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { cat "$work/server.log"; exit 1; }
printf '%-28s %5s %8s %8s %8s %6s\n' page perf FCP LCP TBT CLS
for path in / /ideas/7 /tickets/VOC-000001; do
  name=$(echo "$path" | tr '/' '_')
  CHROME_PATH=/usr/bin/chromium "$here/node_modules/.bin/lighthouse" "$url$path" \
    --quiet --only-categories=performance --output=json --output-path="$out/page$name.json" \
    --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1
  python3 - "$out/page$name.json" "$path" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
audits = report["audits"]
ms = lambda key: f'{audits[key]["numericValue"]:,.0f} ms'
print(f'{sys.argv[2]:<28} {round(report["categories"]["performance"]["score"] * 100):>5} '
      f'{ms("first-contentful-paint"):>8} {ms("largest-contentful-paint"):>8} '
      f'{ms("total-blocking-time"):>8} {audits["cumulative-layout-shift"]["numericValue"]:>6.3f}')
PY
done
