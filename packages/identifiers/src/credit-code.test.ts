import { creditCodeCheckCharacter, organizationCodeCheckCharacter, parseCreditCode } from './credit-code';

function violation(input: string) {
  const result = parseCreditCode(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.violation;
}

describe('parseCreditCode', () => {
  it('accepts a published code and splits it into its parts', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        normalized: '91350100M000100Y43',
        registrationAuthority: '9',
        entityType: '1',
        regionCode: '350100',
        organizationCode: 'M000100Y4',
      },
    });
  });

  it('accepts lower case and normalizes to upper case', () => {
    expect(parseCreditCode('91620321ma7xxb2l4n')).toMatchObject({
      ok: true,
      value: { normalized: '91620321MA7XXB2L4N', regionCode: '620321', organizationCode: 'MA7XXB2L4' },
    });
  });

  it('accepts codes of institutions and of national registration authorities (region 100000)', () => {
    expect(parseCreditCode('12620300012345671E').ok).toBe(true);
    expect(parseCreditCode('53100000500019197E').ok).toBe(true);
  });

  it('rejects a missing code and a wrong length', () => {
    expect(violation('').reason).toBe('REQUIRED');
    expect(violation('91350100M000100Y4')).toEqual({
      reason: 'LENGTH',
      message: '统一社会信用代码应为18位，当前为17位',
    });
  });

  it('rejects letters outside the alphabet and names character and position', () => {
    expect(violation('91350100M000100I43')).toEqual({
      reason: 'ALPHABET',
      message: '统一社会信用代码第16位“I”无效：只能使用数字和除I、O、S、V、Z以外的大写字母',
    });
    expect(violation('91350100MO00100Y43').message).toContain('第10位“O”');
    expect(violation('9135-100M000100Y43').message).toContain('第5位“-”');
  });

  it('rejects a first character that is no registration authority (GB 32100 附录A)', () => {
    for (const first of ['0', 'B', 'X']) {
      const first17 = `${first}1620321MA7XXB2L4`;
      expect(violation(first17 + creditCodeCheckCharacter(first17))).toMatchObject({
        reason: 'REGISTRATION_AUTHORITY',
      });
    }
    const first17 = 'B1620321MA7XXB2L4';
    expect(violation(first17 + creditCodeCheckCharacter(first17)).message).toBe(
      '统一社会信用代码第1位“B”不是登记管理部门代码（应为1至9、A、N或Y），请核对代码是否抄错',
    );
  });

  it('rejects a second character that is not an institution type of that authority', () => {
    // 工商 (9) issues 1 企业, 2 个体工商户, 3 农民专业合作社 only; 其他 (Y) only 1.
    const first17 = '94620321MA7XXB2L4';
    expect(violation(first17 + creditCodeCheckCharacter(first17))).toEqual({
      reason: 'ENTITY_TYPE',
      message: '统一社会信用代码第2位“4”不是工商登记的机构类别（应为1、2、3），请核对代码是否抄错',
    });
    for (const start of ['99', 'Y2', '15', '2A', 'N4']) {
      const code17 = `${start}620321MA7XXB2L4`;
      expect(violation(code17 + creditCodeCheckCharacter(code17)).reason).toBe('ENTITY_TYPE');
    }
  });

  it('accepts every authority with each of its institution types', () => {
    const pairs = ['11', '12', '13', '19', '21', '29', '31', '35', '41', '51', '52', '53', '54', '59', '61', '62'];
    pairs.push('71', '72', '81', '89', '91', '92', '93', 'A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1');
    for (const start of pairs) {
      const code17 = `${start}620321MA7XXB2L4`;
      expect([start, parseCreditCode(code17 + creditCodeCheckCharacter(code17)).ok]).toEqual([start, true]);
    }
  });

  it('rejects a region part that is not a region code', () => {
    const first17 = '91990100M000100Y4';
    expect(violation(first17 + creditCodeCheckCharacter(first17))).toEqual({
      reason: 'REGION',
      message: '统一社会信用代码第3至8位 990100 不是有效的行政区划代码',
    });
  });

  it('rejects an organization code whose own check character is wrong', () => {
    // Overall check character is right for these 17 characters; only the organization code check fails.
    expect(violation('91620321MA7XXB2L0A')).toEqual({
      reason: 'ORGANIZATION_CODE_CHECK',
      message: '统一社会信用代码中的组织机构代码（第9至17位）MA7XXB2L0 校验码应为4，实际为0',
    });
  });

  it('rejects a wrong check character and tells the expected one', () => {
    expect(violation('91350100M000100Y44')).toEqual({
      reason: 'CHECK_CHARACTER',
      message: '统一社会信用代码校验码应为3，实际为4，请核对代码是否抄错',
    });
  });

  it('computes organization code check characters including X and 0', () => {
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
    expect(organizationCodeCheckCharacter('01234567')).toBe('1');
    // 11 - (sum mod 11) = 10 → X, = 11 → 0
    expect(organizationCodeCheckCharacter('00000006')).toBe('X');
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
  });
});
