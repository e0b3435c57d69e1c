#!/usr/bin/env bash
# Starts or stops GovHall's own processes locally, each as its own OS process as in a cluster:
# supervision, catalogue, identity, the gateway, applications, joint-review, then payments. Logs in
# $GOVHALL_STATE/logs/<name>.log, pids in $GOVHALL_STATE/pids.
# Usage: deploy/services.sh start|stop|status, or start|stop|restart <name> for one of them
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. deploy/bootstrap.sh
. deploy/stack/env.sh
mkdir -p "$GOVHALL_STATE/logs" "$GOVHALL_STATE/pids"

# joint-review's center accounts (ADR 0053), "<tenant>=<client id>:<secret>,…": written (mode 600) by its seed,
# services/joint-review/dist/seed/run-seed.js, which scripts/run.sh runs after identity's seed and then restarts
# joint-review. Until then the service runs without accounts (it cannot ask identity or conclude a review).
JOINT_REVIEW_ACCOUNTS_FILE="$GOVHALL_STATE/joint-review-accounts"
JOINT_REVIEW_ACCOUNTS=""
[ -r "$JOINT_REVIEW_ACCOUNTS_FILE" ] && JOINT_REVIEW_ACCOUNTS="$(head -n 1 "$JOINT_REVIEW_ACCOUNTS_FILE")"

# name | entry | readiness port | env (space-separated KEY=VALUE)
SERVICES=(
  "supervision|services/supervision/dist/main.js|${SUPERVISION_GRPC_PORT:-50057}|GRPC_PORT=${SUPERVISION_GRPC_PORT:-50057} METRICS_PORT=9477"
  "catalogue|services/catalogue/dist/main.js|${CATALOGUE_GRPC_PORT:-50051}|GRPC_PORT=${CATALOGUE_GRPC_PORT:-50051} METRICS_PORT=9471 IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050}"
  "identity|services/identity/dist/main.js|${IDENTITY_GRPC_PORT:-50050}|GRPC_PORT=${IDENTITY_GRPC_PORT:-50050} METRICS_PORT=9472 KEYCLOAK_ADMIN_CLIENT_SECRET=${KEYCLOAK_ADMIN_CLIENT_SECRET:-govhall-identity-secret} CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051}"
  "gateway|gateway/dist/server.js|${GATEWAY_PORT:-3000}|PORT=${GATEWAY_PORT:-3000} METRICS_PORT=9470 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053} SUPERVISION_GRPC_ADDR=127.0.0.1:${SUPERVISION_GRPC_PORT:-50057} JOINT_REVIEW_GRPC_ADDR=127.0.0.1:${JOINT_REVIEW_GRPC_PORT:-50054} PAYMENTS_GRPC_ADDR=127.0.0.1:${PAYMENTS_GRPC_PORT:-50055} KEYCLOAK_API_CLIENT_SECRET=${KEYCLOAK_API_CLIENT_SECRET:-govhall-api-secret}"
  "applications|services/applications/dist/main.js|${APPLICATIONS_GRPC_PORT:-50053}|GRPC_PORT=${APPLICATIONS_GRPC_PORT:-50053} METRICS_PORT=9473 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} SERVICE_CLIENT_ID=${APPLICATIONS_SERVICE_CLIENT_ID:-govhall-dept-demo} SERVICE_CLIENT_SECRET=${APPLICATIONS_SERVICE_CLIENT_SECRET:-govhall-dept-demo-secret}"
  "joint-review|services/joint-review/dist/main.js|${JOINT_REVIEW_GRPC_PORT:-50054}|GRPC_PORT=${JOINT_REVIEW_GRPC_PORT:-50054} METRICS_PORT=9474 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053} SERVICE_ACCOUNTS=$JOINT_REVIEW_ACCOUNTS"
  "payments|services/payments/dist/main.js|${PAYMENTS_GRPC_PORT:-50055}|GRPC_PORT=${PAYMENTS_GRPC_PORT:-50055} METRICS_PORT=9475 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053}"
)

pid_of() { local f="$GOVHALL_STATE/pids/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_one() {
  local name="$1" entry="$2" port="$3" env="$4" log="$GOVHALL_STATE/logs/$1.log" pid
  if pid="$(pid_of "$name")"; then echo "$name: already running (pid $pid)"; return; fi
  if port_open "$port"; then echo "$name: port $port is already taken by another process; free it or set the port variable" >&2; exit 1; fi
  [ -f "$entry" ] || { echo "$name: $entry is missing; run 'pnpm build' first" >&2; exit 1; }
  # shellcheck disable=SC2086
  env MONGODB_URI="$MONGODB_URI" KAFKA_BROKERS="$KAFKA_BROKERS" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
    $env setsid node "$entry" >>"$log" 2>&1 < /dev/null &
  echo $! >"$GOVHALL_STATE/pids/$name.pid"
  for _ in $(seq 1 150); do
    if port_open "$port"; then echo "$name: up on port $port (pid $(cat "$GOVHALL_STATE/pids/$name.pid"), log $log)"; return; fi
    if ! pid_of "$name" >/dev/null; then tail -n 20 "$log" >&2; echo "$name: exited during start (log $log)" >&2; exit 1; fi
    sleep 0.2
  done
  echo "$name: not ready on port $port after 30 s (log $log)" >&2
  exit 1
}

stop_one() {
  local name="$1" pid
  if ! pid="$(pid_of "$name")"; then echo "$name: not running"; rm -f "$GOVHALL_STATE/pids/$name.pid"; return; fi
  kill -TERM "$pid"
  for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$GOVHALL_STATE/pids/$name.pid"
  echo "$name: stopped"
}

# Reads the SERVICES entry named $1 into n e p v, or stops with a usage error.
read_entry() {
  local s
  for s in "${SERVICES[@]}"; do IFS='|' read -r n e p v <<<"$s"; [ "$n" = "$1" ] && return; done
  echo "no service named '$1' (one of: $(for s in "${SERVICES[@]}"; do printf '%s ' "${s%%|*}"; done))" >&2
  exit 2
}

case "${1:-}:${2:+one}" in
  start:) for s in "${SERVICES[@]}"; do IFS='|' read -r n e p v <<<"$s"; start_one "$n" "$e" "$p" "$v"; done ;;
  stop:) for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do IFS='|' read -r n _ _ _ <<<"${SERVICES[$i]}"; stop_one "$n"; done ;;
  start:one) read_entry "$2"; start_one "$n" "$e" "$p" "$v" ;;
  stop:one) read_entry "$2"; stop_one "$n" ;;
  restart:one) read_entry "$2"; stop_one "$n"; start_one "$n" "$e" "$p" "$v" ;;
  status:)
    for s in "${SERVICES[@]}"; do
      IFS='|' read -r n _ p _ <<<"$s"
      if pid="$(pid_of "$n")"; then echo "$n: up (pid $pid, port $p)"; else echo "$n: down"; fi
    done ;;
  *) echo "usage: deploy/services.sh start|stop|status, or start|stop|restart <name>" >&2; exit 2 ;;
esac
