# Madang — one entry point for running, building and testing.
#   make run    install what is missing, build, start on SQLite with demo data
#   make test   fmt check, clippy, Rust tests (SQLite, and PostgreSQL when
#               MADANG_TEST_POSTGRES_URL is set), API fuzzing, browser tests
#   make build  release build: target/release/madang + target/site
#   make bench  benchmarks: use cases, live fan-out, HTTP load (wrk)
# Builds drive cargo and wasm-bindgen directly (no cargo-leptos needed, see README).

SHELL := /bin/bash
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
SITE_DIR := target/site
WASM_TARGET := wasm32-unknown-unknown
CLIENT_CARGO := cargo build -p app --lib --target $(WASM_TARGET) --no-default-features --features hydrate
NPM_BIN := $(CURDIR)/tests/e2e/node_modules/.bin
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: lighthouse run build test tools client client-release client-release-islands size-gate release-smoke server site-assets fmt-check clippy client-deps-guard rust-test fuzz fuzz-built e2e clean bench

tools:
	@bash scripts/install-tools.sh

site-assets:
	@mkdir -p $(SITE_DIR)/pkg
	@cp -r public/. $(SITE_DIR)/
	@cp style/main.css $(SITE_DIR)/pkg/madang.css

# The browser clients (app/src/client.rs), each bound by the wasm-bindgen
# CLI right after its build (both builds write app.wasm): the islands client
# for visitors (madang) and the full app for signed-in members (madang_app).
# Debug clients (profile wasm-dev, Cargo.toml):
client: site-assets
	$(CLIENT_CARGO) --profile wasm-dev
	$(call bind_islands,wasm-dev)
	$(CLIENT_CARGO),full-app --profile wasm-dev
	$(call split_full_app,wasm-dev)

# The islands client is not split: it leaves the relocations the linker
# keeps for the full app's split behind (12 MB), then is bound.
define bind_islands
	madang-wasm-split strip-relocations $(TARGET_DIR)/$(WASM_TARGET)/$(1)/app.wasm \
		$(TARGET_DIR)/$(WASM_TARGET)/$(1)/madang.wasm
	wasm-bindgen --target web --no-typescript --out-name madang --out-dir $(SITE_DIR)/pkg \
		$(TARGET_DIR)/$(WASM_TARGET)/$(1)/madang.wasm
endef

# The full app is split at its page groups (app/src/routes.rs; the linker
# keeps relocations for it, .cargo/config.toml) into a main module, which
# wasm-bindgen binds, and one pack per group (pack_GROUP.bin: the group's
# code and the chunks it shares with others) with their loader
# (__wasm_split.js), which a page fetches when it shows a group's page;
# madang_app_split.json names each group's pack. $(1): the profile's folder;
# $(2): the optimiser run on each chunk before packing (release builds).
define split_full_app
	rm -f $(SITE_DIR)/pkg/chunk_*.wasm $(SITE_DIR)/pkg/split_*.wasm $(SITE_DIR)/pkg/pack_*.bin
	madang-wasm-split split $(TARGET_DIR)/$(WASM_TARGET)/$(1)/app.wasm \
		$(TARGET_DIR)/$(WASM_TARGET)/$(1)/madang_app.wasm $(SITE_DIR)/pkg madang_app $(2)
	wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
		--out-name madang_app --out-dir $(SITE_DIR)/pkg $(TARGET_DIR)/$(WASM_TARGET)/$(1)/madang_app.wasm
endef

# Release clients: size-optimised profile, then wasm-opt from npm binaryen
# (Debian's binaryen 108 produces WASM that fails to hydrate).
WASM_OPT := $(NPM_BIN)/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int
client-release: site-assets client-release-islands
	$(CLIENT_CARGO),full-app --profile wasm-release
	$(call split_full_app,wasm-release,$(WASM_OPT))
	$(WASM_OPT) $(SITE_DIR)/pkg/madang_app_bg.wasm -o $(SITE_DIR)/pkg/madang_app_bg.wasm

# The islands client alone (CI builds it for the size gate).
client-release-islands: site-assets
	$(CLIENT_CARGO) --profile wasm-release
	$(call bind_islands,wasm-release)
	$(WASM_OPT) $(SITE_DIR)/pkg/madang_bg.wasm -o $(SITE_DIR)/pkg/madang_bg.wasm

server:
	cargo build -p server

run: tools client server
	$(TARGET_DIR)/debug/madang serve --demo

build: tools client-release
	cargo build -p server --release
	@mkdir -p target/release && if [ "$(TARGET_DIR)" != "target" ]; then cp $(TARGET_DIR)/release/madang target/release/madang; fi
	@ls -l target/release/madang
	@bash scripts/client-size.sh $(SITE_DIR)

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --lib --target $(WASM_TARGET) --no-default-features --features hydrate -- -D warnings
	cargo clippy -p app --lib --target $(WASM_TARGET) --no-default-features --features hydrate,full-app -- -D warnings

# The browser bundle must never pull in server-only crates.
client-deps-guard:
	@if cargo tree -p app --target $(WASM_TARGET) --no-default-features --features hydrate -e normal --prefix none \
		| grep -E '^(sea-orm|sqlx|tokio|axum|domain) '; then \
		echo "the hydrate build depends on server-only crates (above)"; exit 1; \
	else echo "client bundle: no server-only crates"; fi

# Rust tests. PostgreSQL variants run when MADANG_TEST_POSTGRES_URL is set.
rust-test:
	@if [ -n "$$MADANG_TEST_POSTGRES_URL" ]; then \
		cargo test --workspace --no-fail-fast; \
	else \
		echo "MADANG_TEST_POSTGRES_URL is not set: PostgreSQL tests are not run (SQLite only)"; \
		cargo test --workspace --no-fail-fast -- --skip on_postgres; \
	fi

# The browser suite against one SQLite instance; with PostgreSQL
# (MADANG_TEST_POSTGRES_URL) again through nginx (deploy/nginx/madang.conf)
# in front of two instances sharing one database.
e2e:
	bash tests/e2e/run.sh $(TARGET_DIR)/debug/madang
	@if [ -n "$$MADANG_TEST_POSTGRES_URL" ]; then \
		bash tests/e2e/run.sh $(TARGET_DIR)/debug/madang --through-nginx; \
	else \
		echo "MADANG_TEST_POSTGRES_URL is not set: the browser suite does not run through nginx"; \
	fi

# Benchmarks (figures in docs/performance.md): the use cases on 100,000
# ideas, live fan-out, then the HTTP load run (wrk against the release
# server; PostgreSQL too with MADANG_BENCH_POSTGRES_URL).
# Lighthouse mobile on a visitor's board, idea and ticket thread of the
# release build (figures in docs/performance.md; not a CI gate).
lighthouse: build
	bash scripts/lighthouse.sh target/release/madang $(SITE_DIR)

bench:
	cargo bench -p madang-tests --bench board
	cargo bench -p madang-tests --bench live
	bash scripts/bench-http.sh

# schemathesis (from PyPI) against the OpenAPI document, as a visitor, a
# customer and an admin, FUZZ_SECONDS (60) each.
fuzz: server fuzz-built

# The fuzz run on the binary `rust-test` already built: `cargo build -p server`
# alone resolves features differently and would build the server again.
fuzz-built:
	bash scripts/fuzz-api.sh $(TARGET_DIR)/debug/madang

# The size gate: the release clients, built apart from target/site (the
# browser tests use the debug clients there), must fit their first-load
# budgets (gzip of WASM + JS), issue 17's: a visitor's page (islands)
# 250 KB; a member's heaviest page (the whole app, main module plus that
# page group's pack) 600 KB — met since erased components, one JSON reader
# and wasm-opt on the chunks (the staff desk, 597,338 B on 2026-12-05;
# docs/performance.md).
SIZE_SITE := target/size-gate
size-gate:
	$(MAKE) --no-print-directory client-release SITE_DIR=$(SIZE_SITE)
	BUDGET_ISLANDS=250000 BUDGET_APP=600000 bash scripts/client-size.sh $(SIZE_SITE)

# The release clients the size gate built, in a browser: every page group
# hydrates from its pack (the chunks wasm-opt rewrote are run nowhere else).
release-smoke:
	bash tests/e2e/run.sh $(TARGET_DIR)/debug/madang --site $(SIZE_SITE) specs/page_groups.spec.ts

test: tools fmt-check clippy client-deps-guard client rust-test fuzz-built e2e size-gate release-smoke

clean:
	cargo clean
	rm -rf $(SITE_DIR) data
