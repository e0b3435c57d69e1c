import { createAuthorizer, type Principal, type Role } from '@govhall/auth';

export function principal(username: string, tenant: string, roles: Role[], department?: string): Principal {
  return {
    kind: 'user',
    subject: `sub-${username}`,
    username,
    tenant,
    roles,
    ...(department ? { department } : {}),
    clientId: 'govhall-workbench',
  };
}

export const denials: object[] = [];
export const authorizer = createAuthorizer({ warn: (obj) => denials.push(obj) });
export const clock = { now: () => new Date('2026-03-02T02:00:00Z') };
let seq = 0;
export const ids = { newId: () => `id-${++seq}` };
