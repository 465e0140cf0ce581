#!/usr/bin/env bash
# Installs what okuma needs to build (and, with `browser`, to test), at the
# pinned versions, skipping whatever is already in place. Safe to run often:
# when everything is present it only checks versions and returns.
#
#   scripts/install-tools.sh build     wasm32 target, trunk, wasm-bindgen, node tools
#   scripts/install-tools.sh browser   what the tests need: Debian's chromium +
#                                      chromium-driver, xmllint (libxml2-utils) and
#                                      .venv with feedparser (scripts/check-publish.py)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
FEEDPARSER_VERSION=6.0.14
# wasm-bindgen's CLI must match the library exactly; read it from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf 'okuma: %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

install_build_tools() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! have_version trunk "trunk $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (takes ~10 minutes once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~3 minutes once)"
    # Not --locked: the registry lacks a crate its lockfile names (TOOLCHAIN.md).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  # node_modules holds wasm-opt (binaryen) and playwright-core; reinstall
  # only when package-lock.json changed since the last install.
  local stamp=node_modules/.okuma-lock-hash
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing node tools from package-lock.json"
    npm ci --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

install_browser() {
  local missing=()
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    missing+=(chromium chromium-driver)
  fi
  # xmllint validates sitemap.xml against sitemaps.org's schema
  # (scripts/check-publish.py; the schema comes with the npm package sitemap).
  if ! command -v xmllint >/dev/null 2>&1; then
    missing+=(libxml2-utils)
  fi
  # A Python that can make a venv (Debian splits ensurepip into python3-venv).
  if ! command -v python3 >/dev/null 2>&1; then
    missing+=(python3 python3-venv)
  elif ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    missing+=(python3-venv)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  # A project venv for scripts/check-publish.py, which reads the feeds with
  # feedparser (e2e/published.test.mjs runs it with .venv/bin/python).
  if ! .venv/bin/python -c "import feedparser, sys; sys.exit(feedparser.__version__ != '$FEEDPARSER_VERSION')" 2>/dev/null; then
    say "installing feedparser $FEEDPARSER_VERSION into .venv"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install --quiet "feedparser==$FEEDPARSER_VERSION"
  fi
}

case "${1:-build}" in
  build) install_build_tools ;;
  browser) install_browser ;;
  *) echo "usage: $0 build|browser" >&2; exit 2 ;;
esac
