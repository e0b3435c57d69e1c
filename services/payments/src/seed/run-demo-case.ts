import { PasswordLogins } from '@govhall/auth';
import { common, loadConfig, z } from '@govhall/config';
import { failureReport } from '@govhall/grpc';
import { formatYuan } from '@govhall/money';
import { paymentsV1 } from '@govhall/proto';
import { FEE_CASE_APPROVER } from './demo-fee-case';
import { driveFeeCase } from './drive-fee-case';
import { grpcFeeCaseApi } from './fee-case-api';

const NOTICE_STATES: Partial<Record<paymentsV1.NoticeState, string>> = {
  [paymentsV1.NoticeState.NOTICE_STATE_ISSUED]: 'issued (pay it at the bank stand-in)',
  [paymentsV1.NoticeState.NOTICE_STATE_SLIP_REGISTERED]: 'with a bank slip registered, awaiting the bank',
  [paymentsV1.NoticeState.NOTICE_STATE_PAID]: 'paid',
};

const address = z
  .string()
  .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
  .optional();

/**
 * The local demo's case with fees (src/seed/demo-fee-case.ts): 张三's 存量房转移登记一件事 in 永昌县, walked through the
 * RUNNING services' gRPC APIs — applications, joint-review, payments, identity (the lead department's approver
 * login, ycx-zrzy-approver) and the catalogue — to an issued 缴款通知书 the demo's visitor pays at the bank stand-in.
 * Runs after the identity, joint-review, catalogue and payments seeds and after payments restarted with its center
 * account. Idempotent: a re-run carries on from where the case stands and changes nothing once the notice is out.
 * Prints the case number, the notice number, the payment code and the amount; never an ID number or a secret.
 */
async function main() {
  const config = loadConfig('payments-demo-case', {
    APPLICATIONS_GRPC_ADDR: address.default('127.0.0.1:50053'),
    CATALOGUE_GRPC_ADDR: address.default('127.0.0.1:50051'),
    IDENTITY_GRPC_ADDR: address.default('127.0.0.1:50050'),
    JOINT_REVIEW_GRPC_ADDR: address.default('127.0.0.1:50054'),
    PAYMENTS_GRPC_ADDR: address.default('127.0.0.1:50055'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
    /** Password of every demo login the walk acts as, and of the approver it creates: Demo@2026. */
    SEED_PASSWORD: z.string().min(1).default('Demo@2026'),
  });
  const logins = new PasswordLogins({
    keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
    realm: config.KEYCLOAK_REALM,
    password: config.SEED_PASSWORD,
  });
  const api = grpcFeeCaseApi(
    {
      applications: config.APPLICATIONS_GRPC_ADDR!,
      catalogue: config.CATALOGUE_GRPC_ADDR!,
      identity: config.IDENTITY_GRPC_ADDR!,
      jointReview: config.JOINT_REVIEW_GRPC_ADDR!,
      payments: config.PAYMENTS_GRPC_ADDR!,
    },
    logins,
    { staffPassword: config.SEED_PASSWORD },
  );
  try {
    const { caseNumber, notice, acts } = await driveFeeCase(api);
    process.stdout.write(
      `payments demo case: ${caseNumber} 存量房转移登记一件事 (张三, 永昌县) ${acts === 0 ? 'as it was' : `walked in ${acts} acts`}; ` +
        `缴款通知书 ${notice.number} ${NOTICE_STATES[notice.state] ?? 'issued'}, 缴款码 ${notice.paymentCode}, ` +
        `${formatYuan(Number(notice.totalFen))}; ` +
        `${FEE_CASE_APPROVER.username} (approver of ${FEE_CASE_APPROVER.department}, demo password) decided it\n`,
    );
  } finally {
    api.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(failureReport('payments demo case', err, ''));
  process.exit(1);
});
