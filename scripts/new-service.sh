#!/usr/bin/env bash
# Creates a new service in the house layout (proto, services/<name>, chart, topic, local run entry).
# Usage: scripts/new-service.sh <name> --grpc-port <port> --metrics-port <port> [--entity <name>]
# See docs/new-service.md. The generator lives in packages/service-generator; it is built here first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. deploy/bootstrap.sh
[ -d node_modules ] || { echo "new-service: run 'pnpm install' first" >&2; exit 1; }
pnpm --silent --filter @govhall/service-generator run build >/dev/null \
  || { echo "new-service: building packages/service-generator failed (run its build to see why)" >&2; exit 1; }
exec node packages/service-generator/dist/cli.js --root "$ROOT" "$@"
