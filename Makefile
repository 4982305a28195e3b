# customer-wizard: the README's commands. Each installs what it needs first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test build size setup setup-test clean help bench-catalog

help:
	@echo "make demo   - run the app at http://127.0.0.1:8080 (in-browser demo backend)"
	@echo "make test   - run every test (fmt, clippy, native, wasm component, Playwright, size budget)"
	@echo "make build  - build dist/ for any static host and sub-path (PUBLIC_URL=/sub/path/ to pin one)"
	@echo "make size   - print raw / gzip / brotli sizes of dist/"
	@echo "make bench-catalog - Subscriptions with 10,000 offers in headless Chromium (after make build)"

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
bench-catalog: build
	node bench/catalog.mjs

test: setup-test
	@scripts/test.sh

clean:
	rm -rf dist target test-results
