import { ForbiddenError, ValidationError } from '@govhall/errors';
import { applicantSetup, creditCode, idNumber } from '../in-memory-applicants.test-double';
import { principal } from '../principals.test-double';
import type { RegisterLegalPersonCommand } from './register-legal-person.usecase';

const command: RegisterLegalPersonCommand = {
  tenant: '620321',
  name: '永昌县金川农产品有限公司',
  creditCode: creditCode(),
  legalRepresentativeName: '张三',
  legalRepresentativeIdNumber: idNumber(),
};

describe('registerLegalPerson', () => {
  it('makes the calling person the holder and records LegalPersonRegistered', async () => {
    const { uc, register, legalPersons } = applicantSetup();
    const { person, token } = await register('张三', '123');
    const lp = await uc.registerLegalPerson({ ...command, creditCode: command.creditCode.toLowerCase() }, token);
    expect(lp).toMatchObject({
      creditCode: command.creditCode,
      holderPersonId: person.id,
      holderSubject: person.subject,
      legalRepresentativeIdNumber: command.legalRepresentativeIdNumber,
      agents: [],
      version: 1,
    });
    expect(legalPersons.events).toEqual([{ type: 'LegalPersonRegistered', legalPerson: lp }]);
  });

  it('refuses a credit code registered already', async () => {
    const { uc, register } = applicantSetup();
    const a = await register('张三', '123');
    const b = await register('李四', '234');
    await uc.registerLegalPerson(command, a.token);
    await expect(uc.registerLegalPerson(command, b.token)).rejects.toMatchObject({ code: 'LEGAL_PERSON_EXISTS' });
  });

  it('reports a bad credit code and representative ID number with their paths', async () => {
    const { uc, register, legalPersons } = applicantSetup();
    const { token } = await register('张三', '123');
    const err = await uc
      .registerLegalPerson(
        { ...command, creditCode: `${command.creditCode.slice(0, 17)}I`, legalRepresentativeIdNumber: '6203' },
        token,
      )
      .catch((e: unknown) => e);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['creditCode', 'ALPHABET'],
      ['legalRepresentativeIdNumber', 'LENGTH'],
    ]);
    expect(legalPersons.rows.size).toBe(0);
  });

  it('requires a registered natural person with the applicant role', async () => {
    const { uc, legalPersons } = applicantSetup();
    await expect(
      uc.registerLegalPerson(command, principal('yc-clerk', '620321', ['window_clerk'])),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const unregistered = { ...principal('nobody', '', ['applicant']) };
    await expect(uc.registerLegalPerson(command, unregistered)).rejects.toMatchObject({ code: 'APPLICANT_REQUIRED' });
    expect(legalPersons.rows.size).toBe(0);
  });
});
