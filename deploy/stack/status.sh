#!/usr/bin/env bash
# One line per component: up/down, pid, port, log path (or the external endpoint in use).
# Exit status: 0 when every selected component is up, 1 otherwise.
# Usage: deploy/stack/status.sh [postgres|ferretdb|kafka|keycloak|mailpit|all]...
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  local c pid port var host hostport all_up=0 state list
  list="$(select_components "postgres ferretdb kafka keycloak mailpit" "$@")" || exit 2
  for c in $list; do
    port="$(component_port "$c")"
    if [ "$c" = postgres ] && ! postgres_needed; then printf '%-9s %-4s not needed (FerretDB external or on SQLite)\n' "$c" up; continue; fi
    if component_external "$c"; then
      var="$(component_env_var "$c")"
      hostport="$(external_host_port "$c")"; host="${hostport% *}"
      if tcp_reachable "$host" "${hostport#* }"; then state=up; else state=down; all_up=1; fi
      printf '%-9s %-4s external %s=%s\n' "$c" "$state" "$var" "$(redact "${!var:-$(component_default_url "$c")}")"
      continue
    fi
    if pid="$(running_pid "$c")"; then
      if port_open "$port"; then state=up; else state=starting; all_up=1; fi
      printf '%-9s %-4s pid %-7s port %-5s log %s\n' "$c" "$state" "$pid" "$port" "$(log_file "$c")"
    else
      all_up=1
      if port_open "$port"; then
        printf '%-9s %-4s pid -       port %-5s (port in use by %s, not started by these scripts) log %s\n' "$c" down "$port" "$(port_owner "$port")" "$(log_file "$c")"
      else
        printf '%-9s %-4s pid -       port %-5s log %s\n' "$c" down "$port" "$(log_file "$c")"
      fi
    fi
  done
  return "$all_up"
}
main "$@"
