import type { ProvidedMaterial } from '../case';
import type { EditionRule } from '../edition';
import { compareHolds, fieldValue, preReview } from './pre-review';

const rule = (r: Partial<EditionRule>): EditionRule => ({
  id: 'r',
  kind: 'field_compare',
  field: '',
  op: '',
  value: '',
  materialId: '',
  licenceType: '',
  message: 'm',
  ...r,
});

const material = (id: string, m: Partial<ProvidedMaterial> = {}): ProvidedMaterial => ({
  materialId: id,
  name: `材料${id}`,
  required: true,
  files: [],
  ...m,
});

const file = {
  id: 'f',
  fileName: 'a.pdf',
  contentType: 'application/pdf',
  size: 1,
  sha256: 'x',
  uploadedAt: new Date(),
};
const today = new Date('2026-03-02T02:00:00Z');

describe('the automatic pre-review', () => {
  it('lists the common rules first, then the item rules, then missing required materials, with their messages', () => {
    const problems = preReview({
      commonRules: [
        rule({ id: 'c1', kind: 'field_resident_id', field: 'applicant.idNumber', message: '身份证号码有误' }),
      ],
      itemRules: [
        rule({ id: 'i1', field: 'area', op: 'gte', value: '1', message: '经营面积应大于等于1' }),
        rule({ id: 'i2', kind: 'field_credit_code', field: 'company.code', message: '信用代码有误' }),
      ],
      formData: { applicant: { idNumber: '620321199003071230' }, area: 0, company: { code: '91620321MA74XXXX0X' } },
      materials: [material('licence'), material('photo', { required: false })],
      today,
    });
    expect(problems).toEqual([
      { ruleId: 'c1', field: 'applicant.idNumber', materialId: '', message: '身份证号码有误' },
      { ruleId: 'i1', field: 'area', materialId: '', message: '经营面积应大于等于1' },
      { ruleId: 'i2', field: 'company.code', materialId: '', message: '信用代码有误' },
      { ruleId: '', field: '', materialId: 'licence', message: '缺少必交材料“材料licence”，请上传或引用电子证照' },
    ]);
  });

  it('finds nothing when every rule holds, a material is provided by a file or a valid licence', () => {
    const problems = preReview({
      commonRules: [rule({ id: 'c1', kind: 'field_resident_id', field: 'applicant.idNumber' })],
      itemRules: [
        rule({ id: 'i1', kind: 'material_present', materialId: 'a' }),
        rule({ id: 'i2', kind: 'licence_valid', materialId: 'b', licenceType: '营业执照' }),
        rule({ id: 'i3', field: 'kind', op: 'in', value: '["个体","企业"]' }),
      ],
      formData: { applicant: { idNumber: '62032119900307123X' }, kind: '个体' },
      materials: [
        material('a', { files: [file] }),
        material('b', {
          licence: {
            licenceId: 'l',
            licenceNumber: 'n',
            licenceType: '营业执照',
            holderName: 'h',
            valid: true,
          },
        }),
      ],
      today,
    });
    expect(problems).toEqual([]);
  });

  it('reports a cited licence that is not valid and a material_present rule once with its message', () => {
    const problems = preReview({
      commonRules: [],
      itemRules: [
        rule({ id: 'p', kind: 'material_present', materialId: 'a', message: '请上传a' }),
        rule({ id: 'l', kind: 'licence_valid', licenceType: '营业执照', materialId: 'b', message: '证照已失效' }),
      ],
      formData: {},
      materials: [
        material('a'),
        material('b', {
          required: false,
          licence: { licenceId: 'l', licenceNumber: 'n', licenceType: '营业执照', holderName: 'h', valid: false },
        }),
      ],
      today,
    });
    expect(problems.map((p) => [p.ruleId, p.materialId, p.message])).toEqual([
      ['p', 'a', '请上传a'],
      ['l', 'b', '证照已失效'],
    ]);
  });

  it('compares by the operators of the catalogue', () => {
    expect(compareHolds('present', ' ', '')).toBe(false);
    expect(compareHolds('absent', undefined, '')).toBe(true);
    expect(compareHolds('eq', true, 'true')).toBe(true);
    expect(compareHolds('gt', 5, '0')).toBe(true);
    expect(compareHolds('lte', '2026-01-01', '"2025-12-31"')).toBe(false);
    expect(compareHolds('matches', '620321', '"^62"')).toBe(true);
    expect(compareHolds('not_in', 'A', '["A"]')).toBe(false);
    expect(compareHolds('gt', undefined, '0')).toBe(false);
    expect(fieldValue({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
  });
});
