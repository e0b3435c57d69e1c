import { ValidationError } from '@govhall/errors';
import { CLERK, caseAtWindow, windowSetup } from '../window.test-double';
import { issueOneTimeNoticeUseCase } from './issue-one-time-notice.usecase';

const problems = [
  { ruleId: '', field: '', materialId: 'm-licence', message: '营业执照复印件不清晰，请提供清晰的复印件' },
  { ruleId: '', field: 'area', materialId: '', message: '经营场所面积应与房屋产权证明一致' },
];

describe('issueOneTimeNotice', () => {
  it('lists every problem in one notice → SUPPLEMENT, with the document and the problems in the event', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const next = await issueOneTimeNoticeUseCase(s.deps)({ id: c.id, expectedVersion: 1, problems }, CLERK, {});
    expect(next.status).toBe('supplement');
    expect(next.problems).toHaveLength(2);
    expect(s.documents).toEqual([expect.objectContaining({ kind: 'one_time_notice', caseStatus: 'supplement' })]);
    expect(s.events[0]).toMatchObject({ transition: 'one_time_notice_issued', problems: next.problems });
    expect(next.history.at(-1)?.action).toBe('出具一次性告知书');
  });

  it('refuses a second notice of the same round with the 一次性 explanation', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const issue = issueOneTimeNoticeUseCase(s.deps);
    const next = await issue({ id: c.id, expectedVersion: 1, problems }, CLERK, {});
    await expect(issue({ id: c.id, expectedVersion: next.version, problems }, CLERK, {})).rejects.toMatchObject({
      code: 'ONE_TIME_NOTICE_ALREADY_ISSUED',
      message: expect.stringContaining('不得再次告知'),
      metadata: { currentStatus: 'supplement' },
    });
    expect(s.stored.get(c.id)?.version).toBe(2);
  });

  it('issues a late counter notice but records it as late (the tenant setting says the same visit)', async () => {
    const s = windowSetup({ now: '2026-03-04T03:00:00Z' });
    const c = s.put(caseAtWindow());
    const next = await issueOneTimeNoticeUseCase(s.deps)({ id: c.id, expectedVersion: 1, problems }, CLERK, {});
    expect(next.status).toBe('supplement');
    expect(next.history.at(-1)?.action).toBe('出具一次性告知书（逾期）');
    expect(s.events[0]?.reason).toContain('应于2026-03-02前告知，实际于2026-03-04告知');
  });

  it('is on time online within the law’s 5 working days, and on time at the counter within the tenant’s days', async () => {
    const online = windowSetup({ now: '2026-03-06T03:00:00Z' });
    const c = online.put(
      caseAtWindow({
        channel: 'online',
        clocks: { receivedDate: '2026-03-02', acceptedDate: '', noticeDueDate: '2026-03-09' },
      }),
    );
    await issueOneTimeNoticeUseCase(online.deps)({ id: c.id, expectedVersion: 1, problems }, CLERK, {});
    expect(online.events[0]?.reason).not.toContain('逾期');

    const counter = windowSetup({ now: '2026-03-04T03:00:00Z' });
    counter.settings.counterNoticeWorkingDays = 2;
    const d = counter.put(caseAtWindow());
    await issueOneTimeNoticeUseCase(counter.deps)({ id: d.id, expectedVersion: 1, problems }, CLERK, {});
    expect(counter.events[0]?.reason).not.toContain('逾期');
  });

  it('needs at least one problem, each naming a field or a material, and changes nothing otherwise', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const issue = issueOneTimeNoticeUseCase(s.deps);
    await expect(issue({ id: c.id, expectedVersion: 1, problems: [] }, CLERK, {})).rejects.toBeInstanceOf(
      ValidationError,
    );
    const bad = await issue(
      { id: c.id, expectedVersion: 1, problems: [{ ruleId: '', field: '', materialId: '', message: '缺少材料说明' }] },
      CLERK,
      {},
    ).catch((e) => e);
    expect((bad as ValidationError).violations.map((v) => v.path)).toEqual(['problems[0]']);
    expect(s.documents).toHaveLength(0);
  });
});
