#!/usr/bin/env bash
# Builds dist-profile/: dist/ with a wasm that keeps its function names (the same release
# code and wasm-opt -Oz, plus -g), so CPU profiles name Rust functions. For
# tools/profile-keystroke.mjs; never deployed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -f dist/index.html ] || { echo "dist/ is missing: run make build first" >&2; exit 1; }
cargo build --release --target wasm32-unknown-unknown --lib
rm -rf dist-profile target/profile-bindgen
cp -r dist dist-profile
wasm=$(basename dist/customer-wizard-*_bg.wasm)
name=${wasm%_bg.wasm}
wasm-bindgen --target web --out-dir target/profile-bindgen --out-name "$name" \
  target/wasm32-unknown-unknown/release/customer_wizard.wasm
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "target/profile-bindgen/${name}_bg.wasm" -o "dist-profile/$wasm"
cp "target/profile-bindgen/$name.js" dist-profile/
# The precompressed copies are dist's: scripts/serve.mjs would serve them instead.
rm -f "dist-profile/$wasm".br "dist-profile/$wasm".gz "dist-profile/$name.js".br "dist-profile/$name.js".gz
# The files changed, so their integrity hashes no longer hold.
sed -i 's/ integrity="[^"]*"//g' dist-profile/index.html
echo "dist-profile/ ready"
