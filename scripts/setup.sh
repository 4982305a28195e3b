#!/usr/bin/env bash
# Installs what building and testing need, idempotently, with visible progress.
#   scripts/setup.sh build   -> wasm32 target, trunk, wasm-bindgen-cli, npm packages (wasm-opt)
#   scripts/setup.sh test    -> the above plus Chromium and chromedriver (Debian apt)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../tools.env
. ./tools.env
what=${1:-build}
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "    present"
else
  rustup target add wasm32-unknown-unknown
fi

lock_wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if [ "$lock_wb" != "$WASM_BINDGEN_VERSION" ]; then
  echo "tools.env pins wasm-bindgen $WASM_BINDGEN_VERSION but Cargo.lock has $lock_wb: update tools.env" >&2
  exit 1
fi

step "trunk $TRUNK_VERSION"
if command -v trunk >/dev/null && trunk --version | grep -q "trunk $TRUNK_VERSION"; then
  echo "    present"
else
  echo "    cargo install (about 16 min on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $WASM_BINDGEN_VERSION"; then
  echo "    present"
else
  echo "    cargo install (about 7 min, once; without --locked: its lock names a crate the registry lacks)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "npm packages (binaryen $BINARYEN_VERSION for wasm-opt, Playwright $PLAYWRIGHT_VERSION, axe)"
if [ -x node_modules/.bin/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "    present"
else
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then
  step "Chromium and chromedriver (Debian)"
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "    present: $(/usr/bin/chromium --version 2>/dev/null)"
  else
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y $APT_PACKAGES
  fi
  step "PostgreSQL (Debian) for the server's journal tests"
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "    present: $(ls -d /usr/lib/postgresql/*/ | head -1)"
  else
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y postgresql
  fi
fi
step "tools ready"
