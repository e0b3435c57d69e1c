#!/usr/bin/env bash
# `pnpm lint`: eslint, prettier --check, the dependency rules and the type-check. eslint and prettier are
# single-threaded, so they run side by side (one core each); the type-check runs two packages at a time after them.
# Every check runs even when one fails, and each one's output stays together.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

eslint . >"$out/eslint" 2>&1 &
eslint_pid=$!
prettier --check . >"$out/prettier" 2>&1 &
prettier_pid=$!
wait "$eslint_pid"
eslint_rc=$?
wait "$prettier_pid"
prettier_rc=$?
printf '==> eslint (rc %d)\n' "$eslint_rc"
cat "$out/eslint"
printf '==> prettier --check (rc %d)\n' "$prettier_rc"
cat "$out/prettier"

printf '==> dependency rules\n'
pnpm run depcruise
depcruise_rc=$?
printf '==> type-check\n'
pnpm run typecheck
typecheck_rc=$?

for rc in "$eslint_rc" "$prettier_rc" "$depcruise_rc" "$typecheck_rc"; do
  [ "$rc" -eq 0 ] || exit 1
done
