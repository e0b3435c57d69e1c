import { ValidationError } from '@govhall/errors';
import { draftCase } from '../../domain/case.test-double';
import { APPLICANT, HandlingWorld, rejection, staff } from '../handling.test-double';
import { businessLicence } from '../licences.test-double';
import { citeLicenceUseCase } from './cite-licence.usecase';

describe('CiteLicence', () => {
  it("satisfies the material with the applicant's valid licence of its type, checked now", async () => {
    const world = new HandlingWorld();
    world.licences.push(businessLicence());
    const c = world.put(draftCase());
    const stored = await citeLicenceUseCase(world.deps())(
      {
        id: c.id,
        expectedVersion: 1,
        materialId: 'business-licence',
        licenceNumber: '620321-000117001000-2026-000001',
      },
      APPLICANT,
    );
    expect(stored.materials).toEqual([
      expect.objectContaining({
        materialId: 'business-licence',
        name: '营业执照',
        licence: expect.objectContaining({
          licenceId: 'lic-1',
          licenceType: '000117001000',
          valid: true,
          checkedAt: world.now,
        }),
      }),
    ]);
    expect(world.events).toEqual([]); // a draft publishes nothing
  });

  it.each([
    ['an unknown number', {}, '620321-000117001000-2026-999999', 'business-licence', '电子证照库中没有该证照编号'],
    [
      'a licence of another type',
      { licenceType: '000172029000', name: '食品经营许可证' },
      undefined,
      'business-licence',
      '不能替代',
    ],
    [
      'a licence of someone else',
      { holderPersonId: 'np-2', holderIdCode: '620321199001011234' },
      undefined,
      'business-licence',
      '持证人',
    ],
    ['an expired licence', { validUntil: '2026-02-28' }, undefined, 'business-licence', '有效期'],
    ['a revoked licence', { revoked: true }, undefined, 'business-licence', '注销'],
  ])('refuses %s and changes nothing', async (_what, licence, number, materialId, message) => {
    const world = new HandlingWorld();
    world.licences.push(businessLicence(licence));
    const c = world.put(draftCase());
    const refused = await rejection(
      citeLicenceUseCase(world.deps())(
        { id: c.id, expectedVersion: 1, materialId, licenceNumber: number ?? '620321-000117001000-2026-000001' },
        APPLICANT,
      ),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.violations[0]).toMatchObject({ path: 'licenceNumber', reason: 'LICENCE_NOT_ACCEPTED' });
    expect(refused.violations[0].message).toContain(message);
    expect(world.get(c.id)).toEqual(c);
  });

  it('refuses a material no licence can stand for, a case past pre-review, and staff', async () => {
    const world = new HandlingWorld();
    world.licences.push(businessLicence());
    const c = world.put(draftCase());
    const cite = citeLicenceUseCase(world.deps());
    const cmd = {
      id: c.id,
      expectedVersion: 1,
      materialId: 'floor-plan',
      licenceNumber: '620321-000117001000-2026-000001',
    };
    expect((await rejection(cite(cmd, APPLICANT))).violations[0]).toMatchObject({ reason: 'NOT_SATISFIABLE' });
    expect(await rejection(cite({ ...cmd, materialId: 'business-licence' }, staff('window_clerk')))).toMatchObject({
      code: 'ROLE_REQUIRED',
    });
    world.put(draftCase({ status: 'processing' }));
    expect(await rejection(cite({ ...cmd, materialId: 'business-licence' }, APPLICANT))).toMatchObject({
      code: 'WRONG_STATE',
    });
  });
});
