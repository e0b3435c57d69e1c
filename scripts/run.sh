#!/usr/bin/env bash
# The README's run command (`pnpm start`): provisions and starts the local stack (FerretDB, Kafka, Keycloak
# with the govhall realm and demo logins, Mailpit for e-mail and SMS), builds and starts every service and the
# gateway as separate processes, seeds demo data, and prints where to go. Stop everything with `pnpm stop`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. deploy/bootstrap.sh
. deploy/stack/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "install and build"
pnpm install --frozen-lockfile
pnpm build

step "local stack"
bash deploy/stack/provision.sh fonts # the guide PDF's fallback font, read by the catalogue at start
bash deploy/stack/start.sh all

# Identity's records point at Keycloak users by id. When the stack reset Keycloak's dev database (realm file
# changed, or KEYCLOAK_RESET=1) after the last seed, those users are gone (the seed cannot bring them back through
# identity's API): start identity's dev data afresh. This opens the database, so it stays before the services
# start (the local store allows one writer process per database).
REALM_MARK="$GOVHALL_STATE/data/keycloak/data/.realm-sha256" SEED_MARK="$GOVHALL_STATE/data/identity-seeded"
# The demo cases go with them: their applicants are those people (Keycloak subjects, identity's ids), and the cases
# seed finds its cases again by idempotency key, so they would belong to logins that no longer exist.
if [ -f "$SEED_MARK" ] && [ "$REALM_MARK" -nt "$SEED_MARK" ]; then
  echo "Keycloak was reset since the last identity seed: dropping the govhall_identity and govhall_applications dev databases"
  (cd packages/testing && node -e "const { MongoClient } = require('mongodb'); MongoClient.connect(process.argv[1]).then(async (c) => { for (const db of ['govhall_identity', 'govhall_applications']) await c.db(db).dropDatabase(); await c.close(); })" "$MONGODB_URI")
fi

step "services"
bash deploy/services.sh start

step "demo data"
# Every seed goes through the owning service's API with real Keycloak logins, never through its database: the
# local store allows one writer process per service database, the service itself. All are idempotent.
# Identity first (tenants, departments, a login for every role in every seeded tenant, windows, demo applicants,
# through identity's gRPC API); its login table is printed below.
# The login sheet (user names, roles; applicants log in with their demo ID numbers) is kept beside the state, not
# among the logs, which must never hold an ID number.
SEED_LOG="$GOVHALL_STATE/demo-logins.txt"
env IDENTITY_GRPC_ADDR="127.0.0.1:${IDENTITY_GRPC_PORT:-50050}" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
  node services/identity/dist/seed/run-seed.js >"$SEED_LOG"
touch "$SEED_MARK"
head -n 1 "$SEED_LOG"
# The joint-review service's center account of 永昌县 (ADR 0053: no department, made by the center administrator
# yc-admin through identity's CreateServiceAccount; a repeat finds it again with its current secret). Its
# SERVICE_ACCOUNTS value goes to a file of mode 600 that deploy/services.sh reads (the secret is never printed);
# joint-review started above without it, so it restarts now, before any case reaches it.
env IDENTITY_GRPC_ADDR="127.0.0.1:${IDENTITY_GRPC_PORT:-50050}" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
  SEED_ACCOUNTS_FILE="$GOVHALL_STATE/joint-review-accounts" node services/joint-review/dist/seed/run-seed.js
bash deploy/services.sh restart joint-review
# Then the catalogue: each seed item drafted and submitted by <prefix>-admin and approved by <prefix>-reviewer
# (logins the identity seed just made) through the catalogue's gRPC API, whose search index takes each at once.
env CATALOGUE_GRPC_ADDR="127.0.0.1:${CATALOGUE_GRPC_PORT:-50051}" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
  node services/catalogue/dist/seed/run-seed.js
# Payments (收缴分离): its center account of 永昌县, made like joint-review's by yc-admin through identity
# (SERVICE_ACCOUNTS in $GOVHALL_STATE/payments-accounts, mode 600, never printed), and 620321's fee register (the
# codes the catalogue seed's 存量房转移登记一件事 charges, through payments' gRPC API as yc-admin). payments started
# above without the account, so it restarts now, before any department assesses a fee.
env IDENTITY_GRPC_ADDR="127.0.0.1:${IDENTITY_GRPC_PORT:-50050}" PAYMENTS_GRPC_ADDR="127.0.0.1:${PAYMENTS_GRPC_PORT:-50055}" \
  KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" SEED_ACCOUNTS_FILE="$GOVHALL_STATE/payments-accounts" \
  node services/payments/dist/seed/run-seed.js
bash deploy/services.sh restart payments
# The complaints service's center account of 永昌县 (client id yc-complaints, made the same way; SERVICE_ACCOUNTS in
# $GOVHALL_STATE/complaints-accounts, never printed): with it the service reads who applied for a case rated online.
env IDENTITY_GRPC_ADDR="127.0.0.1:${IDENTITY_GRPC_PORT:-50050}" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
  SEED_ACCOUNTS_FILE="$GOVHALL_STATE/complaints-accounts" node services/complaints/dist/seed/run-seed.js
bash deploy/services.sh restart complaints
# Demo drafts through the gateway's REST routes, as the realm file's center administrators.
node scripts/seed-demo.js
# Then the cases: in each seeded tenant, demo cases left in every state its published items and staff allow, through
# the applications service's gRPC API as the demo applicants (online), today's responsible clerk of the case's
# window, the tenant's reviewer and approver (identity's and the catalogue's seeds above made them and the items).
# The sheet lists each demo case; how to follow one (with the applicant's ID number) goes to demo-follow.txt beside it.
CASES_LOG="$GOVHALL_STATE/demo-cases.txt"
FOLLOW_FILE="$GOVHALL_STATE/demo-follow.txt"
env APPLICATIONS_GRPC_ADDR="127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053}" IDENTITY_GRPC_ADDR="127.0.0.1:${IDENTITY_GRPC_PORT:-50050}" \
  CATALOGUE_GRPC_ADDR="127.0.0.1:${CATALOGUE_GRPC_PORT:-50051}" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
  SEED_FOLLOW_FILE="$FOLLOW_FILE" node services/applications/dist/seed/run-seed.js >"$CASES_LOG"
grep '^cases seed:' "$CASES_LOG"
# And a case with fees to pay (收缴分离): 张三's 存量房转移登记一件事, walked through the cases service, the joint review
# (永昌县住建局 and 税务局 agree, 自然资源局's approver ycx-zrzy-approver concludes and approves) and the two owning
# departments' assessments (登记费 and 契税) to an issued 缴款通知书; its payment code is paid at the bank stand-in.
env APPLICATIONS_GRPC_ADDR="127.0.0.1:${APPLICATIONS_GRPC_PORT:-50053}" IDENTITY_GRPC_ADDR="127.0.0.1:${IDENTITY_GRPC_PORT:-50050}" \
  CATALOGUE_GRPC_ADDR="127.0.0.1:${CATALOGUE_GRPC_PORT:-50051}" JOINT_REVIEW_GRPC_ADDR="127.0.0.1:${JOINT_REVIEW_GRPC_PORT:-50054}" \
  PAYMENTS_GRPC_ADDR="127.0.0.1:${PAYMENTS_GRPC_PORT:-50055}" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
  node services/payments/dist/seed/run-demo-case.js | tee -a "$CASES_LOG"
follow() { awk -v k="$1" '$1 == "follow" && $2 == k { print $3 }' "$FOLLOW_FILE"; }

GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT:-3000}"
BANK_URL="http://127.0.0.1:${BANK_STAND_IN_PORT:-3100}"
WEB_URL="http://localhost:${GATEWAY_PORT:-3000}"
cat <<INFO

GovHall is running.
  Portal (网上办事大厅)  $WEB_URL/            (open the apps at localhost: the realm's redirect URIs allow it)
  Workbench (工作台)     $WEB_URL/workbench/
  Admin (管理后台)       $WEB_URL/admin/
  Supervision (电子监察) $WEB_URL/supervision/
  Hall screen (大屏)     $WEB_URL/screen/
  Gateway (REST)        $GATEWAY_URL
  API docs              $GATEWAY_URL/docs      (OpenAPI: $GATEWAY_URL/openapi.json)
  Keycloak              $KEYCLOAK_URL/admin/   (admin / admin; realm govhall)
  Mail (e-mail and SMS) $MAILPIT_URL   (Mailpit: every notification e-mail, and each SMS as mail to <number>@sms.local; SMTP $SMTP_HOST:$SMTP_PORT)
  Bank (local stand-in) $BANK_URL/   (本地模拟收款银行: NOT part of GovHall; pay a 缴款通知书 by its 缴款码)
  Metrics (Prometheus)  gateway :9470  catalogue :9471  identity :9472  applications :9473  joint-review :9474
                        payments :9475  supervision :9477  (/metrics)
  Logs                  $GOVHALL_STATE/logs/
  Stop                  pnpm stop

Demo logins (password Demo@2026; token: POST $KEYCLOAK_URL/realms/govhall/protocol/openid-connect/token
with grant_type=password&username=…&password=…&client_id=govhall-workbench for staff, govhall-portal for applicants).
Every role in every seeded tenant (金昌市 620300 jcs-, 金川区 620302 jcq-, 永昌县 620321 ycx-, 兰州市 620100 lzs-,
城关区 620102 cgq-, 榆中县 620123 yzx-), and the demo applicants (username = ID number; 张三 holds
永昌县金川河商贸有限公司, 李四 is its agent for 620321-SCJG only):
INFO
tail -n +3 "$SEED_LOG"
cat <<INFO
Test logins from the realm file: jc-city-admin (620300), jc-admin (620302), yc-admin (620321), cg-admin (620102),
yz-admin (620123) center_admin; jc-city-ops (620300), lz-city-ops (620100) ops_admin (they bootstrap the seeded
tenants); yc-clerk window_clerk 620321-SCJG; zhang-san applicant; no-role (no role at all, for 403 checks).
Service account for third-party department systems: govhall-dept-demo / govhall-dept-demo-secret (client credentials).
Joint review (联办件): the service holds its center account yc-joint-review of 620321 (SERVICE_ACCOUNTS in
$GOVHALL_STATE/joint-review-accounts, mode 600); ycx-wjw-clerk and ycx-wjw-clerk-b (window_clerk 620321-WJW, window C01)
answer 开办宾馆一件事's co-review task. README.md, section "A joint case (联办件)", walks one through the gateway.
Payments (收缴分离): the service holds its center account yc-payments of 620321 ($GOVHALL_STATE/payments-accounts,
mode 600); 620321's fee register has 不动产登记费 BDCDJ-ZZ 80.00元/件 and BDCDJ-FZZ 550.00元/件, 工本费 BDCQZS-GBF
10.00元/本 (620321-ZRZY) and 契税 QS by formula (620321-SWJ), for 存量房转移登记一件事. Once the departments have
assessed an approved case's fees, its applicant finds the 缴款码 on the 缴款通知书 (我的缴费:
GET $GATEWAY_URL/api/v1/payments/my-notices, or the notice's PDF) and pays at the bank stand-in, $BANK_URL/:
type the 缴款码, check the notice GovHall answers, 确认缴款; the bank's signed callback marks it paid, never a clerk.
Finance: ycx-finance (finance_reconciler of 620321) decides refunds; the stand-in's transactions: $BANK_URL/transactions.

Follow a demo case (tenant $(follow tenant); every demo case and its state: $CASES_LOG; notifications to the demo
applicants' e-mail, zhangsan@example.cn / lisi@example.cn / wangwu@example.cn, arrive in Mailpit: $MAILPIT_URL):
  Progress, public (case number + the applicant's ID number or credit code):
    curl -s -X POST $GATEWAY_URL/api/v1/cases/progress -H 'content-type: application/json' \\
      -d '{"caseNumber":"$(follow caseNumber)","applicantIdCode":"$(follow applicantIdCode)"}'
  The case as its applicant ($(follow applicantLogin) filed it; token as above with client_id=govhall-portal):
    curl -s $GATEWAY_URL/api/v1/cases/$(follow caseId) -H "authorization: Bearer \$TOKEN"
  A delivered case (its "documents": application copy, acceptance notice, decision, licence) and its licence PDF:
    curl -s $GATEWAY_URL/api/v1/cases/$(follow deliveredCaseId) -H "authorization: Bearer \$TOKEN"
    curl -s -o licence.pdf $GATEWAY_URL/api/v1/cases/$(follow deliveredCaseId)/documents/$(follow documentId) -H "authorization: Bearer \$TOKEN"
  The window's queue, as its clerk ($(follow clerk); client_id=govhall-workbench):
    curl -s '$GATEWAY_URL/api/v1/cases/queue?tenant=$(follow tenant)&windowId=$(follow windowId)' -H "authorization: Bearer \$TOKEN"
INFO
