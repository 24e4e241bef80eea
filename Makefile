# Borgeren i centrum — one entry point for building, running and testing.
# `make run` and `make test` work on a fresh clone; see README.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO        ?= go
BIN       := bin/bic
NPM       ?= npm
export TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z][a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  %-16s %s\n", $$1, $$2}'

## --- running -----------------------------------------------------------

.PHONY: run
run: build frontend ## Install and build everything, start on the embedded database with demo data
	BIC_DEMO=$${BIC_DEMO:-true} ./$(BIN) serve

.PHONY: frontend
frontend: node-deps ## Build the web app into frontend/dist (type check, bundle, size report)
	cd frontend && $(NPM) run --silent build
	$(MAKE) --no-print-directory docs-viewer

.PHONY: build
build: ## Build the server binary into bin/bic
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./api/cmd/bic

# The API reference at /api/docs uses the Redoc bundle that ships inside the
# pinned @redocly/cli, served from the static directory.
.PHONY: docs-viewer
docs-viewer: node-deps
	mkdir -p frontend/dist/vendor
	cp frontend/node_modules/@redocly/cli/lib/chunks/redoc.standalone.js frontend/dist/vendor/redoc.standalone.js

.PHONY: migrate
migrate: build ## Apply database migrations (BIC_DATABASE_URL or the embedded file)
	./$(BIN) migrate

## --- contract ----------------------------------------------------------

.PHONY: openapi
openapi: node-deps ## Regenerate openapi.yaml, its embedded copy, the Go client and the web app's API types
	$(call gen_openapi,.)

# gen_openapi writes the generated files under the given root (. or a temp dir).
define gen_openapi
	mkdir -p build/swag $(1)/api/internal/apispec $(1)/api/internal/apiclient
	$(GO) tool swag init --quiet -g server/doc.go -d api/internal --exclude api/internal/apiclient -o build/swag --outputTypes json --requiredByDefault
	$(GO) run ./api/tools/openapigen -in build/swag/swagger.json -out $(1)/openapi.yaml
	cp $(1)/openapi.yaml $(1)/api/internal/apispec/openapi.yaml
	$(GO) tool oapi-codegen -config api/tools/oapi-codegen.yaml -o $(1)/api/internal/apiclient/client.gen.go $(1)/openapi.yaml
	mkdir -p $(1)/frontend/src/lib/api
	frontend/node_modules/.bin/openapi-typescript $(1)/openapi.yaml -o $(1)/frontend/src/lib/api/schema.gen.ts --silent
endef

.PHONY: openapi-check
openapi-check: node-deps ## Fail when openapi.yaml or a generated client is stale
# (a directory starting with _ is invisible to go ./... patterns)
	rm -rf build/_openapi-check && mkdir -p build/_openapi-check
	$(call gen_openapi,build/_openapi-check)
	@for f in openapi.yaml api/internal/apispec/openapi.yaml api/internal/apiclient/client.gen.go frontend/src/lib/api/schema.gen.ts; do \
	  if ! cmp -s "$$f" "build/_openapi-check/$$f"; then \
	    echo "$$f is stale: run 'make openapi' and commit the result"; diff -u "$$f" "build/_openapi-check/$$f" | head -40; exit 1; \
	  fi; \
	done
	@echo "openapi.yaml and generated client are up to date"

.PHONY: bench
bench: ## The benchmark (docs/performance.md): a synthetic municipality at scale, exports against COPY, case endpoints under load (BENCH_SCALE=full|small|tiny)
	$(GO) build -o bin/bicbench ./api/cmd/bicbench
	bin/bicbench run

.PHONY: bench-smoke
bench-smoke: ## The benchmark at a tiny scale, to check it runs (about a minute)
	$(GO) build -o bin/bicbench ./api/cmd/bicbench
	BENCH_SCALE=tiny BENCH_DURATION=3s bin/bicbench run

.PHONY: dictionary
dictionary: ## Regenerate docs/data-dictionary.md from the export datasets (a Go test fails when it is stale)
	$(GO) run ./api/tools/dictionary -out docs/data-dictionary.md

.PHONY: openapi-lint
openapi-lint: node-deps ## Lint openapi.yaml with Redocly and Spectral's OWASP ruleset
	cd frontend && $(NPM) run --silent lint:openapi

## --- checks ------------------------------------------------------------

.PHONY: node-deps
node-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: vet
vet: ## go vet and gofmt
	$(GO) vet ./...
	@out=$$(gofmt -l api); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

.PHONY: test
test: vet openapi-check openapi-lint test-go test-frontend test-e2e ## Every test: vet, contract drift and lint, Go (PostgreSQL, SQLite), web app unit and browser tests

.PHONY: test-go
test-go: ## Go tests against PostgreSQL (TEST_DATABASE_URL) and the embedded SQLite
	$(GO) test -count=1 ./...

.PHONY: test-frontend
test-frontend: node-deps ## Type check and Vitest unit tests of the web app
	cd frontend && $(NPM) run --silent typecheck && $(NPM) test --silent

.PHONY: test-e2e
test-e2e: build frontend ## Browser tests: chromium against the real server on PostgreSQL (axe on every screen)
	cd frontend && BIC_BIN=$(CURDIR)/$(BIN) $(NPM) run --silent test:e2e

.PHONY: lighthouse
lighthouse: build frontend ## Lighthouse (desktop and mobile) on the logged-in case list; writes frontend/test-results/lighthouse.json
	cd frontend && BIC_BIN=$(CURDIR)/$(BIN) node scripts/lighthouse.mjs

.PHONY: clean
clean: ## Remove build output (keeps ./data)
	rm -rf bin build
