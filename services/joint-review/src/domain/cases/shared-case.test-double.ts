import type { SharedCase } from './shared-case';

/** The case of the unit tests' review (case-1): a shop form with each department's fields, three materials. */
export const SHARED_CASE: SharedCase = {
  caseId: 'case-1',
  applicant: {
    kind: 'legal_person',
    name: '酒泉市联办餐饮有限公司',
    idCode: '91620300MA7XXXXX1X',
    legalRepresentative: '',
    agentName: '赵经办',
    mobile: '13909351234',
    address: '金昌市金川区北京路1号',
  },
  formData: JSON.stringify({
    shopName: '联办小吃店',
    address: '金昌市金川区北京路1号',
    fire: { exits: 2, extinguishers: 4 },
    sewage: { dailyTons: 3 },
  }),
  materials: [
    {
      materialId: 'licence',
      name: '营业执照',
      files: [
        { id: 'f-licence', fileName: '营业执照.pdf', contentType: 'application/pdf', size: 9, sha256: 'a'.repeat(64) },
      ],
      licenceNumber: '',
      licenceValid: false,
    },
    {
      materialId: 'fire-plan',
      name: '消防平面图',
      files: [{ id: 'f-fire', fileName: '消防平面图.png', contentType: 'image/png', size: 4, sha256: 'b'.repeat(64) }],
      licenceNumber: '',
      licenceValid: false,
    },
    {
      materialId: 'eia',
      name: '环评批复',
      files: [
        { id: 'f-eia', fileName: '环评批复.pdf', contentType: 'application/pdf', size: 5, sha256: 'c'.repeat(64) },
      ],
      licenceNumber: 'HP-2026-001',
      licenceValid: true,
    },
  ],
  acceptedAt: new Date('2026-06-04T01:00:00Z'),
};
