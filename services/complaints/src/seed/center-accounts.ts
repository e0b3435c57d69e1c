import type { CenterAccountSpec } from '@govhall/seed-kit';

/**
 * The complaints service's center accounts of the local demo (ADR 0053; made by @govhall/seed-kit through identity):
 * with them it reads who applied for a case when the applicant rates it. 永昌县 (620321), as its realm-file center
 * administrator yc-admin.
 */
export const COMPLAINTS_CENTER_ACCOUNTS: readonly CenterAccountSpec[] = [
  { tenant: '620321', clientId: 'yc-complaints', description: '评价投诉服务', admin: 'yc-admin' },
];
