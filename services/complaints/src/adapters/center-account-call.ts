import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { UnavailableError } from '@govhall/errors';
import { isServiceError } from '@govhall/grpc';

/** Which service is called, for the errors people read. */
export interface CalledService {
  /** UnavailableError's code, e.g. IDENTITY_UNAVAILABLE. */
  code: string;
  /** What this service reads there, e.g. 窗口 (没有地区 … 的服务账号，无法读取窗口). */
  reads: string;
  /** The service as people name it, e.g. 身份服务. */
  name: string;
}

const NOT_THERE = [status.NOT_FOUND, status.INVALID_ARGUMENT];

/**
 * Calls another service as this service's center account of `tenant` (ADR 0053): `call` gets the call's options
 * (the bearer token, the deadline). An answer that the thing is not there (`notThere` codes: NOT_FOUND and
 * INVALID_ARGUMENT by default) is null; no account for the tenant, or any other failure, is UNAVAILABLE in Chinese.
 */
export async function callAsCenter<T>(
  accounts: ServiceAccounts,
  tenant: string,
  service: CalledService,
  deadlineMs: number,
  call: (options: { authorization: string; deadlineMs: number }) => Promise<T | null>,
  notThere: readonly status[] = NOT_THERE,
): Promise<T | null> {
  const token = await accounts.tokenFor(tenant);
  if (!token) {
    throw new UnavailableError(service.code, `评价投诉服务没有地区 ${tenant} 的服务账号，无法读取${service.reads}`);
  }
  try {
    return await call({ authorization: `Bearer ${token}`, deadlineMs });
  } catch (e) {
    if (isServiceError(e) && notThere.includes(e.code)) return null;
    throw new UnavailableError(service.code, `${service.name}暂时无法访问，请稍后重试`);
  }
}

export const IDENTITY = (reads: string): CalledService => ({ code: 'IDENTITY_UNAVAILABLE', reads, name: '身份服务' });
export const CASES: CalledService = { code: 'CASES_UNAVAILABLE', reads: '办件', name: '办件服务' };
