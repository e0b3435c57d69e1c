import { ForbiddenError } from '@govhall/errors';
import { APPLICANT, HandlingWorld, rejection } from '../handling.test-double';
import { businessLicence } from '../licences.test-double';
import { listMyLicencesUseCase } from './list-my-licences.usecase';

const legal = {
  holderKind: 'legal_person' as const,
  holderPersonId: 'lp-1',
  holderSubject: '',
  holderName: '永昌县金川食品有限公司',
};

describe('ListMyLicences', () => {
  it("lists the caller's own licences", async () => {
    const world = new HandlingWorld();
    world.licences.push(businessLicence(), businessLicence({ id: 'lic-2', caseId: 'c2', ...legal }));
    const { licences, total } = await listMyLicencesUseCase(world.deps())(
      { onBehalfOf: '', offset: 0, limit: 20 },
      APPLICANT,
      'Bearer t',
    );
    expect(licences.map((l) => l.id)).toEqual(['lic-1']);
    expect(total).toBe(1);
  });

  it("lists a legal person's licences of the departments the acting check allows", async () => {
    const world = new HandlingWorld();
    world.licences.push(
      businessLicence({ id: 'lic-2', caseId: 'c2', ...legal }),
      businessLicence({ id: 'lic-3', caseId: 'c3', ...legal, issuingDepartment: '620321-WJW' }),
    );
    world.acting.set('lp-1/620321-SCJG', { allowed: true, reason: '', message: '' });
    const list = listMyLicencesUseCase(world.deps());
    const { licences } = await list({ onBehalfOf: 'lp-1', offset: 0, limit: 20 }, APPLICANT, 'Bearer t');
    expect(licences.map((l) => l.id)).toEqual(['lic-2']);
  });

  it('refuses an agent without authority, with identity’s reason', async () => {
    const world = new HandlingWorld();
    world.licences.push(businessLicence({ id: 'lic-2', caseId: 'c2', ...legal }));
    const refused = await rejection(
      listMyLicencesUseCase(world.deps())({ onBehalfOf: 'lp-1', offset: 0, limit: 20 }, APPLICANT, 'Bearer t'),
    );
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(refused).toMatchObject({ code: 'NO_GRANT' });
  });
});
