import { residentIdCheckCharacter } from '@govhall/identifiers';
import { idNumber } from './natural-person.test-double';
import {
  activateNaturalPerson,
  disableNaturalPerson,
  newNaturalPerson,
  staffViewOfNaturalPerson,
  validateNaturalPerson,
  type NaturalPersonInput,
} from './natural-person';

const TODAY = new Date('2026-03-02T02:00:00Z');
const valid: NaturalPersonInput = {
  tenant: '620321',
  name: '张三',
  idNumber: idNumber(),
  phone: '13812345678',
  password: 'Apply2026',
};

/** The same first 17 digits with any check character but the right one. */
function wrongCheck(id: string): string {
  const right = residentIdCheckCharacter(id.slice(0, 17));
  return id.slice(0, 17) + (right === '1' ? '2' : '1');
}

function idViolation(input: string) {
  const v = validateNaturalPerson({ ...valid, idNumber: input }, TODAY);
  expect(v).toHaveLength(1);
  expect(v[0]).toMatchObject({ path: 'idNumber' });
  return v[0]!;
}

describe('natural person validation', () => {
  it('accepts a valid registration, a lower-case x and a name with a middle dot', () => {
    expect(validateNaturalPerson(valid, TODAY)).toEqual([]);
    const withX = idNumber('002', '19491231', '110105');
    expect(withX.endsWith('X')).toBe(true);
    expect(validateNaturalPerson({ ...valid, idNumber: withX.toLowerCase(), name: '阿依古丽·买买提' }, TODAY)).toEqual(
      [],
    );
  });

  it('rejects a wrong check character with the identifier reason and its Chinese message', () => {
    const v = idViolation(wrongCheck(valid.idNumber));
    expect(v.reason).toBe('CHECK_CHARACTER');
    expect(v.message).toContain(`校验码应为${residentIdCheckCharacter(valid.idNumber.slice(0, 17))}`);
  });

  it('rejects an impossible birth date and one in the future', () => {
    const feb30 = idNumber('123', '19900230');
    expect(idViolation(feb30)).toMatchObject({ reason: 'BIRTH_DATE', message: expect.stringContaining('1990-02-30') });
    expect(idViolation(idNumber('123', '20270101')).reason).toBe('BIRTH_DATE');
  });

  it('rejects a wrong length and letters among the digits', () => {
    expect(idViolation(valid.idNumber.slice(0, 17))).toMatchObject({
      reason: 'LENGTH',
      message: expect.stringContaining('17'),
    });
    expect(idViolation(`62032A${valid.idNumber.slice(6)}`)).toMatchObject({
      reason: 'ALPHABET',
      message: expect.stringContaining('第6位'),
    });
    expect(idViolation('').reason).toBe('REQUIRED');
  });

  it('reports name, phone, password and tenant problems together, each with its path', () => {
    const v = validateNaturalPerson(
      { tenant: '6203', name: 'Z3', idNumber: valid.idNumber, phone: '12812345678', password: 'onlyletters' },
      TODAY,
    );
    expect(v.map((x) => [x.path, x.reason])).toEqual([
      ['tenant', 'LENGTH'],
      ['name', 'PATTERN'],
      ['phone', 'PATTERN'],
      ['password', 'WEAK_PASSWORD'],
    ]);
    expect(validateNaturalPerson({ ...valid, password: 'a1'.repeat(33) }, TODAY).map((x) => x.path)).toEqual([
      'password',
    ]);
    expect(validateNaturalPerson({ ...valid, name: '张' }, TODAY).map((x) => x.path)).toEqual(['name']);
  });
});

describe('disabling a natural person', () => {
  const verification = { method: 'format-only', verified: false, note: '仅校验格式', verifiedAt: TODAY };
  const { person } = activateNaturalPerson(newNaturalPerson(valid, 'np-1', verification, TODAY), 'kc-1', TODAY);
  const later = new Date('2026-03-05T08:00:00Z');

  it('sets status, the normalised reason and the time, bumps the version and raises NaturalPersonDisabled', () => {
    const { person: next, events } = disableNaturalPerson(person, ' 冒用他人身份注册 ', later);
    expect(next).toEqual({
      ...person,
      status: 'disabled',
      disabledReason: '冒用他人身份注册',
      disabledAt: later,
      version: person.version + 1,
      updatedAt: later,
    });
    expect(events).toEqual([{ type: 'NaturalPersonDisabled', person: next }]);
    expect(person.status).toBe('active');
  });

  it('shows staff the record with ID number and phone masked', () => {
    expect(staffViewOfNaturalPerson(person)).toMatchObject({
      idNumber: `${valid.idNumber.slice(0, 4)}${'*'.repeat(10)}${valid.idNumber.slice(14)}`,
      phone: '138****5678',
      name: '张三',
    });
  });
});
