# okuma: `make serve` to read, `make test` to check everything.
# Both install what is missing first (scripts/install-tools.sh).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver

PORT ?= 8080

# Where the site is published: content/site.toml's public_url unless given
# (`make build PUBLIC_URL=https://user.github.io/okuma/ DIST=out`). Its path
# is the base every address, asset and data file is under.
PUBLIC_URL ?= $(shell sed -n 's/^public_url *= *"\(.*\)"/\1/p' content/site.toml)
BASE_PATH := $(shell printf '%s' '$(PUBLIC_URL)' | sed -E 's#^[a-zA-Z]+://[^/]*##; s#/*$$#/#')
DIST ?= dist
export OKUMA_PUBLIC_URL := $(PUBLIC_URL)
export OKUMA_BASE_PATH := $(BASE_PATH)
# A build for another public URL starts again.
$(shell test "$$(cat $(DIST)/.built 2>/dev/null)" = "$(PUBLIC_URL)" || rm -f $(DIST)/.built)

# Everything the release build reads; `dist` is rebuilt only when one changes.
BUILD_INPUTS := index.html Trunk.toml Cargo.toml Cargo.lock build.rs public/data/site.json \
	$(shell find src style public locales crates/okuma-core -type f 2>/dev/null)
CONTENT := $(shell find content -type f 2>/dev/null)
OKUMA := cargo run --quiet -p okuma-cli --
# The pre-render: the app's views on the host (Leptos ssr).
RENDER := cargo run --quiet --profile render -p okuma --no-default-features --features ssr --bin okuma-render --

.PHONY: serve test tools browser build data lint unit dom e2e e2e-subpath bench fuzz clean

serve: tools $(DIST)/.built
	node scripts/serve.mjs $(DIST) $(PORT) --base $(BASE_PATH)

build: tools $(DIST)/.built

# The bundled dataset is built from content/ (one source of truth).
data: public/data/site.json

public/data/site.json: $(CONTENT)
	$(OKUMA) build content -o public/data

# Trunk builds the app for the base path; the pre-render writes every page,
# feed and the sitemap into it; every page gets its Content Security Policy
# (inline scripts and styles by hash); the build id is stamped into the pages
# and the dataset and the service worker is written (offline reading); then
# every text file gets .br and .gz.
$(DIST)/.built: $(BUILD_INPUTS) scripts/precompress.mjs scripts/csp.mjs scripts/offline.mjs
	trunk build --release --dist $(DIST) --public-url $(BASE_PATH)
	$(RENDER) $(DIST)
	node scripts/csp.mjs $(DIST)
	node scripts/offline.mjs $(DIST)
	node scripts/precompress.mjs $(DIST)
	printf '%s' '$(PUBLIC_URL)' > $@

tools:
	@scripts/install-tools.sh build

browser:
	@scripts/install-tools.sh browser

test: tools browser
	$(MAKE) --no-print-directory lint unit dom e2e e2e-subpath

lint:
	cargo fmt --all -- --check
	cargo clippy -p okuma-core -p okuma-cli --all-targets -- -D warnings
	cargo clippy -p okuma --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --profile render -p okuma --no-default-features --features ssr --all-targets -- -D warnings

# Includes: public/data is what content/ builds, docs/schema is current,
# every malformed fixture gives its message (crates/okuma-cli/tests).
unit:
	cargo test -p okuma-core -p okuma-cli
	cargo test --profile render -p okuma --no-default-features --features ssr --lib

dom:
	cargo test -p okuma --target wasm32-unknown-unknown

e2e: $(DIST)/.built
	OKUMA_DIST=$(DIST) OKUMA_BASE_PATH=$(BASE_PATH) node --test --test-concurrency=1 e2e/

# The whole suite again, against a build for a sub-path (a GitHub Pages
# project site): every route, asset, data file and URL under /okuma/.
# (The 1,000 generated addresses of the root run, 200 of them here.)
e2e-subpath:
	ADDRESSES=$${ADDRESSES:-200} $(MAKE) --no-print-directory e2e DIST=target/dist-okuma PUBLIC_URL=http://127.0.0.1/okuma/

# Figures, not pass/fail: printed for a person (see bench/). The search
# bench generates a 10,000-entry archive and runs okuma against MiniSearch,
# FlexSearch, Pagefind and Orama, then prints okuma against its goals
# (~35 min; QUICK=1 or ENGINES=okuma,pagefind for less); scale: okuma alone
# on 1,000, 10,000 and 50,000 entries (~5 min, 50k generated once);
# realtext: recall and precision on real Turkish, Russian and English word
# forms (the core's real-text test) for okuma and each peer (~3 min);
# typing: keystroke→paint at a typist's pace, with what it waited for.
# firstpaint: the pre-rendered article against a static copy, on localhost
# and a throttled phone (~8 min; RUNS=5 for less); prerender: okuma-render
# over that archive (~1 min).
bench: tools browser $(DIST)/.built
	node bench/switch.mjs
	node bench/search.mjs
	node bench/realtext.mjs
	node bench/typing.mjs
	node bench/scale.mjs
	OKUMA_DIST=$(DIST) node bench/firstpaint.mjs
	OKUMA_DIST=$(DIST) node bench/prerender.mjs

# Each fuzz target (fuzz/) for FUZZ_SECONDS, one after the other, on
# nightly (installed with cargo-fuzz if missing), then its corpus
# minimised; crashes stay in fuzz/artifacts/ and `unit` replays them.
FUZZ_SECONDS ?= 60
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf dist target/e2e target/dist-okuma target/dist-next
