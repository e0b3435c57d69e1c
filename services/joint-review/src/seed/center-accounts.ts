import type { CenterAccountSpec } from '@govhall/seed-kit';

/**
 * The joint-review service's center accounts of the local demo (ADR 0053; made by @govhall/seed-kit through
 * identity): 永昌县 (620321), the seeded county whose catalogue holds the demo's 联办件, as its realm-file center
 * administrator yc-admin (password Demo@2026 like every demo login).
 */
export const DEMO_CENTER_ACCOUNTS: readonly CenterAccountSpec[] = [
  { tenant: '620321', clientId: 'yc-joint-review', description: '联合审批服务', admin: 'yc-admin' },
];
