# okuma: `make serve` to read, `make test` to check everything.
# Both install what is missing first (scripts/install-tools.sh).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver

PORT ?= 8080

# Everything the release build reads; `dist` is rebuilt only when one changes.
BUILD_INPUTS := index.html Trunk.toml Cargo.toml Cargo.lock build.rs public/data/site.json \
	$(shell find src style public locales crates/okuma-core -type f 2>/dev/null)
CONTENT := $(shell find content -type f 2>/dev/null)
OKUMA := cargo run --quiet -p okuma-cli --

.PHONY: serve test tools browser build data lint unit dom e2e bench clean

serve: tools dist/.built
	node scripts/serve.mjs dist $(PORT)

build: tools dist/.built

# The bundled dataset is built from content/ (one source of truth).
data: public/data/site.json

public/data/site.json: $(CONTENT)
	$(OKUMA) build content -o public/data

dist/.built: $(BUILD_INPUTS) scripts/precompress.mjs
	trunk build --release
	node scripts/precompress.mjs dist
	touch $@

tools:
	@scripts/install-tools.sh build

browser:
	@scripts/install-tools.sh browser

test: tools browser
	$(MAKE) --no-print-directory lint unit dom e2e

lint:
	cargo fmt --all -- --check
	cargo clippy -p okuma-core -p okuma-cli --all-targets -- -D warnings
	cargo clippy -p okuma --target wasm32-unknown-unknown --all-targets -- -D warnings

# Includes: public/data is what content/ builds, docs/schema is current,
# every malformed fixture gives its message (crates/okuma-cli/tests).
unit:
	cargo test -p okuma-core -p okuma-cli

dom:
	cargo test -p okuma --target wasm32-unknown-unknown

e2e: dist/.built
	node --test --test-concurrency=1 e2e/

# Figures, not pass/fail: printed for a person (see bench/). The search
# bench generates a 10,000-entry archive and runs okuma against MiniSearch,
# FlexSearch and Pagefind (~15 min; RUNS=1 or ENGINES=okuma,minisearch for less).
bench: tools browser dist/.built
	node bench/switch.mjs
	node bench/search.mjs

clean:
	rm -rf dist target/e2e
