import { compact, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import type { Case, DocumentKind } from '../../domain/case';
import { draftCase } from '../../domain/case.test-double';
import type { Edition } from '../../domain/edition';
import type { Editions } from '../../usecases/ports';
import { pdfCaseRenderer } from './pdf-case-renderer';

const edition = { tenantName: '永昌县', departmentName: '永昌县市场监督管理局', formSchema: '{}' } as Edition;
const editions = { get: async () => edition, current: async () => edition } as Editions;
const render = pdfCaseRenderer({
  editions,
  links: {
    progress: (n) => `https://zwfw.example.cn/progress?caseNumber=${n}`,
    verifyLicence: (c) => `https://zwfw.example.cn/v/${c}`,
  },
});

const accepted = draftCase({
  status: 'processing',
  caseNumber: '6203212026030200001',
  clocks: {
    receivedDate: '2026-03-02',
    acceptedDate: '2026-03-03',
    noticeDueDate: '2026-03-09',
    promised: {
      dueDate: '2026-03-17',
      startDate: '2026-03-03',
      limitWorkingDays: 10,
      extensionWorkingDays: 0,
      suspendedWorkingDays: 0,
      provisional: false,
      skipped: [],
      explanation: '',
    },
  },
  decision: {
    outcome: 'denied',
    reasons: ['经营场所不符合食品安全要求'],
    remedies: [],
    decidedBy: 'ycx-approver',
    decidedAt: new Date(),
  },
});

async function text(c: Case, kind: DocumentKind, details = {}): Promise<string> {
  const pdf = await render({
    case: c,
    kind,
    number: '永昌县政务服务中心受理〔2026〕00001号',
    issuedAt: new Date('2026-03-03T02:00:00Z'),
    issuingBody: '永昌县政务服务中心',
    details,
  });
  return compact((await textOf(pdf)).text);
}

describe('case documents as PDFs', () => {
  it('prints the acceptance notice with the case number, the promised date and the number', async () => {
    const t = await text(accepted, 'acceptance_notice');
    expect(t).toContain('受理通知书');
    expect(t).toContain('6203212026030200001');
    expect(t).toContain('2026年3月17日');
    expect(t).toContain('永昌县政务服务中心受理〔2026〕00001号');
    expect(t).not.toContain('62032119900307123X');
  });

  it('lists every problem of a one-time notice', async () => {
    const t = await text(accepted, 'one_time_notice', {
      problems: [
        { ruleId: '', field: 'capital', materialId: '', message: '注册资本应不少于10万元' },
        { ruleId: '', field: '', materialId: 'floor-plan', message: '平面图缺少比例尺' },
      ],
    });
    expect(t).toContain('一次性告知书');
    expect(t).toContain('注册资本应不少于10万元');
    expect(t).toContain('平面图缺少比例尺');
  });

  it('prints a denial with its reasons and the applicant’s remedies', async () => {
    const t = await text(accepted, 'decision');
    expect(t).toContain('经营场所不符合食品安全要求');
    expect(t).toContain('永昌县人民政府');
    expect(t).toContain('永昌县人民法院');
  });
});
