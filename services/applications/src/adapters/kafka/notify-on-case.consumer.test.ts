import { applicationsV1 } from '@govhall/proto';
import type { Case } from '../../domain/case';
import { draftCase } from '../../domain/case.test-double';
import { caseTransitionNotifier } from './notify-on-case.consumer';
import { notifierWorld } from './notifier.test-double';

const at = new Date('2026-12-03T02:00:00Z');

const world = (c: Case) => notifierWorld(c, at, caseTransitionNotifier);

const accepted = applicationsV1.CaseTransitioned.encode(
  applicationsV1.CaseTransitioned.fromPartial({
    transition: applicationsV1.Transition.TRANSITION_ACCEPTED,
    facts: { clocks: { acceptedDate: '2026-12-03', promised: { dueDate: '2026-12-21' } } },
  }),
).finish();

const acceptedCase = (overrides: Partial<Case> = {}) =>
  draftCase({ status: 'processing', caseNumber: '6203212026120300001', ...overrides });

describe('the notifier: in-site notifications', () => {
  it('writes one for the applicant even without e-mail or mobile, in the e-mail wording; a redelivery adds nothing', async () => {
    const c = acceptedCase({ contact: { email: '', mobile: '' } });
    const w = world(c);
    const envelope = { id: 'evt-1', payload: accepted, aggregateId: c.id, tenant: '620321', occurredAt: at };
    await w.handle(envelope);
    await w.handle(envelope);
    const { notifications, unread } = await w.inbox.listFor('subject-zhangsan', { unreadOnly: false }, 0, 20);
    expect(unread).toBe(1);
    expect(notifications).toEqual([
      {
        id: 'evt-1:site',
        recipient: 'subject-zhangsan',
        tenant: '620321',
        kind: 'accepted',
        caseId: c.id,
        caseNumber: '6203212026120300001',
        itemName: '食品经营许可',
        title: '受理通知：食品经营许可',
        text: expect.stringContaining('承诺办结日期：2026年12月21日'),
        createdAt: at,
      },
    ]);
    expect(w.ledger).toEqual([]);
    expect(w.queued()).toBe(0);
  });

  it('writes the in-site one beside the e-mail and SMS when the applicant left contacts', async () => {
    const c = acceptedCase({ contact: { email: 'zs@example.cn', mobile: '13912345678' } });
    const w = world(c);
    await w.handle({ id: 'evt-2', payload: accepted, aggregateId: c.id, tenant: '620321' });
    expect(w.ledger.map((n) => n.id)).toEqual(['evt-2:email', 'evt-2:sms']);
    expect([...w.inbox.items.keys()]).toEqual(['evt-2:site']);
    expect(w.inbox.items.get('evt-2:site')!.createdAt).toEqual(at);
    expect(w.queued()).toBe(1);
  });

  it('addresses the agent who filed for an enterprise; writes nothing for internal steps or a case without an account', async () => {
    const agentCase = acceptedCase({
      applicant: {
        ...draftCase().applicant,
        kind: 'legal_person',
        name: '永昌县金川食品有限公司',
        subject: 'subject-agent',
        agentSubject: 'subject-agent',
      },
    });
    const w = world(agentCase);
    await w.handle({ id: 'evt-3', payload: accepted, aggregateId: agentCase.id, tenant: '620321' });
    expect((await w.inbox.listFor('subject-agent', { unreadOnly: false }, 0, 20)).total).toBe(1);
    expect((await w.inbox.listFor('subject-zhangsan', { unreadOnly: false }, 0, 20)).total).toBe(0);

    const step = applicationsV1.CaseTransitioned.encode(
      applicationsV1.CaseTransitioned.fromPartial({ transition: applicationsV1.Transition.TRANSITION_STEP_COMPLETED }),
    ).finish();
    await w.handle({ id: 'evt-4', payload: step, aggregateId: agentCase.id, tenant: '620321' });
    const counter = world(acceptedCase({ applicant: { ...draftCase().applicant, subject: '' } }));
    await counter.handle({ id: 'evt-5', payload: accepted, aggregateId: draftCase().id, tenant: '620321' });
    expect([...w.inbox.items.keys()]).toEqual(['evt-3:site']);
    expect(counter.inbox.items.size).toBe(0);
  });
});
