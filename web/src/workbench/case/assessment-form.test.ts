import { ApiError } from '../../shared/problem';
import type { AssessmentLine } from '../../api/types';
import { assessBody, atRowFields, rowFen, totalFen } from './assessment-form';

const line = (over: Partial<AssessmentLine>): AssessmentLine => ({
  feeCode: 'DJF',
  name: '登记费',
  category: 'administrative',
  department: '620321-SCJG',
  legalBasis: '测试依据',
  standardFen: 8000,
  unit: '件',
  formula: '',
  formulaFen: 0,
  formulaProblem: '',
  reductionsNote: '',
  mine: true,
  ...over,
});

const fixed = line({});
const gbf = line({ feeCode: 'GBF', name: '工本费', standardFen: 1000, unit: '本' });
const tax = line({ feeCode: 'QS', name: '契税', standardFen: 0, formula: 'price * 0.015', formulaFen: 1851852 });

describe('the 核定收费 form', () => {
  it('sends each row in the order of the lines, with the quantity as typed and reductions with their basis', () => {
    const built = assessBody(
      [fixed, gbf, tax],
      {
        lines: [
          { quantity: 2, reductionKind: 'none' },
          { quantity: 1, reductionKind: 'reduce', reductionYuan: '2.5', reductionBasis: ' 文件 ' },
          { reductionKind: 'exempt', reductionBasis: '契税法第六条' },
        ],
      },
      'r-1',
    );
    expect(built.body).toEqual({
      requestId: 'r-1',
      lines: [
        { feeCode: 'DJF', quantity: 2, reductions: [] },
        { feeCode: 'GBF', quantity: 1, reductions: [{ kind: 'reduce', amountFen: 250, legalBasis: '文件' }] },
        { feeCode: 'QS', quantity: 1, reductions: [{ kind: 'exempt', legalBasis: '契税法第六条' }] },
      ],
    });
  });

  it('refuses a reduction amount that is not yuan at its own field, and sends nothing', () => {
    const built = assessBody(
      [fixed],
      { lines: [{ quantity: 1, reductionKind: 'reduce', reductionYuan: '1.005' }] },
      'r',
    );
    expect(built.body).toBeUndefined();
    expect(built.errors).toEqual([
      { name: ['lines', 0, 'reductionYuan'], errors: ['减收金额最多精确到分（两位小数）'] },
    ]);
  });

  it('leaves a bad quantity for the service to refuse (not a number is sent as such)', () => {
    expect(assessBody([fixed], { lines: [{ quantity: null }] }, 'r').body?.lines[0]?.quantity).toBeNaN();
    expect(assessBody([fixed], { lines: [{ quantity: 20000 }] }, 'r').body?.lines[0]?.quantity).toBe(20000);
  });

  it('puts the service’s reduction paths on the row’s fields', () => {
    const moved = atRowFields(
      new ApiError({
        status: 400,
        code: 'VALIDATION',
        message: '请求有误',
        fields: {
          'lines.0.quantity': '数量应为 0 至 10000',
          'lines.1.reductions.0.legalBasis': '请填写减免依据',
          'lines.1.reductions.0.amountFen': '减收金额不能超过应收金额',
          lines: '请核定本部门执收的「工本费」',
        },
      }),
    ) as ApiError;
    expect(moved.problem.fields).toEqual({
      'lines.0.quantity': '数量应为 0 至 10000',
      'lines.1.reductionBasis': '请填写减免依据',
      'lines.1.reductionYuan': '减收金额不能超过应收金额',
      lines: '请核定本部门执收的「工本费」',
    });
  });

  it('totals the rows exactly in fen as typed, none while a row is incomplete', () => {
    expect(rowFen(fixed, { quantity: 3 })).toBe(24000);
    expect(rowFen(tax, {})).toBe(1851852);
    expect(rowFen(gbf, { quantity: 1, reductionKind: 'reduce', reductionYuan: '0.10' })).toBe(990);
    expect(rowFen(gbf, { quantity: 1, reductionKind: 'exempt' })).toBe(0);
    expect(rowFen(gbf, { quantity: 1, reductionKind: 'reduce', reductionYuan: '99' })).toBe(0);
    expect(rowFen(fixed, { quantity: -1 })).toBeUndefined();
    expect(rowFen(fixed, { quantity: 1.5 })).toBeUndefined();
    expect(totalFen([fixed, gbf, tax], [{ quantity: 1 }, { quantity: 2 }, {}])).toBe(8000 + 2000 + 1851852);
    expect(totalFen([fixed, gbf], [{ quantity: 1 }, {}])).toBeUndefined();
  });
});
