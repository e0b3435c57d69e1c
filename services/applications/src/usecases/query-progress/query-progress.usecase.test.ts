import { draftCase } from '../../domain/case.test-double';
import type { CaseRepository, Editions } from '../ports';
import { queryProgressUseCase } from './query-progress.usecase';

const at = new Date('2026-03-02T02:15:00Z');
const submitted = draftCase({
  status: 'pre_review',
  caseNumber: '6203212026030200001',
  clocks: { receivedDate: '2026-03-02', acceptedDate: '', noticeDueDate: '2026-03-09' },
  history: [
    {
      action: '保存草稿',
      fromStatus: 'draft',
      toStatus: 'draft',
      actor: '62032119900307123X',
      actorRole: 'applicant',
      at,
      reason: '',
      documentIds: [],
    },
    {
      action: '提交申请',
      fromStatus: 'draft',
      toStatus: 'pre_review',
      actor: '62032119900307123X',
      actorRole: 'applicant',
      at,
      reason: '',
      documentIds: [],
    },
  ],
});

const cases = {
  findByCaseNumber: async (n: string) => (n === submitted.caseNumber ? submitted : null),
} as Pick<CaseRepository, 'findByCaseNumber'> as CaseRepository;
const editions = { get: async () => ({ departmentName: '永昌县市场监督管理局' }) } as unknown as Editions;
const query = queryProgressUseCase({ cases, editions });

describe('the public progress query', () => {
  it('answers the case number with the applicant’s ID number (lower-case x too), masked, with the timeline', async () => {
    const p = await query({ caseNumber: '6203212026030200001', applicantIdCode: '62032119900307123x' });
    expect(p).toEqual({
      caseNumber: '6203212026030200001',
      itemName: '食品经营许可',
      status: 'pre_review',
      applicantName: '张*',
      departmentName: '永昌县市场监督管理局',
      receivedDate: '2026-03-02',
      dueDate: '2026-03-09',
      timeline: [{ action: '提交申请', status: 'pre_review', at: '2026-03-02 10:15' }],
    });
    expect(JSON.stringify(p)).not.toContain('62032119900307123');
  });

  it('gives the same not-found answer for a wrong ID number as for an unknown number', async () => {
    const wrong = query({ caseNumber: '6203212026030200001', applicantIdCode: '620321198506122049' });
    const unknown = query({ caseNumber: '6203212026030200002', applicantIdCode: '62032119900307123X' });
    await expect(wrong).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(unknown).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
      message: ((await wrong.catch((e: unknown) => e)) as Error).message,
    });
  });

  it('refuses malformed input with the field', async () => {
    await expect(query({ caseNumber: '12', applicantIdCode: '1' })).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ path: 'caseNumber' }),
        expect.objectContaining({ path: 'applicantIdCode' }),
      ],
    });
  });
});
