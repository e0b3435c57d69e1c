import { ConcurrencyError, ConflictError, UnavailableError, ValidationError } from '@govhall/errors';
import { naturalPersonRef } from '../../domain/natural-person';
import { applicantSetup, idNumber } from '../in-memory-applicants.test-double';
import type { RegisterNaturalPersonCommand } from './register-natural-person.usecase';

const request: RegisterNaturalPersonCommand = {
  tenant: '620321',
  name: '张三',
  idNumber: idNumber(),
  phone: '13812345678',
  password: 'Apply2026',
};

describe('registerNaturalPerson', () => {
  it('creates the Keycloak login named by the ID number and activates the record with one event', async () => {
    const { uc, directory, naturalPersons } = applicantSetup();
    const person = await uc.registerNaturalPerson({ ...request, idNumber: request.idNumber.toLowerCase() });
    expect(person).toMatchObject({ status: 'active', idNumber: request.idNumber, name: '张三', version: 2 });
    const user = directory.users.get(person.subject!)!;
    expect(user).toMatchObject({
      username: request.idNumber.toLowerCase(),
      roles: ['applicant'],
      password: 'Apply2026',
      temporary: false,
      attributes: { tenant: '620321', govhall_ref: naturalPersonRef(person) },
    });
    expect(naturalPersons.events).toEqual([{ type: 'NaturalPersonRegistered', person }]);
    expect(person.verification).toMatchObject({ verified: true, verifiedAt: expect.any(Date) });
  });

  it.each([
    [
      'a wrong check character',
      `${request.idNumber.slice(0, 17)}${request.idNumber.endsWith('1') ? '2' : '1'}`,
      'CHECK_CHARACTER',
    ],
    ['an impossible birth date', idNumber('123', '19900230'), 'BIRTH_DATE'],
    ['a wrong length', request.idNumber.slice(0, 15), 'LENGTH'],
    ['letters', `62032119900307A23${request.idNumber[17]}`, 'ALPHABET'],
  ])('refuses %s with the reason under idNumber and writes nothing', async (_, id, reason) => {
    const { uc, directory, naturalPersons } = applicantSetup();
    const err = await uc.registerNaturalPerson({ ...request, idNumber: id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations).toEqual([
      { path: 'idNumber', reason, message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    ]);
    expect(naturalPersons.rows.size).toBe(0);
    expect(directory.createCalls).toBe(0);
  });

  it('leaves the record provisioning when Keycloak is down, and a retry completes it with one Keycloak user', async () => {
    const { uc, directory, naturalPersons } = applicantSetup();
    directory.down = true;
    await expect(uc.registerNaturalPerson(request)).rejects.toBeInstanceOf(UnavailableError);
    const [pending] = [...naturalPersons.rows.values()];
    expect(pending).toMatchObject({ status: 'provisioning', idNumber: request.idNumber });
    expect(pending!.subject).toBeUndefined();
    expect(naturalPersons.events).toEqual([]);

    directory.down = false;
    const person = await uc.registerNaturalPerson(request);
    expect(person).toMatchObject({ id: pending!.id, status: 'active' });
    expect(directory.users.size).toBe(1);
    expect(naturalPersons.rows.size).toBe(1);
    expect(naturalPersons.events.map((e) => e.type)).toEqual(['NaturalPersonRegistered']);
  });

  it('adopts a Keycloak user that carries this record reference (created before a crash) instead of creating one', async () => {
    const { uc, directory, naturalPersons } = applicantSetup();
    directory.down = true;
    await uc.registerNaturalPerson(request).catch(() => undefined);
    directory.down = false;
    const [pending] = [...naturalPersons.rows.values()];
    const kcId = directory.seed(request.idNumber.toLowerCase(), naturalPersonRef(pending!));

    const person = await uc.registerNaturalPerson(request);
    expect(person.subject).toBe(kcId);
    expect(directory.createCalls).toBe(0);
    expect(directory.users.size).toBe(1);
  });

  it('refuses a username that belongs to another Keycloak user and removes its own half-made record', async () => {
    const { uc, directory, naturalPersons } = applicantSetup();
    directory.seed(request.idNumber.toLowerCase(), 'natural-person:someone-else');
    const err = await uc.registerNaturalPerson(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'ID_NUMBER_ACCOUNT_TAKEN' });
    expect(naturalPersons.rows.size).toBe(0);
    expect(directory.users.size).toBe(1);
  });

  it('tells a registered person to log in, and refuses a different pending registration of the same number', async () => {
    const { uc, directory } = applicantSetup();
    await uc.registerNaturalPerson(request);
    await expect(uc.registerNaturalPerson(request)).rejects.toMatchObject({
      code: 'PERSON_EXISTS',
      message: '该身份证号码已注册，请直接登录',
    });

    const other = { ...request, idNumber: idNumber('234') };
    directory.down = true;
    await uc.registerNaturalPerson(other).catch(() => undefined);
    directory.down = false;
    await expect(uc.registerNaturalPerson({ ...other, phone: '13999999999' })).rejects.toMatchObject({
      code: 'REGISTRATION_IN_PROGRESS',
    });
  });

  it('refuses when the real-name verifier does not confirm the person, before writing anything', async () => {
    const { uc, verifier, naturalPersons } = applicantSetup();
    verifier.refuse = true;
    const err = await uc.registerNaturalPerson(request).catch((e: unknown) => e);
    expect((err as ValidationError).violations).toEqual([
      expect.objectContaining({ path: 'idNumber', reason: 'REAL_NAME_NOT_VERIFIED' }),
    ]);
    expect(naturalPersons.rows.size).toBe(0);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc, naturalPersons } = applicantSetup(['620302']);
    await expect(uc.registerNaturalPerson(request)).rejects.toMatchObject({ code: 'TENANT_NOT_HOSTED' });
    expect(naturalPersons.rows.size).toBe(0);
  });

  it('asks for a new attempt when the reconciler removed the pending record during the retry', async () => {
    const { uc, naturalPersons } = applicantSetup();
    naturalPersons.insert = async () => false; // the ID number was taken, and is gone again when read
    await expect(uc.registerNaturalPerson(request)).rejects.toBeInstanceOf(ConcurrencyError);
  });
});
