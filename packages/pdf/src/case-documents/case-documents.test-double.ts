import type { AcceptanceNoticeInput, ApplicationCopyInput, CaseDocumentBase, LicenceInput, Remedies } from '.';

/** Inputs as the cases service would pass them, for a food business licence in 永昌县. */
export const CREATED_AT = new Date('2026-03-02T02:15:00Z');

export const REMEDIES: Remedies = {
  reconsiderationBodies: ['永昌县人民政府', '金昌市市场监督管理局'],
  court: '永昌县人民法院',
};

export const SEAL = { department: '永昌县市场监督管理局', sealId: 'ES-620321-0007' };

export function base(overrides: Partial<CaseDocumentBase> = {}): CaseDocumentBase {
  return {
    issuingBody: '永昌县政务服务中心',
    documentNumber: '永昌县政务服务中心受理〔2026〕00012号',
    caseNumber: '62032120260302000012',
    itemName: '食品经营许可',
    applicant: {
      name: '永昌县\u{20000}记面馆有限公司',
      creditCode: '91620321MA71234567',
      agent: { name: '张\u{2A6A5}明', idNumber: '620321199001011234' },
    },
    date: '2026-03-02',
    createdAt: CREATED_AT,
    seal: { department: '永昌县政务服务中心', sealId: 'ES-620321-0001' },
    contacts: ['联系电话：0935-12345', '办理地点：永昌县政务服务中心一楼B01窗口'],
    ...overrides,
  };
}

export function acceptanceInput(overrides: Partial<AcceptanceNoticeInput> = {}): AcceptanceNoticeInput {
  return {
    ...base(),
    receivedOn: '2026-02-27',
    acceptedOn: '2026-03-02',
    promisedLimit: '5个工作日',
    promisedCompletionOn: '2026-03-09',
    followUp: { url: 'https://govhall.example.cn/progress?case=62032120260302000012', phone: '0935-12345' },
    ...overrides,
  };
}

export function licenceInput(overrides: Partial<LicenceInput> = {}): LicenceInput {
  return {
    licenceName: '食品经营许可证',
    licenceNumber: 'JY16203210000123',
    holder: { name: '永昌县\u{20000}记面馆有限公司', creditCode: '91620321MA71234567' },
    itemName: '食品经营许可',
    caseNumber: '62032120260302000012',
    issuingDepartment: '永昌县市场监督管理局',
    seal: SEAL,
    issuedOn: '2026-03-06',
    validFrom: '2026-03-06',
    validUntil: '2031-03-05',
    particulars: [
      ['经营场所', '甘肃省金昌市永昌县城关镇北海子路12号'],
      ['主体业态', '餐饮服务经营者（小型餐馆）'],
      ['经营项目', '热食类食品制售'],
    ],
    verificationCode: 'K7M2-Q9XD',
    verificationUrl: 'https://govhall.example.cn/licences/verify?code=K7M2-Q9XD',
    createdAt: CREATED_AT,
    ...overrides,
  };
}

export function applicationInput(overrides: Partial<ApplicationCopyInput> = {}): ApplicationCopyInput {
  return {
    issuingBody: '永昌县政务服务中心',
    caseNumber: '62032120260302000012',
    itemName: '食品经营许可',
    itemCode: '11620321MB1234567X4000117006000',
    edition: 2,
    applicant: base().applicant,
    submittedAt: new Date('2026-02-27T01:30:00Z'),
    formSchema: {
      type: 'object',
      properties: {
        businessName: { type: 'string', title: '经营者名称' },
        address: {
          type: 'object',
          title: '经营场所',
          properties: { county: { type: 'string', title: '县区' }, street: { type: 'string', title: '详细地址' } },
        },
        category: {
          type: 'string',
          title: '主体业态',
          oneOf: [
            { const: 'small_restaurant', title: '小型餐馆' },
            { const: 'canteen', title: '单位食堂' },
          ],
        },
        items: { type: 'array', title: '经营项目', items: { type: 'string' } },
        chainStore: { type: 'boolean', title: '是否连锁' },
        staff: { type: 'integer' },
      },
    },
    formData: {
      businessName: '永昌县\u{20000}记面馆有限公司',
      address: { county: '永昌县', street: '城关镇北海子路12号' },
      category: 'small_restaurant',
      items: ['热食类食品制售', '冷食类食品制售'],
      chainStore: false,
      staff: 6,
      remark: '周末营业',
    },
    materials: [
      {
        name: '食品经营许可申请书',
        files: [{ name: '申请书.pdf', sha256: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778' }],
      },
      { name: '营业执照', files: [], citedLicence: '营业执照 91620321MA71234567' },
    ],
    verificationUrl: 'https://govhall.example.cn/progress?case=62032120260302000012',
    createdAt: CREATED_AT,
    ...overrides,
  };
}
