#!/usr/bin/env bash
# Installs what building and testing Madang needs and is missing: the WASM
# target, the wasm-bindgen CLI matching Cargo.lock, the npm packages of the
# browser tests (Playwright, binaryen's wasm-opt) and, when run as root on
# Debian, Chromium, PostgreSQL and nginx. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[install-tools] %s\n' "$*"; }

# --- Debian packages (only possible as root; otherwise say what is missing) ---
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  need_apt+=(postgresql)
fi
# The browser suite also runs through nginx (tests/e2e/run.sh --through-nginx).
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
# The API fuzzer (scripts/fuzz-api.sh) installs schemathesis into a venv.
python3 -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    log "missing system packages: ${need_apt[*]} (install them with: sudo apt-get install ${need_apt[*]})"
  fi
fi

# --- Rust WASM target ---
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- wasm-bindgen CLI: must equal the wasm-bindgen crate in Cargo.lock ---
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (found: ${have:-none})"
  if ! cargo install wasm-bindgen-cli --version "=$want" --locked 2>/tmp/wbg-install.log; then
    # The crate's own lockfile may pin a dependency version that has been
    # yanked since; fall back to the newest compatible lockfile.
    log "locked install failed ($(tail -n 1 /tmp/wbg-install.log)); retrying with a refreshed lockfile"
    src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/wasm-bindgen-cli-"$want" | head -n 1)
    work=$(mktemp -d)
    cp -r "$src" "$work/cli"
    (cd "$work/cli" && cargo update -p webpki-roots --precise 1.0.10 && cargo install --path . --locked)
    rm -rf "$work"
  fi
fi

# --- the full app's splitter (scripts/wasm-split): a build tool with its own lockfile ---
want=$(awk -F'"' '/^version = / { print $2; exit }' scripts/wasm-split/Cargo.toml)
have=$(madang-wasm-split --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing madang-wasm-split $want (found: ${have:-none})"
  cargo install --path scripts/wasm-split --locked --quiet \
    --target-dir "${CARGO_TARGET_DIR:-$HOME/.cache/madang/target}/wasm-split"
fi

# --- npm packages for browser tests and release wasm-opt (no browser download) ---
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  log "npm ci in tests/e2e"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
log "tools ready"
