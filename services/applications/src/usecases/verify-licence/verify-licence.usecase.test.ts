import { NotFoundError, ValidationError } from '@govhall/errors';
import { HandlingWorld, rejection } from '../handling.test-double';
import { businessLicence } from '../licences.test-double';
import { verifyLicenceUseCase } from './verify-licence.usecase';

describe('VerifyLicence (public)', () => {
  it('answers the licence behind a code with the holder masked, however the code was typed', async () => {
    const world = new HandlingWorld();
    world.licences.push(businessLicence());
    const licence = await verifyLicenceUseCase(world.deps())('7k3m-9q2x-j8ab');
    expect(licence).toMatchObject({
      licenceNumber: '620321-000117001000-2026-000001',
      holderName: '张*',
      seal: '永昌县市场监督管理局行政审批专用章',
      issuedBy: '',
      caseId: '',
    });
    expect(licence.holderIdCode).not.toContain('19900307');
    expect(JSON.stringify(licence)).not.toMatch(/张三|62032119900307123X|subject-zhangsan/);
  });

  it('says NOT_FOUND for an unknown code and INVALID_ARGUMENT for a malformed one', async () => {
    const world = new HandlingWorld();
    const verify = verifyLicenceUseCase(world.deps());
    expect(await rejection(verify('7K3M9Q2XJ8AC'))).toBeInstanceOf(NotFoundError);
    expect(await rejection(verify('abc'))).toBeInstanceOf(ValidationError);
  });
});
