import type { Licence } from '../domain/licence';

/** A 营业执照 of 张三 (个体工商户设立登记, basic code 000117001000) in the library. */
export function businessLicence(overrides: Partial<Licence> = {}): Licence {
  return {
    id: 'lic-1',
    licenceNumber: '620321-000117001000-2026-000001',
    licenceType: '000117001000',
    name: '个体工商户设立登记证',
    holderKind: 'natural_person',
    holderName: '张三',
    holderIdCode: '62032119900307123X',
    holderPersonId: 'np-1',
    holderSubject: 'subject-zhangsan',
    agentPersonId: '',
    agentName: '',
    tenant: '620321',
    itemId: 'item-sole-trader',
    itemName: '个体工商户设立登记',
    caseId: 'case-1',
    caseNumber: '620321202603020001',
    issuingDepartment: '620321-SCJG',
    issuingDepartmentName: '永昌县市场监督管理局',
    seal: '永昌县市场监督管理局行政审批专用章',
    validFrom: '2026-03-02',
    validUntil: '',
    verificationCode: '7K3M9Q2XJ8AB',
    issuedAt: new Date('2026-03-02T02:00:00Z'),
    issuedBy: 'yc-clerk',
    revoked: false,
    documentIds: ['doc-licence'],
    ...overrides,
  };
}
