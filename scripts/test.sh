#!/usr/bin/env bash
# The README's test command (`pnpm test`, also what .ci/run calls). On a fresh machine it installs Node 24 and
# pnpm, the dependencies, Kafka, Keycloak, FerretDB, Mailpit and helm (cached under ~/.cache/govhall) and Debian's
# Chromium, then runs: build (buf lint + ts-proto + tsc) → lint (eslint, prettier, dependency rules) → unit tests →
# chart checks → the local stack → integration and end-to-end tests against it, among them the OpenAPI contract
# run (schemathesis, also cached). Components it started, it stops again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
. deploy/bootstrap.sh
. deploy/stack/env.sh

T0=$SECONDS
step() { printf '\n==> %s (at %ds)\n' "$*" "$((SECONDS - T0))"; }
started=()
cleanup() {
  local rc=$?
  if [ "${#started[@]}" -gt 0 ] && [ "${GOVHALL_KEEP_STACK:-0}" != 1 ]; then
    step "stopping what this run started: ${started[*]}"
    bash deploy/stack/stop.sh "${started[@]}" || true
  fi
  exit "$rc"
}
trap cleanup EXIT

mkdir -p "$GOVHALL_STATE"
step "install (pnpm $(pnpm --version), node $(node --version))"
pnpm install --frozen-lockfile

step "build"
pnpm build

step "lint"
pnpm lint

step "unit tests"
bash deploy/stack/provision.sh fonts # the guide PDF's fallback font (the renderer's tests use it)
pnpm test:unit --json --outputFile="$GOVHALL_STATE/jest-unit.json"

step "generated service (the service generator's output, built, linted and tested in a temporary copy)"
bash scripts/check-generated-service.sh

step "charts"
bash deploy/stack/provision.sh helm
bash charts/check.sh

step "local stack"
for c in postgres ferretdb kafka keycloak mailpit; do
  if ! bash deploy/stack/status.sh "$c" >/dev/null 2>&1; then started+=("$c"); fi
done
bash deploy/stack/start.sh all
bash deploy/stack/status.sh

step "contract-test tool (schemathesis, PyPI)"
# gateway/test/openapi-contract.e2e.test.ts runs it against the live gateway in the next step.
bash deploy/stack/provision.sh schemathesis

step "grpcurl (Go module proxy)"
# gateway/test/grpc-reflection.e2e.test.ts asks every service with it, as a department's developer does.
bash deploy/stack/provision.sh grpcurl

step "integration and end-to-end tests"
bash deploy/stack/provision.sh chromium # Debian's Chromium for the browser tests (web/test, packages/testing/test)
INTEGRATION_START=$(date +%s)
if ! pnpm test:integration --json --outputFile="$GOVHALL_STATE/jest-integration.json"; then
  step "warnings and errors the processes under test logged"
  node scripts/print-failure-logs.mjs "$GOVHALL_STATE/logs" "$INTEGRATION_START" || true
  exit 1
fi

# One plain closing line over both jest runs, e.g. "tests: 42 passed, 0 failed".
node -e '
  const files = process.argv.slice(1).map((f) => require(f));
  const sum = (k) => files.reduce((n, r) => n + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
  if (sum("numTotalTests") === 0) process.exit(1);
' "$GOVHALL_STATE/jest-unit.json" "$GOVHALL_STATE/jest-integration.json"

step "done"
