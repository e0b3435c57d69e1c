/**
 * What the demo applicants fill in and hand in for the seed catalogue's items (services/catalogue/src/seed, keyed
 * by basic code): form data valid against each item's JSON Schema and passing its pre-review rules, a faulty
 * variant that the automatic pre-review returns (a mistyped ID number and a missing material), and the materials
 * uploaded. The people and the company are identity's demo applicants (services/identity/src/seed/
 * demo-people.seed.ts; services share no code, so their facts are repeated here). Their ID numbers and credit codes
 * are synthetic and belong to nobody.
 */

export interface DemoPerson {
  /** Login name of the applicant account: the ID number. */
  idNumber: string;
  name: string;
  phone: string;
  email: string;
}

export const ZHANG_SAN: DemoPerson = {
  idNumber: '62032119900307123X',
  name: '张三',
  phone: '13909350001',
  email: 'zhangsan@example.cn',
};
export const LI_SI: DemoPerson = {
  idNumber: '620321198506122049',
  name: '李四',
  phone: '13909350002',
  email: 'lisi@example.cn',
};
export const WANG_WU: DemoPerson = {
  idNumber: '620302197809213315',
  name: '王五',
  phone: '13909350003',
  email: 'wangwu@example.cn',
};

export interface DemoCompany {
  name: string;
  creditCode: string;
  address: string;
}

/** 张三 holds it (its legal representative); 李四 is its agent (经办人) for 620321-SCJG only. */
export const DEMO_COMPANY: DemoCompany = {
  name: '永昌县金川河商贸有限公司',
  creditCode: '91620321MA7H2K3L1W',
  address: '甘肃省金昌市永昌县城关镇北海子路18号',
};

/**
 * The people of the demo: identity's demo applicants by default. Tests on fresh databases register their own
 * (the demo ID numbers' logins belong to the dev deployment) and pass them in.
 */
export interface DemoCast {
  /** Natural person in 永昌县 and 金昌市; holds the company and is its legal representative. */
  zhangSan: DemoPerson;
  /** The company's agent, for 620321-SCJG. */
  liSi: DemoPerson;
  /** Natural person in 金川区. */
  wangWu: DemoPerson;
  company: DemoCompany;
}

export const DEMO_CAST: DemoCast = { zhangSan: ZHANG_SAN, liSi: LI_SI, wangWu: WANG_WU, company: DEMO_COMPANY };

/** Who files for the company in each tenant: the agent where his grant covers it, else the holder. */
export function companyFilerFor(tenant: string, cast: DemoCast = DEMO_CAST): DemoPerson {
  return tenant === '620321' ? cast.liSi : cast.zhangSan;
}

/** The natural person applying in each tenant. */
export function personFor(tenant: string, cast: DemoCast = DEMO_CAST): DemoPerson {
  return tenant === '620302' ? cast.wangWu : cast.zhangSan;
}

/** The same ID number with its check character changed: fails the GB 11643 check the pre-review rules run. */
export function mistyped(idNumber: string): string {
  const last = idNumber.slice(-1) === '1' ? '2' : '1';
  return `${idNumber.slice(0, 17)}${last}`;
}

export interface DemoForm {
  /** Who applies: a natural person, or a legal person (the company, through its filer). */
  applicant: 'person' | 'company';
  /** Valid form data for the person who applies (a company's filer: its data come from the cast). */
  valid(person: DemoPerson, cast: DemoCast): Record<string, unknown>;
  /** Schema-valid data the item's pre-review rules refuse (returned with the item's messages). */
  faulty(person: DemoPerson, cast: DemoCast): Record<string, unknown>;
  /** Material ids handed in (the required ones, and the power of attorney when an agent files). */
  materials: string[];
  /** A material left out by the faulty variant (an item rule asks for it). */
  missingWhenFaulty: string;
  /** A problem a clerk lists in a one-time notice for this item (material id and message). */
  notice: { materialId: string; message: string };
}

const company = (c: DemoCast) => ({
  name: c.company.name,
  creditCode: c.company.creditCode,
  legalRepresentative: c.zhangSan.name,
  phone: c.zhangSan.phone,
  address: c.company.address,
});

const rep = (p: DemoPerson, idNumber = p.idNumber) => ({ name: p.name, idNumber, phone: p.phone });

/** Forms by the item's basic code. */
export const DEMO_FORMS: Readonly<Record<string, DemoForm>> = {
  // 食品经营许可 (620321-SCJG, promised)
  '000117012000': {
    applicant: 'company',
    valid: (_, c) => ({
      operator: company(c),
      legalRepresentative: rep(c.zhangSan),
      premises: { address: '甘肃省金昌市永昌县城关镇东大街56号一层', area: 86.5 },
      business: {
        mainType: '食品销售经营者',
        items: ['预包装食品销售（含冷藏冷冻食品）', '散装食品销售'],
        foodSafetyManager: c.liSi.name,
      },
    }),
    faulty: (_, c) => ({
      operator: company(c),
      legalRepresentative: rep(c.zhangSan, mistyped(c.zhangSan.idNumber)),
      premises: { address: '甘肃省金昌市永昌县城关镇东大街56号一层', area: 86.5 },
      business: {
        mainType: '食品销售经营者',
        items: ['预包装食品销售（含冷藏冷冻食品）'],
        foodSafetyManager: c.liSi.name,
      },
    }),
    materials: ['application-form', 'business-licence', 'legal-rep-id', 'premises-layout', 'food-safety-rules'],
    missingWhenFaulty: 'premises-layout',
    notice: { materialId: 'premises-layout', message: '经营布局图未标明冷藏冷冻设施位置，请补充标注后重新上传' },
  },
  // 药品零售企业许可 (620321-SCJG, promised)
  '000117030000': {
    applicant: 'company',
    valid: (_, c) => ({
      enterprise: company(c),
      qualityManager: rep(c.liSi),
      store: {
        address: '甘肃省金昌市永昌县城关镇南街12号',
        area: 120,
        pharmacistCount: 2,
        scope: ['乙类非处方药', '中成药', '化学药'],
      },
    }),
    faulty: (_, c) => ({
      enterprise: company(c),
      qualityManager: rep(c.liSi, mistyped(c.liSi.idNumber)),
      store: { address: '甘肃省金昌市永昌县城关镇南街12号', area: 120, pharmacistCount: 0, scope: ['中成药'] },
    }),
    materials: [
      'application-form',
      'business-licence',
      'pharmacist-certificate',
      'premises-documents',
      'quality-system',
      'responsible-persons-statement',
    ],
    missingWhenFaulty: 'quality-system',
    notice: { materialId: 'pharmacist-certificate', message: '执业药师注册证已过有效期，请提交有效的注册证' },
  },
  // 个体工商户设立登记 (620321-SCJG, immediate)
  '000117001000': {
    applicant: 'person',
    valid: (p) => ({
      operator: rep(p),
      business: {
        name: '永昌县张三百货店',
        organizationForm: '个人经营',
        scope: '日用百货、文具用品、预包装食品零售',
        premises: '甘肃省金昌市永昌县城关镇金川西路23号',
        capital: 5,
        employees: 2,
      },
    }),
    faulty: (p) => ({
      operator: rep(p, mistyped(p.idNumber)),
      business: {
        organizationForm: '个人经营',
        scope: '日用百货零售',
        premises: '甘肃省金昌市永昌县城关镇金川西路23号',
        capital: 5,
        employees: 1,
      },
    }),
    materials: ['application-form', 'operator-id', 'premises-proof'],
    missingWhenFaulty: 'premises-proof',
    notice: { materialId: 'premises-proof', message: '房屋租赁合同未附产权证明，请补充' },
  },
  // 企业开办一件事 (620321-SCJG, joint with 公安、税务、人社)
  '000117901000': {
    applicant: 'company',
    valid: (_, c) => ({
      company: {
        name: c.company.name,
        type: '有限责任公司',
        registeredCapital: 100,
        address: c.company.address,
        scope: '日用百货、五金交电、农副产品销售',
      },
      legalRepresentative: rep(c.zhangSan),
      seals: { sealTypes: ['公章', '财务专用章', '发票专用章'] },
      tax: { applyInvoice: true, taxContactPhone: c.liSi.phone },
      socialInsurance: { employees: 5 },
    }),
    faulty: (_, c) => ({
      company: {
        name: c.company.name,
        type: '有限责任公司',
        registeredCapital: 100,
        address: c.company.address,
        scope: '日用百货销售',
      },
      legalRepresentative: rep(c.zhangSan, mistyped(c.zhangSan.idNumber)),
      seals: { sealTypes: ['公章'] },
      tax: { applyInvoice: false, taxContactPhone: c.liSi.phone },
      socialInsurance: { employees: 3 },
    }),
    materials: ['application-form', 'articles', 'investor-id', 'officers-appointment', 'premises-proof'],
    missingWhenFaulty: 'articles',
    notice: { materialId: 'articles', message: '公司章程缺少股东签字页，请补充' },
  },
  // 食品生产许可 (620300-SCJG, promised)
  '000117011000': {
    applicant: 'company',
    valid: (_, c) => ({
      producer: company(c),
      production: {
        address: '甘肃省金昌市金川区经济技术开发区宁远路8号',
        categories: ['糕点', '豆制品'],
        technicalStaff: c.liSi.name,
        safetyManager: c.zhangSan.name,
      },
    }),
    faulty: (_, c) => ({
      producer: {
        ...company(c),
        creditCode: `${c.company.creditCode.slice(0, 17)}${c.company.creditCode.endsWith('X') ? 'Y' : 'X'}`,
      },
      production: {
        address: '甘肃省金昌市金川区经济技术开发区宁远路8号',
        categories: ['糕点'],
        technicalStaff: c.liSi.name,
        safetyManager: c.zhangSan.name,
      },
    }),
    materials: ['application-form', 'business-licence', 'layout', 'equipment-list', 'staff-and-rules'],
    missingWhenFaulty: 'layout',
    notice: { materialId: 'equipment-list', message: '设备清单未列明生产设备的型号和数量，请补充' },
  },
  // 失业保险金申领 (620302-RSJ, immediate)
  '000108031000': {
    applicant: 'person',
    valid: (p, c) => ({
      applicant: rep(p),
      separation: {
        employer: c.company.name,
        employerCreditCode: c.company.creditCode,
        date: '2026-09-30',
        reason: '劳动合同期满终止',
      },
      insurance: { contributionMonths: 46 },
      payment: { bankName: '中国农业银行金昌分行', account: '6228480868123456789' },
    }),
    faulty: (p, c) => ({
      applicant: rep(p),
      separation: {
        employer: c.company.name,
        employerCreditCode: c.company.creditCode,
        date: '2026-09-30',
        reason: '本人主动辞职',
      },
      insurance: { contributionMonths: 8 },
      payment: { bankName: '中国农业银行金昌分行', account: '6228480868123456789' },
    }),
    materials: ['applicant-id', 'separation-proof'],
    missingWhenFaulty: '',
    notice: { materialId: 'separation-proof', message: '解除劳动关系证明未加盖原用人单位公章，请补充' },
  },
};
