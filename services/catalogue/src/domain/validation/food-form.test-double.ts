/** The application form (食品经营许可申请书) as JSON Schema 2020-12. */
export const FOOD_FORM_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: '食品经营许可申请书',
  type: 'object',
  required: ['operator', 'legalRepresentative', 'premises', 'businessItems'],
  properties: {
    operator: {
      type: 'object',
      title: '经营者',
      required: ['name', 'creditCode'],
      properties: {
        name: { type: 'string', title: '经营者名称', minLength: 2, maxLength: 100 },
        creditCode: { type: 'string', title: '统一社会信用代码', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
      },
    },
    legalRepresentative: {
      type: 'object',
      title: '法定代表人（负责人）',
      required: ['name', 'idNumber', 'phone'],
      properties: {
        name: { type: 'string', title: '姓名', minLength: 2, maxLength: 30 },
        idNumber: { type: 'string', title: '身份证号码', pattern: '^\\d{17}[\\dX]$' },
        phone: { type: 'string', title: '联系电话', pattern: '^1[3-9]\\d{9}$' },
      },
    },
    premises: {
      type: 'object',
      title: '经营场所',
      required: ['address', 'areaSquareMeters'],
      properties: {
        address: { type: 'string', title: '经营场所地址', minLength: 5 },
        areaSquareMeters: { type: 'number', title: '经营场所面积（平方米）', exclusiveMinimum: 0 },
      },
    },
    businessItems: {
      type: 'array',
      title: '经营项目',
      minItems: 1,
      uniqueItems: true,
      items: {
        type: 'string',
        enum: ['预包装食品销售', '散装食品销售', '热食类食品制售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售'],
      },
    },
  },
};
