#!/usr/bin/env bash
# Stops components started by start.sh: SIGTERM, wait, then SIGKILL after a timeout. Data is kept.
# Usage: deploy/stack/stop.sh [postgres|ferretdb|kafka|keycloak|mailpit|all]...   (STOP_TIMEOUT seconds, default 30)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
STOP_TIMEOUT="${STOP_TIMEOUT:-30}"

# Signals the process group the component runs in (spawn() makes it a session leader), else the pid.
signal() { kill "-$1" -- "-$2" 2>/dev/null || kill "-$1" "$2" 2>/dev/null || true; }

stop_one() {
  local c="$1" pid start
  if ! pid="$(running_pid "$c")"; then
    rm -f "$(pid_file "$c")"
    log "$c is not running"
    return 0
  fi
  start=$SECONDS
  if [ "$c" = postgres ]; then
    kill -INT "$pid" 2>/dev/null || true # fast shutdown: the postmaster ends its backends and stops
  else
    signal TERM "$pid"
  fi
  while kill -0 "$pid" 2>/dev/null; do
    if [ $((SECONDS - start)) -ge "$STOP_TIMEOUT" ]; then
      log "$c (pid $pid) did not stop within ${STOP_TIMEOUT}s — sending SIGKILL"
      signal KILL "$pid"
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$c")"
  log "$c stopped (pid $pid, $((SECONDS - start))s)"
}

main() {
  local c list
  stack_lock
  # Reverse order of start: mailpit, keycloak, kafka, ferretdb, postgres.
  list="$(select_components "mailpit keycloak kafka ferretdb postgres" "$@")" || exit 1
  for c in $list; do stop_one "$c"; done
}
main "$@"
