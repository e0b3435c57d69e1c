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
    const again = { ...command, legalRepresentativeName: '李四', legalRepresentativeIdNumber: idNumber('234') };
    await expect(uc.registerLegalPerson(again, b.token)).rejects.toMatchObject({ code: 'LEGAL_PERSON_EXISTS' });
  });

  it('lets only the legal representative register: another ID number is refused with a reason, and nothing stored', async () => {
    const { uc, register, legalPersons } = applicantSetup();
    const employee = await register('李四', '234'); // registers a company whose representative is 张三
    const err = await uc.registerLegalPerson(command, employee.token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err).toMatchObject({ code: 'NOT_LEGAL_REPRESENTATIVE' });
    expect((err as Error).message).toContain('只有法定代表人本人可以登记法人');
    expect((err as Error).message).toContain('授权为经办人');
    expect(legalPersons.rows.size).toBe(0);
    expect(legalPersons.events).toEqual([]);
    const representative = await register('王五', '999');
    const own = { ...command, legalRepresentativeName: '王五', legalRepresentativeIdNumber: idNumber('999') };
    await expect(uc.registerLegalPerson(own, representative.token)).resolves.toMatchObject({
      holderPersonId: representative.person.id,
    });
  });

  it('answers verified: false when the verifier accepted the data without a register (as format-only does)', async () => {
    const formatOnly = {
      method: 'format-only',
      accepted: true,
      verified: false,
      note: '仅校验了格式，未与市场监管登记库核验',
    };
    const verifier = { verifyNaturalPerson: async () => formatOnly, verifyLegalPerson: async () => formatOnly };
    const { uc, register } = applicantSetup(undefined, { verifier });
    const { person, token } = await register('张三', '123');
    expect(person.verification).toMatchObject({ method: 'format-only', verified: false });
    const lp = await uc.registerLegalPerson(command, token);
    expect(lp.verification).toMatchObject({ method: 'format-only', verified: false });
    expect(lp.verification.note).toContain('未与市场监管登记库核验');
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
