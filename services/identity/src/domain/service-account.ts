import type { Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';

export type ServiceAccountStatus = 'provisioning' | 'active' | 'disabled';

/**
 * A client-credentials account bound to a tenant and, for a third-party department system, to its department. A
 * center account (department '', ADR 0053) is the center's own platform service acting for every department.
 */
export interface ServiceAccount {
  id: string;
  tenant: string;
  department: string;
  clientId: string;
  description: string;
  status: ServiceAccountStatus;
  /** Keycloak's internal id of the client, once created. */
  directoryId?: string;
  disabledReason?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewServiceAccountInput {
  tenant: string;
  department: string;
  clientId: string;
  description: string;
}

export type ServiceAccountEvent =
  | { type: 'ServiceAccountCreated'; serviceAccount: ServiceAccount }
  | { type: 'ServiceAccountSecretRotated'; serviceAccount: ServiceAccount }
  | { type: 'ServiceAccountDisabled'; serviceAccount: ServiceAccount };

const CLIENT_ID = /^[a-z][a-z0-9-]{2,49}$/;
const RESERVED_PREFIXES = ['govhall-', 'realm-', 'security-admin', 'admin-cli', 'account', 'broker'];

export function validateNewServiceAccount(input: NewServiceAccountInput): Violation[] {
  const v: Violation[] = [];
  if (!CLIENT_ID.test(input.clientId)) {
    v.push({
      path: 'clientId',
      reason: 'PATTERN',
      message: '客户端标识应为3至50位小写字母、数字或连字符，以字母开头',
    });
  } else if (RESERVED_PREFIXES.some((p) => input.clientId.startsWith(p))) {
    v.push({ path: 'clientId', reason: 'RESERVED', message: '该客户端标识为平台保留名称，请换一个' });
  }
  if (input.department !== '' && !input.department.startsWith(`${input.tenant}-`)) {
    v.push({ path: 'department', reason: 'TENANT_MISMATCH', message: '部门不属于该租户' });
  }
  v.push(...textViolations('description', input.description, { label: '用途说明', min: 2, max: 200 }));
  return v;
}

export function newServiceAccount(input: NewServiceAccountInput, id: string, now: Date): ServiceAccount {
  return {
    id,
    tenant: input.tenant,
    department: input.department,
    clientId: input.clientId,
    description: normalizeText(input.description),
    status: 'provisioning',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function activateServiceAccount(
  account: ServiceAccount,
  directoryId: string,
  now: Date,
): { serviceAccount: ServiceAccount; events: ServiceAccountEvent[] } {
  const next: ServiceAccount = {
    ...account,
    status: 'active',
    directoryId,
    updatedAt: now,
    version: account.version + 1,
  };
  return { serviceAccount: next, events: [{ type: 'ServiceAccountCreated', serviceAccount: next }] };
}

/** A new secret was issued (the old one stops working); only the version and time change on the record. */
export function secretRotated(
  account: ServiceAccount,
  now: Date,
): { serviceAccount: ServiceAccount; events: ServiceAccountEvent[] } {
  const next: ServiceAccount = { ...account, updatedAt: now, version: account.version + 1 };
  return { serviceAccount: next, events: [{ type: 'ServiceAccountSecretRotated', serviceAccount: next }] };
}

/** The reason a service account is disabled (2-200 characters, the shared text rule). */
export function serviceAccountDisableReasonViolations(reason: string): Violation[] {
  return textViolations('reason', reason, { label: '停用原因', min: 2, max: 200 });
}

export function disableServiceAccount(
  account: ServiceAccount,
  reason: string,
  now: Date,
): { serviceAccount: ServiceAccount; events: ServiceAccountEvent[] } {
  const next: ServiceAccount = {
    ...account,
    status: 'disabled',
    disabledReason: normalizeText(reason),
    updatedAt: now,
    version: account.version + 1,
  };
  return { serviceAccount: next, events: [{ type: 'ServiceAccountDisabled', serviceAccount: next }] };
}
