# Tresor — two commands for a newcomer: `make demo` and `make test`.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PACKAGES := libsodium-dev libsqlite3-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: deps build test demo bench format clean

## Install the system libraries Tresor links against, only when missing.
deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

## Build and run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The main job on generated data (see README).
demo: deps
	$(SWIFT) build -c release --product tresor
	.build/release/tresor demo --out demo-output

## Benchmarks (not part of `make test`); results go to BENCHMARKS.md and bench-results/.
bench: deps
	$(SWIFT) build -c release --product tresor-bench
	.build/release/tresor-bench --scale 10k --out bench-results --update-doc BENCHMARKS.md

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build demo-output bench-results
