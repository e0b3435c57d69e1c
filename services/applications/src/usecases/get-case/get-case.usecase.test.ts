import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import { APPLICANT, HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { getCaseUseCase } from './get-case.usecase';

/** A service account (client credentials) of 620321, bound to `department` ('' = a center account, ADR 0053). */
const system = (department: string, tenant = '620321'): Principal => ({
  kind: 'service',
  subject: `service-${department || 'center'}`,
  username: `service-account-${department || 'center'}`,
  tenant,
  roles: ['service'],
  ...(department ? { department } : {}),
  clientId: `client-${department || 'center'}`,
});

describe('GetCase', () => {
  it("shows the case to its applicant, its department's staff and systems, and the center's platform services", async () => {
    const world = new HandlingWorld();
    const c = acceptedCase();
    world.put(c);
    const get = getCaseUseCase(world.deps());
    for (const reader of [APPLICANT, staff('reviewer'), system(c.department), system('')]) {
      expect((await get(c.id, reader)).case.id).toBe(c.id);
    }
  });

  it("is CASE_NOT_FOUND for another department's system and another tenant's accounts", async () => {
    const world = new HandlingWorld();
    const c = acceptedCase();
    world.put(c);
    const get = getCaseUseCase(world.deps());
    for (const reader of [system('620321-ZRZY'), system('', '620302'), system('620302-SCJG', '620302')]) {
      const refused = await rejection(get(c.id, reader));
      expect(refused).toBeInstanceOf(NotFoundError);
      expect(refused.code).toBe('CASE_NOT_FOUND');
    }
  });
});
