import { fieldTitle, groupProblems, problemPlace } from './problems';

const schema = {
  type: 'object',
  properties: {
    operator: { title: '经营者', type: 'object', properties: { creditCode: { title: '统一社会信用代码' } } },
    business: { type: 'object', properties: { items: { type: 'array', items: { title: '经营项目' } } } },
  },
};

describe('one-time notice items placed where the applicant fixes them', () => {
  it('names a form field by the titles of the schema', () => {
    expect(fieldTitle(schema, 'operator.creditCode')).toBe('经营者 › 统一社会信用代码');
    expect(fieldTitle(schema, 'business.items.0')).toBe('business › items › 第1项');
    expect(fieldTitle(schema, 'nowhere.x')).toBe('nowhere › x');
  });

  it('sorts problems into materials, form fields and the rest', () => {
    const g = groupProblems([
      { materialId: 'premises-layout', message: '布局图不清晰' },
      { field: 'operator.creditCode', message: '信用代码有误' },
      { field: 'operator.creditCode', message: '与营业执照不一致' },
      { message: '请到窗口核验原件' },
    ]);
    expect(g.byMaterial.get('premises-layout')).toEqual(['布局图不清晰']);
    expect(g.fields).toEqual({ 'formData.operator.creditCode': '信用代码有误；与营业执照不一致' });
    expect(g.general).toEqual(['请到窗口核验原件']);
  });

  it('labels the place of each problem', () => {
    const name = (id: string) => (id === 'premises-layout' ? '经营布局' : undefined);
    expect(problemPlace({ materialId: 'premises-layout', message: '' }, schema, name)).toBe('申请材料：经营布局');
    expect(problemPlace({ field: 'operator.creditCode', message: '' }, schema, name)).toBe(
      '申请表：经营者 › 统一社会信用代码',
    );
    expect(problemPlace({ message: '' }, schema, name)).toBe('其他');
  });
});
