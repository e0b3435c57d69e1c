import { ValidationError } from '@govhall/errors';
import { CLERK, caseAtWindow, windowSetup } from '../window.test-double';
import { DEFAULT_REMEDIES, refuseToAcceptUseCase } from './refuse-to-accept.usecase';

describe('refuseToAccept', () => {
  it('refuses with the reasons and the default remedies in the written notice → NOT_ACCEPTED', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const next = await refuseToAcceptUseCase(s.deps)(
      { id: c.id, expectedVersion: 1, reasons: ['申请事项不属于本机关职权范围'], remedies: [] },
      CLERK,
      {},
    );
    expect(next.status).toBe('not_accepted');
    expect(s.documents).toEqual([
      expect.objectContaining({
        kind: 'refusal_notice',
        details: { reasons: ['申请事项不属于本机关职权范围'], remedies: DEFAULT_REMEDIES },
      }),
    ]);
    expect(DEFAULT_REMEDIES.join()).toMatch(/60日.*行政复议.*6个月.*行政诉讼/);
    expect(s.events[0]).toMatchObject({ transition: 'not_accepted', reason: expect.stringContaining('职权范围') });
  });

  it('needs at least one reason', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const bad = await refuseToAcceptUseCase(s.deps)(
      { id: c.id, expectedVersion: 1, reasons: [], remedies: [] },
      CLERK,
      {},
    ).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).violations[0]?.path).toBe('reasons');
    expect(s.documents).toHaveLength(0);
  });
});
