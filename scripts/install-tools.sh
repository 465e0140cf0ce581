#!/usr/bin/env bash
# Installs what okuma needs to build (and, with `browser`, to test), at the
# pinned versions, skipping whatever is already in place. Safe to run often:
# when everything is present it only checks versions and returns.
#
#   scripts/install-tools.sh build     wasm32 target, trunk, wasm-bindgen, node tools
#   scripts/install-tools.sh browser   Debian's chromium + chromium-driver (tests)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
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

install_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  say "installing Debian's chromium and chromium-driver"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
}

case "${1:-build}" in
  build) install_build_tools ;;
  browser) install_browser ;;
  *) echo "usage: $0 build|browser" >&2; exit 2 ;;
esac
