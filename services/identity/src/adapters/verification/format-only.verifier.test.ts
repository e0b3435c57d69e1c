import { creditCode, idNumber } from '../../domain/natural-person.test-double';
import { FormatOnlyVerifier } from './format-only.verifier';

describe('format-only verifier', () => {
  const verifier = new FormatOnlyVerifier();

  it('accepts well-formed numbers but never calls them verified: it checked the format only, not the registers', async () => {
    const person = await verifier.verifyNaturalPerson({ name: '张三', idNumber: idNumber() });
    expect(person).toEqual({
      method: 'format-only',
      accepted: true,
      verified: false,
      note: expect.stringMatching(/^仅校验了证件号码格式与校验位，未与公安人口库核验/),
    });
    const company = await verifier.verifyLegalPerson({
      name: '某公司',
      creditCode: creditCode(),
      legalRepresentativeName: '张三',
    });
    expect(company).toMatchObject({
      method: 'format-only',
      accepted: true,
      verified: false,
      note: expect.stringContaining('未与市场监管登记库核验'),
    });
  });

  it('does not verify a number whose check character is wrong', async () => {
    const id = idNumber();
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const result = await verifier.verifyNaturalPerson({ name: '张三', idNumber: wrong });
    expect(result).toMatchObject({
      method: 'format-only',
      accepted: false,
      verified: false,
      note: expect.stringContaining('校验码'),
    });
  });
});
