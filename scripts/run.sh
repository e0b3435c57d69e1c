#!/usr/bin/env bash
# The README's run command (`pnpm start`): provisions and starts the local stack (FerretDB, Kafka, Keycloak
# with the govhall realm and demo logins), builds and starts every service and the gateway as separate
# processes, seeds demo data, and prints where to go. Stop everything with `pnpm stop`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. deploy/bootstrap.sh
. deploy/stack/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "install and build"
pnpm install --frozen-lockfile
pnpm build

step "local stack"
bash deploy/stack/start.sh all

step "services"
bash deploy/services.sh start

step "demo data"
node scripts/seed-demo.js

GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT:-3000}"
cat <<INFO

GovHall is running.
  Gateway (REST)        $GATEWAY_URL
  API docs              $GATEWAY_URL/docs      (OpenAPI: $GATEWAY_URL/openapi.json)
  Keycloak              $KEYCLOAK_URL/admin/   (admin / admin; realm govhall)
  Metrics (Prometheus)  gateway :9470  catalogue :9471  supervision :9477  (/metrics)
  Logs                  $GOVHALL_STATE/logs/
  Stop                  pnpm stop

Demo logins (password Demo@2026; token: POST $KEYCLOAK_URL/realms/govhall/protocol/openid-connect/token
with grant_type=password&client_id=govhall-portal&username=…&password=…):
  jc-city-admin   中心管理员 center_admin   金昌市 620300
  jc-admin        中心管理员 center_admin   金川区 620302
  yc-admin        中心管理员 center_admin   永昌县 620321
  yc-clerk        窗口人员 window_clerk      永昌县 620321 (620321-SCJG 市场监督管理局)
  zhang-san       申请人 applicant
  no-role         没有任何角色（用于验证 403）
Service account for third-party department systems: govhall-dept-demo / govhall-dept-demo-secret (client credentials).
INFO
