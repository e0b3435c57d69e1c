import type { CenterAccountSpec } from '@govhall/seed-kit';

/**
 * The payments service's center accounts of the local demo (ADR 0053; made by @govhall/seed-kit through identity):
 * with them it reads a case (its applicant, form data and item edition) when a department assesses the fees. 永昌县
 * (620321), whose catalogue holds the demo's fee lines, as its realm-file center administrator yc-admin.
 */
export const PAYMENTS_CENTER_ACCOUNTS: readonly CenterAccountSpec[] = [
  { tenant: '620321', clientId: 'yc-payments', description: '收费管理服务', admin: 'yc-admin' },
];
