import type { Violation } from '@govhall/errors';

const TENANT = /^\d{6}$/;
const REQUEST_ID = /^[\w.:-]{8,100}$/;

/**
 * What is wrong with the tenant (a hosted 6-digit region; `hostedTenants` empty: any) and the request id (8-100 of
 * letters, digits, `. _ : -`) of something asked for once.
 */
export function tenantAndRequestViolations(
  command: { tenant: string; requestId: string },
  hostedTenants: readonly string[],
): Violation[] {
  const v: Violation[] = [];
  if (!TENANT.test(command.tenant ?? '')) v.push({ path: 'tenant', reason: 'PATTERN', message: '请选择咨询的地区' });
  else if (hostedTenants.length > 0 && !hostedTenants.includes(command.tenant)) {
    v.push({ path: 'tenant', reason: 'NOT_FOUND', message: '本平台没有该地区的政务服务中心' });
  }
  if (!REQUEST_ID.test(command.requestId ?? '')) {
    v.push({ path: 'requestId', reason: 'PATTERN', message: '请求标识应为8至100位字母、数字或 . _ : -' });
  }
  return v;
}
