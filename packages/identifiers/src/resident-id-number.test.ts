import { parseResidentIdNumber, residentIdCheckCharacter } from './resident-id-number';

const TODAY = new Date('2026-03-15T04:00:00Z');

function violation(input: string, today = TODAY) {
  const result = parseResidentIdNumber(input, today);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.violation;
}

describe('parseResidentIdNumber', () => {
  it('accepts the GB 11643 example and reads region, birth date and sex', () => {
    expect(parseResidentIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { normalized: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('accepts a lower-case x and normalizes it to X', () => {
    const result = parseResidentIdNumber(' 62032119900307123x ', TODAY);
    expect(result).toMatchObject({ ok: true, value: { normalized: '62032119900307123X', sex: 'male' } });
  });

  it('reads the sex from the 17th digit', () => {
    expect(parseResidentIdNumber('620302198511110027', TODAY)).toMatchObject({ ok: true, value: { sex: 'female' } });
    expect(parseResidentIdNumber('620321200002291236', TODAY)).toMatchObject({ ok: true, value: { sex: 'male' } });
  });

  it('accepts Feb 29 of a leap year and rejects it in a non-leap year (1900)', () => {
    expect(parseResidentIdNumber('620321200002291236', TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '2000-02-29' },
    });
    expect(violation('62032119000229123X')).toEqual({ reason: 'BIRTH_DATE', message: '出生日期 1900-02-29 不存在' });
  });

  it('rejects a missing number', () => {
    expect(violation('  ').reason).toBe('REQUIRED');
  });

  it('rejects a wrong length and says how long it is', () => {
    expect(violation('62032119900307123')).toEqual({ reason: 'LENGTH', message: '身份证号码应为18位，当前为17位' });
  });

  it('rejects characters outside the alphabet and names the position', () => {
    expect(violation('6203211990O307123X')).toEqual({
      reason: 'ALPHABET',
      message: '身份证号码第11位“O”无效：前17位应为数字',
    });
    expect(violation('6203X119900307123X').message).toContain('第5位“X”');
    expect(violation('62032119900307123Y').message).toContain('第18位应为数字或X');
  });

  it('rejects a birth date that does not exist, lies in the future or before 1900', () => {
    expect(violation('620321202302301239')).toEqual({ reason: 'BIRTH_DATE', message: '出生日期 2023-02-30 不存在' });
    expect(violation('620321203001011232').message).toContain('出生日期 2030-01-01 晚于今天');
    expect(violation('620321189912311238').message).toContain('出生日期 1899-12-31 早于1900年');
  });

  it('treats a birth date of today as valid and tomorrow as future, in China time', () => {
    // 2030-01-01 00:30 in Beijing is still 2029-12-31 in UTC.
    expect(parseResidentIdNumber('620321203001011232', new Date('2029-12-31T16:30:00Z')).ok).toBe(true);
    expect(violation('620321203001011232', new Date('2029-12-31T15:30:00Z')).reason).toBe('BIRTH_DATE');
  });

  it('rejects a region part that is not a county-level code', () => {
    expect(violation('990321199003071233')).toEqual({
      reason: 'REGION',
      message: '身份证号码前6位 990321 不是有效的县级行政区划代码',
    });
    expect(violation('620300199003071238').reason).toBe('REGION');
  });

  it('rejects a wrong check character and tells the expected one', () => {
    expect(violation('620321199003071235')).toEqual({
      reason: 'CHECK_CHARACTER',
      message: '身份证号码校验码应为X，实际为5，请核对号码是否抄错',
    });
  });

  it('computes check characters over the whole range', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('62032120000229123')).toBe('6');
    expect(residentIdCheckCharacter('62030219851111002')).toBe('7');
  });
});
