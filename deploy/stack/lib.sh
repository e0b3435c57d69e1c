#!/usr/bin/env bash
# Shared helpers for deploy/stack/*.sh. Sourced, not executed.
# shellcheck disable=SC2034  # variables are used by the scripts that source this file

GOVHALL_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GOVHALL_CACHE="${GOVHALL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/govhall}"
GOVHALL_STATE="${GOVHALL_STATE:-$GOVHALL_REPO_ROOT/.stack}"
export GOVHALL_CACHE GOVHALL_STATE

# Pinned versions (override through the environment if needed).
KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
LOG4J_VERSION="${LOG4J_VERSION:-2.25.3}"
SLF4J_VERSION="${SLF4J_VERSION:-2.0.17}"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
# Local mail server (SMTP sink with a web UI and an HTTP API), built from the Go module proxy (ADR 0020).
MAILPIT_VERSION="${MAILPIT_VERSION:-v1.33.1}"
# Mailpit's API-docs page bundles rapidoc ^12, which the npm registry here does not hold; 9.3.8 is used instead.
MAILPIT_RAPIDOC_VERSION="${MAILPIT_RAPIDOC_VERSION:-9.3.8}"
HELM_VERSION="${HELM_VERSION:-v3.22.0}"
GRPCURL_VERSION="${GRPCURL_VERSION:-v1.9.3}"
# API contract fuzzer (PyPI), run by scripts/contract-test.sh against the gateway's OpenAPI document.
SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"

FERRETDB_PORT="${FERRETDB_PORT:-27017}"
POSTGRES_PORT="${POSTGRES_PORT:-55432}"
# FerretDB's backend: postgresql (default; indexes can serve queries, ADR 0011) or sqlite (machines without PostgreSQL).
FERRETDB_HANDLER="${FERRETDB_HANDLER:-postgresql}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8080}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9000}"
MAILPIT_SMTP_PORT="${MAILPIT_SMTP_PORT:-1025}"
MAILPIT_UI_PORT="${MAILPIT_UI_PORT:-8025}"
KEYCLOAK_ADMIN_USER="${KEYCLOAK_ADMIN_USER:-admin}"
KEYCLOAK_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}"

KAFKA_HOME="$GOVHALL_CACHE/kafka-$KAFKA_VERSION"
KEYCLOAK_HOME="$GOVHALL_CACHE/keycloak-$KEYCLOAK_VERSION"
FERRETDB_HOME="$GOVHALL_CACHE/ferretdb-$FERRETDB_VERSION"
HELM_HOME="$GOVHALL_CACHE/helm-$HELM_VERSION"
GRPCURL_HOME="$GOVHALL_CACHE/grpcurl-$GRPCURL_VERSION"
SCHEMATHESIS_HOME="$GOVHALL_CACHE/schemathesis-$SCHEMATHESIS_VERSION"
FERRETDB_BIN="$FERRETDB_HOME/ferretdb"
HELM_BIN="${HELM_BIN:-$HELM_HOME/helm}"
MAILPIT_HOME="$GOVHALL_CACHE/mailpit-$MAILPIT_VERSION"
MAILPIT_BIN="$MAILPIT_HOME/mailpit"

STACK_COMPONENTS=(postgres ferretdb kafka keycloak mailpit)

log() { printf '%s\n' "[stack] $*" >&2; }
die() { printf '%s\n' "[stack] ERROR: $*" >&2; exit 1; }

# Serialises start/stop runs on one state dir (concurrent starts would race for the ports and pid files).
stack_lock() {
  mkdir -p "$GOVHALL_STATE"
  exec 9>"$GOVHALL_STATE/.lock"
  flock -w 300 9 || die "another deploy/stack script has held $GOVHALL_STATE/.lock for 300s"
}

state_dirs() { mkdir -p "$GOVHALL_STATE/data" "$GOVHALL_STATE/logs" "$GOVHALL_STATE/pids"; }
pid_file() { printf '%s' "$GOVHALL_STATE/pids/$1.pid"; }
log_file() { printf '%s' "$GOVHALL_STATE/logs/$1.log"; }
data_dir() { printf '%s' "$GOVHALL_STATE/data/$1"; }

# A pattern (grep -E) the command line of the component's process must match (guards against pid reuse).
component_marker() {
  case "$1" in
    ferretdb) printf '%s' "ferretdb" ;;
    postgres) printf '%s' "postgres.* -D " ;;
    kafka) printf '%s' "kafka[.]Kafka" ;;
    keycloak) printf '%s' "bin/kc[.]sh|kc[.]home[.]dir" ;;
    mailpit) printf '%s' "mailpit .*--smtp" ;;
  esac
}

# Prints the pid of a running component started by these scripts, or fails.
running_pid() {
  local f pid
  if [ "$1" = postgres ]; then postgres_pid; return; fi
  f="$(pid_file "$1")"
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" =~ $(component_marker "$1") ]] || return 1
  printf '%s' "$pid"
}

# Masks personal data in a log stream (sed program for `sed -u -E`): a resident ID number (GB 11643: 6-digit region,
# birth date, sequence, check character) keeps its first 4 and last 4 characters, a mobile number its first 3 and
# last 4 — as @govhall/identifiers masks them. The third-party components (PostgreSQL, FerretDB, Kafka, Keycloak)
# write what clients send them (a duplicate key's value, a failed login's user name, which for applicants is the
# ID number), so their output passes through this before it reaches a log file. Each rule runs twice: sed cannot
# look around, so a number one separator after a masked one needs a second pass.
LOG_MASK_SED='s/(^|[^0-9])([1-9][0-9]{3})[0-9]{2}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([0-9]{3}[0-9Xx])([^0-9]|$)/\1\2**********\6\7/g; s/(^|[^0-9])([1-9][0-9]{3})[0-9]{2}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([0-9]{3}[0-9Xx])([^0-9]|$)/\1\2**********\6\7/g; s/(^|[^0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})([^0-9]|$)/\1\2****\3\4/g; s/(^|[^0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})([^0-9]|$)/\1\2****\3\4/g'

# Starts a command detached in its own session; writes its pid file; stdout/stderr append to the log, masked
# (LOG_MASK_SED). The pid stays the component's own: the shell execs it with its output into the masking filter.
# Usage: spawn <component> <cmd...>
spawn() {
  local c="$1"; shift
  local pf lf
  pf="$(pid_file "$c")"; lf="$(log_file "$c")"
  rm -f "$pf"
  # shellcheck disable=SC2016  # $$, $0, $1 and "$@" are expanded by the inner shell on purpose
  nohup setsid bash -c 'echo $$ >"$0"; lf="$1"; mask="$2"; shift 2; exec "$@" > >(exec sed -u -E "$mask" >>"$lf") 2>&1' \
    "$pf" "$lf" "$LOG_MASK_SED" "$@" </dev/null >/dev/null 2>&1 9>&- &
  local i
  for i in $(seq 1 50); do [ -s "$pf" ] && break; sleep 0.1; done
  [ -s "$pf" ] || die "$c: could not start (no pid file $pf)"
  cat "$pf"
}

# The local default endpoint of each replaceable component, and the env var that overrides it.
component_env_var() {
  case "$1" in
    ferretdb) printf '%s' MONGODB_URI ;;
    kafka) printf '%s' KAFKA_BROKERS ;;
    keycloak) printf '%s' KEYCLOAK_URL ;;
    mailpit) printf '%s' SMTP_HOST ;; # with SMTP_PORT
  esac
}
component_default_url() {
  case "$1" in
    ferretdb) printf '%s' "mongodb://127.0.0.1:$FERRETDB_PORT" ;;
    kafka) printf '%s' "127.0.0.1:$KAFKA_PORT" ;;
    keycloak) printf '%s' "http://127.0.0.1:$KEYCLOAK_PORT" ;;
    mailpit) printf '%s' "127.0.0.1" ;;
  esac
}
# True when the component is provided by an existing installation: its env var is set to something other
# than the local default (env.sh exports the defaults), or it is listed in GOVHALL_EXTERNAL (comma-separated).
component_external() {
  local var val
  case ",${GOVHALL_EXTERNAL:-}," in *",$1,"*) return 0 ;; esac
  var="$(component_env_var "$1")"
  [ -n "$var" ] || return 1 # postgres: only ever FerretDB's private backend
  val="${!var:-}"
  [ -n "$val" ] && [ "$val" != "$(component_default_url "$1")" ]
}
# Prints "host port" of the first endpoint in the component's env var.
external_host_port() {
  local var val hp host port
  var="$(component_env_var "$1")"; val="${!var:-$(component_default_url "$1")}"
  case "$1" in
    ferretdb) hp="${val#*://}"; hp="${hp##*@}"; hp="${hp%%/*}"; hp="${hp%%\?*}"; hp="${hp%%,*}"; port=27017 ;;
    kafka) hp="${val%%,*}"; hp="${hp#*://}"; port=9092 ;;
    keycloak) hp="${val#*://}"; hp="${hp%%/*}"; case "$val" in https://*) port=443 ;; *) port=80 ;; esac ;;
    mailpit) printf '%s %s\n' "$val" "${SMTP_PORT:-$MAILPIT_SMTP_PORT}"; return ;;
  esac
  host="${hp%:*}"
  [ "$host" != "$hp" ] && port="${hp##*:}"
  printf '%s %s\n' "$host" "$port"
}
# PostgreSQL exists only as FerretDB's backend: an external MongoDB, or FerretDB on SQLite, needs none.
postgres_needed() { [ "$FERRETDB_HANDLER" = postgresql ] && ! component_external ferretdb; }

# Hides credentials in a URL (scheme://user:secret@host → scheme://***@host).
redact() { sed -E 's#(://)[^/@]*@#\1***@#' <<<"$1"; }
tcp_reachable() { timeout 5 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

component_port() {
  case "$1" in
    ferretdb) printf '%s' "$FERRETDB_PORT" ;;
    postgres) printf '%s' "$POSTGRES_PORT" ;;
    kafka) printf '%s' "$KAFKA_PORT" ;;
    keycloak) printf '%s' "$KEYCLOAK_PORT" ;;
    mailpit) printf '%s' "$MAILPIT_SMTP_PORT" ;;
    *) return 1 ;;
  esac
}

# True when something listens on 127.0.0.1:<port>.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Describes the process listening on a TCP port (best effort).
port_owner() {
  local out
  out="$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n1 || true)"
  printf '%s' "${out:-unknown process}"
}

# Fails with a clear message if the port is already taken.
require_free_port() {
  local port="$1" what="$2"
  if port_open "$port"; then
    die "$what: port $port is already in use by $(port_owner "$port") — stop it or set a different port"
  fi
}

# PostgreSQL (FerretDB's backend): Debian's server binaries, newest major version installed.
postgres_bin_dir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -n "$d" ] && [ -x "$d/postgres" ] || return 1
  printf '%s' "$d"
}
# The cluster's data directory. PostgreSQL refuses to run as root, so it runs as the `postgres` user, which must
# reach the directory: under the state dir when it can, else under /var/lib/postgresql (one cluster per state dir).
postgres_data_dir() {
  if [ -n "${POSTGRES_DATA:-}" ]; then printf '%s' "$POSTGRES_DATA"; return; fi
  mkdir -p "$GOVHALL_STATE/data"
  if runuser -u postgres -- test -x "$GOVHALL_STATE/data" 2>/dev/null; then
    printf '%s' "$GOVHALL_STATE/data/postgres"
  else
    printf '%s' "/var/lib/postgresql/govhall-$(printf '%s' "$GOVHALL_STATE" | sha1sum | cut -c1-12)"
  fi
}
# The pid of the running postmaster of our cluster (first line of postmaster.pid), or fails.
postgres_pid() {
  local f pid
  f="$(postgres_data_dir)/postmaster.pid"
  [ -f "$f" ] || return 1
  pid="$(head -n1 "$f")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s' "$pid"
}

# Picks a Java: JAVA_HOME if set, else the newest JDK >= min under /usr/lib/jvm, else /usr/bin/java.
# Usage: find_java <min-major>; prints the java binary path.
java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }
find_java() {
  local min="$1" cand best="" best_v=0 v
  local cands=()
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME/bin/java")
  for cand in /usr/lib/jvm/*/bin/java; do cands+=("$cand"); done
  cands+=("$(command -v java 2>/dev/null || true)")
  for cand in "${cands[@]}"; do
    if [ -z "$cand" ] || [ ! -x "$cand" ]; then continue; fi
    v="$(java_major "$cand" 2>/dev/null || echo 0)"
    [ -n "$v" ] || v=0
    if [ -n "${JAVA_HOME:-}" ] && [ "$cand" = "$JAVA_HOME/bin/java" ] && [ "$v" -ge "$min" ]; then
      printf '%s' "$cand"; return 0
    fi
    if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best="$cand"; best_v="$v"; fi
  done
  [ -n "$best" ] || return 1
  printf '%s' "$best"
}

# Selects components from the arguments: none or "all" → default list.
select_components() {
  local allowed="$1"; shift
  if [ "$#" -eq 0 ] || [ "$1" = all ]; then tr ' ' '\n' <<<"$allowed"; return 0; fi
  local c
  for c in "$@"; do
    case " $allowed " in
      *" $c "*) printf '%s\n' "$c" ;;
      *) die "unknown component '$c' (expected one of: $allowed all)" ;;
    esac
  done
}

# Waits until the given command succeeds. wait_for <timeout-s> <pid|-> <description> <cmd...>
wait_for() {
  local timeout="$1" pid="$2" what="$3"; shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [ "$pid" != - ] && ! kill -0 "$pid" 2>/dev/null; then
      return 2
    fi
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      return 1
    fi
    sleep 0.5
  done
  log "$what ready after $((SECONDS - start))s"
}
