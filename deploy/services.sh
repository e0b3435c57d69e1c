#!/usr/bin/env bash
# Starts or stops GovHall's own processes locally, each as its own OS process as in a cluster:
# supervision, catalogue, identity, the gateway, applications, joint-review, then payments; and, after the gateway,
# bank-stand-in: examples/bank-stand-in, the LOCAL STAND-IN for the collecting bank (本地模拟收款银行), which is not
# part of GovHall and is never deployed. Logs in $GOVHALL_STATE/logs/<name>.log, pids in $GOVHALL_STATE/pids.
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

# payments' center accounts, the same way: written (mode 600) by services/payments/dist/seed/run-seed.js, which
# scripts/run.sh runs after identity's and the catalogue's seeds, then restarts payments. Until then payments cannot
# read a case (no department can assess a fee).
PAYMENTS_ACCOUNTS_FILE="$GOVHALL_STATE/payments-accounts"
PAYMENTS_ACCOUNTS=""
[ -r "$PAYMENTS_ACCOUNTS_FILE" ] && PAYMENTS_ACCOUNTS="$(head -n 1 "$PAYMENTS_ACCOUNTS_FILE")"

# complaints' center accounts, the same way: written (mode 600) by services/complaints/dist/seed/run-seed.js, which
# scripts/run.sh runs after identity's seed, then restarts complaints. Until then nobody can rate a case online (the
# service cannot read who applied for it).
COMPLAINTS_ACCOUNTS_FILE="$GOVHALL_STATE/complaints-accounts"
COMPLAINTS_ACCOUNTS=""
[ -r "$COMPLAINTS_ACCOUNTS_FILE" ] && COMPLAINTS_ACCOUNTS="$(head -n 1 "$COMPLAINTS_ACCOUNTS_FILE")"

# The bank protocol's keys in the demo (docs/bank-protocol.md), made once by the stand-in package's demo-keys
# script and kept under $GOVHALL_STATE: the stand-in's signing pair in bank-stand-in/ (payments gets its public
# key, BANK_CHANNELS) and GovHall's platform pair for refund instructions in platform-key/ (payments gets the
# private key, PLATFORM_SIGNING_KEY, from its mode-600 file; the stand-in the public one, PLATFORM_KEYS). The script
# prints public values and the key file's path only; no private key is printed. Read when starting only.
BANK_STAND_IN_PORT="${BANK_STAND_IN_PORT:-3100}"
BANK_STAND_IN_STATE="$GOVHALL_STATE/bank-stand-in"
DEMO_KEYS=examples/bank-stand-in/dist/demo-keys-main.js
DEMO_BANK_CHANNELS="" DEMO_PLATFORM_KID="" DEMO_PLATFORM_KEYS="" DEMO_PLATFORM_SIGNING_KEY=""
if { [ "${1:-}" = start ] || [ "${1:-}" = restart ]; } && [ -f "$DEMO_KEYS" ]; then
  demo_keys="$(STATE_DIR="$BANK_STAND_IN_STATE" PLATFORM_KEY_DIR="$GOVHALL_STATE/platform-key" node "$DEMO_KEYS")"
  while read -r line; do
    case "${line%%=*}" in
      BANK_CHANNELS) DEMO_BANK_CHANNELS="${line#*=}" ;;
      PLATFORM_KID) DEMO_PLATFORM_KID="${line#*=}" ;;
      PLATFORM_KEYS) DEMO_PLATFORM_KEYS="${line#*=}" ;;
      PLATFORM_SIGNING_KEY_FILE) DEMO_PLATFORM_SIGNING_KEY="$(head -n 1 "${line#*=}")" ;;
    esac
  done <<<"$demo_keys"
fi

# name | entry | readiness port | env (space-separated KEY=VALUE; the last field may hold '|', as COLLECTING_BODIES)
SERVICES=(
  "supervision|services/supervision/dist/main.js|${SUPERVISION_GRPC_PORT:-50057}|GRPC_PORT=${SUPERVISION_GRPC_PORT:-50057} METRICS_PORT=9477"
  "catalogue|services/catalogue/dist/main.js|${CATALOGUE_GRPC_PORT:-50051}|GRPC_PORT=${CATALOGUE_GRPC_PORT:-50051} METRICS_PORT=9471 IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050}"
  "identity|services/identity/dist/main.js|${IDENTITY_GRPC_PORT:-50050}|GRPC_PORT=${IDENTITY_GRPC_PORT:-50050} METRICS_PORT=9472 KEYCLOAK_ADMIN_CLIENT_SECRET=${KEYCLOAK_ADMIN_CLIENT_SECRET:-govhall-identity-secret} CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051}"
  "gateway|gateway/dist/server.js|${GATEWAY_PORT:-3000}|PORT=${GATEWAY_PORT:-3000} METRICS_PORT=9470 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053} SUPERVISION_GRPC_ADDR=127.0.0.1:${SUPERVISION_GRPC_PORT:-50057} JOINT_REVIEW_GRPC_ADDR=127.0.0.1:${JOINT_REVIEW_GRPC_PORT:-50054} PAYMENTS_GRPC_ADDR=127.0.0.1:${PAYMENTS_GRPC_PORT:-50055} COMPLAINTS_GRPC_ADDR=127.0.0.1:${COMPLAINTS_GRPC_PORT:-50056} KEYCLOAK_API_CLIENT_SECRET=${KEYCLOAK_API_CLIENT_SECRET:-govhall-api-secret}"
  "bank-stand-in|examples/bank-stand-in/dist/main.js|$BANK_STAND_IN_PORT|PORT=$BANK_STAND_IN_PORT HOST=127.0.0.1 GOVHALL_URL=http://127.0.0.1:${GATEWAY_PORT:-3000} STATE_DIR=$BANK_STAND_IN_STATE CHANNEL=stand-in PLATFORM_KEYS=$DEMO_PLATFORM_KEYS"
  "applications|services/applications/dist/main.js|${APPLICATIONS_GRPC_PORT:-50053}|GRPC_PORT=${APPLICATIONS_GRPC_PORT:-50053} METRICS_PORT=9473 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} SERVICE_CLIENT_ID=${APPLICATIONS_SERVICE_CLIENT_ID:-govhall-dept-demo} SERVICE_CLIENT_SECRET=${APPLICATIONS_SERVICE_CLIENT_SECRET:-govhall-dept-demo-secret}"
  "joint-review|services/joint-review/dist/main.js|${JOINT_REVIEW_GRPC_PORT:-50054}|GRPC_PORT=${JOINT_REVIEW_GRPC_PORT:-50054} METRICS_PORT=9474 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053} SERVICE_ACCOUNTS=$JOINT_REVIEW_ACCOUNTS"
  "payments|services/payments/dist/main.js|${PAYMENTS_GRPC_PORT:-50055}|GRPC_PORT=${PAYMENTS_GRPC_PORT:-50055} METRICS_PORT=9475 CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053} SERVICE_ACCOUNTS=$PAYMENTS_ACCOUNTS BANK_CHANNELS=$DEMO_BANK_CHANNELS BANK_REFUND_URLS=stand-in=http://127.0.0.1:$BANK_STAND_IN_PORT/refunds PLATFORM_SIGNING_KEY=$DEMO_PLATFORM_SIGNING_KEY PLATFORM_KID=$DEMO_PLATFORM_KID COLLECTING_BODIES=620321=永昌县政务服务中心|620321"
  "complaints|services/complaints/dist/main.js|${COMPLAINTS_GRPC_PORT:-50056}|GRPC_PORT=${COMPLAINTS_GRPC_PORT:-50056} METRICS_PORT=9476 APPLICATIONS_GRPC_ADDR=127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053} IDENTITY_GRPC_ADDR=127.0.0.1:${IDENTITY_GRPC_PORT:-50050} CATALOGUE_GRPC_ADDR=127.0.0.1:${CATALOGUE_GRPC_PORT:-50051} SERVICE_ACCOUNTS=$COMPLAINTS_ACCOUNTS"
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
