import { ValidationError } from '@govhall/errors';
import { maskIdNumber } from '@govhall/identifiers';
import { applicantSetup, creditCode } from '../in-memory-applicants.test-double';
import { principal } from '../principals.test-double';

const clerk = principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG');

async function listed() {
  const setup = applicantSetup();
  const a = await setup.register('张三', '123');
  setup.advance(1000);
  const b = await setup.register('李四', '234');
  setup.advance(1000);
  const lp = await setup.uc.registerLegalPerson(
    {
      tenant: '620321',
      name: '永昌县金川农产品有限公司',
      creditCode: creditCode(),
      legalRepresentativeName: '张三',
      legalRepresentativeIdNumber: a.person.idNumber,
    },
    a.token,
  );
  return { ...setup, a, b, lp };
}

describe('listApplicants', () => {
  it('lists natural and legal persons of the tenant newest first, ID numbers masked', async () => {
    const { uc, a, b, lp } = await listed();
    const page = await uc.listApplicants({ tenant: '620321' }, clerk);
    expect(page.applicants.map((x) => [x.kind, x.id, x.identifier])).toEqual([
      ['legal', lp.id, lp.creditCode],
      ['natural', b.person.id, maskIdNumber(b.person.idNumber)],
      ['natural', a.person.id, maskIdNumber(a.person.idNumber)],
    ]);
    expect(page).toMatchObject({ total: 3, nextPageToken: '' });
  });

  it('pages with an opaque token until the end', async () => {
    const { uc, a, b, lp } = await listed();
    const first = await uc.listApplicants({ tenant: '620321', pageSize: 2 }, clerk);
    expect(first.applicants.map((x) => x.id)).toEqual([lp.id, b.person.id]);
    expect(first.nextPageToken).not.toBe('');
    const second = await uc.listApplicants({ tenant: '620321', pageSize: 2, pageToken: first.nextPageToken }, clerk);
    expect(second.applicants.map((x) => x.id)).toEqual([a.person.id]);
    expect(second.nextPageToken).toBe('');
  });

  it('rejects a page size over 100 and a forged token', async () => {
    const { uc } = await listed();
    await expect(uc.listApplicants({ tenant: '620321', pageSize: 101 }, clerk)).rejects.toBeInstanceOf(ValidationError);
    await expect(uc.listApplicants({ tenant: '620321', pageToken: 'bm9wZQ' }, clerk)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'page.pageToken' })],
    });
  });

  it('lets staff of the tenant and supervisors above it read; refuses siblings and applicants', async () => {
    const { uc, a } = await listed();
    await expect(
      uc.listApplicants({ tenant: '620321' }, principal('city-sup', '620300', ['supervisor'])),
    ).resolves.toMatchObject({
      total: 3,
    });
    await expect(
      uc.listApplicants({ tenant: '620321' }, principal('jc', '620302', ['center_admin'])),
    ).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    await expect(uc.listApplicants({ tenant: '620321' }, a.token)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});
