#!/usr/bin/env bash
# Proves the service generator's output is a working service: copies the repository's tracked files (as committed
# or changed, without untracked files or node_modules) into a temporary directory, generates a throwaway service
# there with scripts/new-service.sh's generator, and builds, lints (eslint, prettier, dependency rules, tsc) and
# unit-tests it. Dependencies come from pnpm's store (--prefer-offline). Nothing is written to the clone; the temporary
# directory is removed on exit. Called by scripts/test.sh after the build (it reuses packages/*/dist).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. deploy/bootstrap.sh >/dev/null

NAME=generatedcheck
WORK="$(mktemp -d "${TMPDIR:-/tmp}/govhall-generated-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$WORK"
# The shared packages as `pnpm build` left them: only the proto package (which gains the new service) and the new
# service itself are built in the copy.
tar -cf - packages/*/dist | tar -xf - -C "$WORK"

pnpm --silent --filter @govhall/service-generator run build >/dev/null
node packages/service-generator/dist/cli.js --root "$WORK" "$NAME" --grpc-port 50099 --metrics-port 9499 >/dev/null

cd "$WORK"
# A bounded wait: a registry that cannot be reached must fail the step, not hold CI until its limit.
timeout 600 pnpm install --prefer-offline --no-frozen-lockfile --reporter=append-only >install.log 2>&1 || { tail -30 install.log; exit 1; }
pnpm --filter @govhall/proto run build >/dev/null
pnpm --filter "@govhall/$NAME" run build >/dev/null
npx eslint "services/$NAME" "proto/src/$NAME-v1.ts"
npx prettier --check "services/$NAME" "proto/govhall/$NAME" "charts/$NAME"
npx depcruise --config .dependency-cruiser.cjs "services/$NAME/src"
(cd "services/$NAME" && npx tsc -p tsconfig.json)
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
  npx jest --selectProjects unit --testPathPatterns "services/$NAME/" --silent
echo "generated service $NAME: built, linted and unit-tested"
