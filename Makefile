# customer-wizard: the README's commands. Each installs what it needs first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test build size setup setup-test clean help bench bench-catalog bench-startup profile

help:
	@echo "make demo   - run the app at http://127.0.0.1:8080 (in-browser demo backend)"
	@echo "make test   - run every test (fmt, clippy, native, wasm component, Playwright, size budget)"
	@echo "make build  - build dist/ for any static host and sub-path (PUBLIC_URL=/sub/path/ to pin one)"
	@echo "make size   - print raw / gzip / brotli sizes of dist/"
	@echo "make bench  - both benchmarks below, in one run"
	@echo "make bench-startup - this app vs the React peer: bytes, time to interactive, keystroke latency, memory"
	@echo "make bench-catalog - Subscriptions with 10,000 offers in headless Chromium"
	@echo "make profile - where a search keystroke's time goes (trace + CPU profile, 10,000 offers)"

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

test: setup-test
	@scripts/test.sh

clean:
	rm -rf dist dist-profile target test-results
