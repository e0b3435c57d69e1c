import type { Principal } from '@govhall/auth';

/** A signed-in person as the use cases see them: yc-admin (center administrator of 永昌县) unless overridden. */
export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    subject: 'sub-1',
    username: 'yc-admin',
    tenant: '620321',
    roles: ['center_admin'],
    clientId: 'govhall-portal',
    ...overrides,
  };
}
