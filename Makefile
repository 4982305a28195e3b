# customer-wizard: the README's commands. Each installs what it needs first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test build size setup setup-test clean help bench bench-catalog bench-startup profile serve bench-server server

help:
	@echo "make demo   - run the app at http://127.0.0.1:8080 (in-browser demo backend)"
	@echo "make test   - run every test (fmt, clippy, native, wasm component, Playwright, size budget)"
	@echo "make build  - build dist/ for any static host and sub-path (PUBLIC_URL=/sub/path/ to pin one)"
	@echo "make size   - print raw / gzip / brotli sizes of dist/"
	@echo "make bench  - both benchmarks below, in one run"
	@echo "make bench-startup - this app vs the React peer: bytes, time to interactive, keystroke latency, memory"
	@echo "make bench-catalog - Subscriptions with 10,000 offers in headless Chromium"
	@echo "make profile - where a search keystroke's time goes (trace + CPU profile, 10,000 offers)"
	@echo "make serve  - the app behind the server (server/) against the stub Partner Center and a stand-in Entra ID, at http://127.0.0.1:8080"
	@echo "make bench-server - requests/s and p50/p99 of the server's proxy path against the stub, and its memory"

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

demo: setup
	trunk serve --release

# Relative public URL: dist/ works from any directory of any static host.
PUBLIC_URL ?= ./
build: setup
	trunk build --release --public-url $(PUBLIC_URL)

size:
	@node scripts/size.mjs dist

# Subscriptions step with 10,000 offers: keystroke-to-paint, first list paint, scroll frames,
# memory (README "Performance"). Generates public/demo/offers-10k.json when missing.
bench: bench-startup bench-catalog

bench-catalog: build setup-test
	node bench/catalog.mjs

# The React peer (bench/peer-react) is a fixture with its own locked npm dependencies.
bench-startup: build setup-test
	cd bench/peer-react && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build
	node bench/startup.mjs

# Diagnosis, not measurement: the browser's work and the script's functions per keystroke.
profile: build setup-test
	scripts/profile-dist.sh
	node tools/profile-keystroke.mjs --dist dist-profile

# The app behind the server, the stub Partner Center and the stand-in token authority + OIDC
# issuer, on one machine (docs/server.md). The debug build is the one `make test` builds.
server:
	cargo build -p customer-wizard-server

serve: build server
	node scripts/precompress.mjs dist
	node scripts/serve-server.mjs

# Optimised build (the `server` profile) for the load numbers.
bench-server: build
	cargo build -p customer-wizard-server --profile server
	node scripts/precompress.mjs dist
	node bench/server.mjs

test: setup-test
	@scripts/test.sh

clean:
	rm -rf dist dist-profile target test-results
