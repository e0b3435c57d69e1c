import { PreconditionError } from '@govhall/errors';
import { ensureStatus } from './case-status';
import { transition } from './case-events';
import { draftCase } from './case.test-double';

describe('a transition', () => {
  const at = new Date('2026-03-02T03:00:00Z');

  it('moves the case, records the act in its history and returns the event with the case after it', () => {
    const c = draftCase();
    const { case: next, event } = transition(c, {
      action: '提交申请',
      transition: 'submitted',
      to: 'pre_review',
      actor: { username: 'zhangsan', role: 'applicant' },
      at,
    });
    expect(next.status).toBe('pre_review');
    expect(next.version).toBe(c.version);
    expect(next.history).toEqual([
      {
        action: '提交申请',
        fromStatus: 'draft',
        toStatus: 'pre_review',
        actor: 'zhangsan',
        actorRole: 'applicant',
        at,
        reason: '',
        documentIds: [],
      },
    ]);
    expect(event).toMatchObject({ transition: 'submitted', fromStatus: 'draft', case: next });
    expect(c.status).toBe('draft');
  });

  it('records acts that publish nothing (drafts) without an event', () => {
    const { event, case: next } = transition(draftCase(), {
      action: '保存草稿',
      actor: { username: 'zhangsan', role: 'applicant' },
      at,
    });
    expect(event).toBeUndefined();
    expect(next.history).toHaveLength(1);
  });

  it('refuses an act from the wrong state, naming the current one', () => {
    let error: unknown;
    try {
      ensureStatus(draftCase(), ['pre_review'], '受理');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PreconditionError);
    expect(error).toMatchObject({
      code: 'WRONG_STATE',
      message: '办件当前状态为“草稿”，不能受理',
      metadata: { currentStatus: 'draft' },
    });
  });
});
