import { ForbiddenError, ValidationError } from '@govhall/errors';
import { maskIdNumber } from '@govhall/identifiers';
import { creditCode, idNumber } from '../../domain/natural-person.test-double';
import { applicantSetup } from '../in-memory-applicants.test-double';
import { principal } from '../principals.test-double';

const clerk = principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG');

describe('findApplicant', () => {
  it('finds a natural person by ID number for a window clerk of the tenant: ID number in full, phone masked', async () => {
    const { uc, company } = applicantSetup();
    const { holder } = await company();
    const found = await uc.findApplicant({ tenant: '620321', idCode: holder.person.idNumber.toLowerCase() }, clerk);
    expect(found.kind).toBe('natural');
    if (found.kind !== 'natural') return;
    expect(found.person).toMatchObject({ id: holder.person.id, name: '张三', idNumber: holder.person.idNumber });
    expect(found.person.phone).toBe('138****5678');
  });

  it('finds a legal person by credit code, the representative’s ID number masked', async () => {
    const { uc, company } = applicantSetup();
    const { holder, legalPerson } = await company();
    const found = await uc.findApplicant({ tenant: '620321', idCode: creditCode().toLowerCase() }, clerk);
    expect(found.kind).toBe('legal');
    if (found.kind !== 'legal') return;
    expect(found.legalPerson.id).toBe(legalPerson.id);
    expect(found.legalPerson.legalRepresentativeIdNumber).toBe(maskIdNumber(holder.person.idNumber));
  });

  it('says APPLICANT_NOT_FOUND for a number nobody registered (the person registers first)', async () => {
    const { uc, company } = applicantSetup();
    await company();
    await expect(uc.findApplicant({ tenant: '620321', idCode: idNumber('999') }, clerk)).rejects.toMatchObject({
      code: 'APPLICANT_NOT_FOUND',
      message: expect.stringContaining('实名注册'),
    });
  });

  it('refuses other roles, other tenants and applicants; reports a bad code and tenant with their paths', async () => {
    const { uc, company, denials } = applicantSetup();
    const { holder } = await company();
    const query = { tenant: '620321', idCode: holder.person.idNumber };
    denials.length = 0;
    for (const actor of [
      principal('yc-reviewer', '620321', ['reviewer'], '620321-SCJG'),
      principal('jc-clerk', '620302', ['window_clerk'], '620302-SCJG'),
      holder.token,
    ]) {
      await expect(uc.findApplicant(query, actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // A clerk naming another tenant than their own is refused too, before anything is read.
    await expect(uc.findApplicant({ ...query, tenant: '620302' }, clerk)).rejects.toBeInstanceOf(ForbiddenError);
    expect(denials).toHaveLength(4);

    const bad = await uc.findApplicant({ tenant: '62', idCode: '123456' }, clerk).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).violations.map((v) => v.path).sort()).toEqual(['idCode', 'tenant']);
  });
});
