import {
  PreconditionError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '@govhall/errors';
import { principal } from '../principal.test-double';
import { answerConsultationUseCase } from './answer-consultation/answer-consultation.usecase';
import { askConsultationUseCase, type AskConsultationCommand } from './ask-consultation/ask-consultation.usecase';
import { curateConsultationUseCase } from './curate-consultation/curate-consultation.usecase';
import { FixedItems, FixedStaffNames, InMemoryConsultations } from './in-memory-consultations.test-double';
import {
  getConsultationUseCase,
  listConsultationQueueUseCase,
  listItemFaqsUseCase,
  listMyConsultationsUseCase,
  listPublicConsultationsUseCase,
} from './read-consultations/read-consultations.usecase';

let now = new Date('2026-12-07T02:00:00Z');
const clock = { now: () => now };

function world() {
  const consultations = new InMemoryConsultations();
  const staffNames = new FixedStaffNames({ 'yc-clerk': '王清', 'yc-head': '赵敏' });
  let n = 0;
  const deps = { consultations, clock, staffNames };
  return {
    consultations,
    ask: askConsultationUseCase({
      ...deps,
      items: new FixedItems({
        '620321': [{ id: 'item-food', code: 'SPJY00000001', name: '食品经营许可', department: '620321-SCJG' }],
      }),
      ids: { newId: () => `z-${++n}` },
      hostedTenants: ['620321', '620302'],
    }),
    get: getConsultationUseCase(deps),
    room: listPublicConsultationsUseCase(deps),
    mine: listMyConsultationsUseCase(deps),
    queue: listConsultationQueueUseCase(deps),
    answer: answerConsultationUseCase(deps),
    curate: curateConsultationUseCase(deps),
    faqs: listItemFaqsUseCase(deps),
  };
}

const zhang = principal({ subject: 'sub-zhang', username: '62032119900307123X', roles: ['applicant'] });
const li = principal({ subject: 'sub-li', username: '620321198506122049', roles: ['applicant'] });
const clerk = principal({ username: 'yc-clerk', roles: ['window_clerk'], department: '620321-SCJG' });
const head = principal({ username: 'yc-head', roles: ['department_head'], department: '620321-SCJG' });
const other = principal({ username: 'yc-rsj', roles: ['window_clerk'], department: '620321-RSJ' });
const admin = principal({ username: 'yc-admin', roles: ['center_admin'] });

const question = (over: Partial<AskConsultationCommand> = {}): AskConsultationCommand => ({
  tenant: '620321',
  kind: 'question',
  channel: 'online',
  itemId: 'item-food',
  visibility: 'public',
  question: '个体工商户办理食品经营许可需要现场核查吗？',
  askerName: '',
  answer: '',
  requestId: 'req-zx-00000001',
  ...over,
});

const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const fields = async (p: Promise<unknown>) =>
  ((await refusal(p)) as ValidationError).violations.map((v) => [v.path, v.reason]);

describe('AskConsultation', () => {
  it('a signed-in person asks about a published item; a retry answers the same, the key from another refused', async () => {
    const w = world();
    const c = await w.ask(question(), zhang);
    expect(c).toMatchObject({ number: 'ZX6203212026120700001', department: '620321-SCJG', status: 'open' });
    expect(await w.ask(question(), zhang)).toEqual(c);
    expect(await fields(w.ask(question(), li))).toEqual([['requestId', 'DUPLICATE']]);
    expect(w.consultations.saved.size).toBe(1);
  });

  it('refuses an anonymous asker, an item not of the tenant, a bad tenant or request id', async () => {
    const w = world();
    expect(await refusal(w.ask(question(), undefined))).toBeInstanceOf(UnauthenticatedError);
    expect(await fields(w.ask(question({ tenant: '620302' }), zhang))).toEqual([['itemId', 'NOT_FOUND']]);
    expect(await fields(w.ask(question({ tenant: '999999', requestId: 'x' }), zhang))).toEqual([
      ['tenant', 'NOT_FOUND'],
      ['requestId', 'PATTERN'],
    ]);
    expect(w.consultations.saved.size).toBe(0);
  });

  it('staff of the tenant log a phone consultation with its answer (首问负责); no one else may', async () => {
    const w = world();
    const log = question({
      channel: 'phone',
      visibility: undefined,
      askerName: '李四',
      answer: '需要营业执照、身份证和场所证明，5个工作日办结，不收费。',
      requestId: 'req-zx-phone-1',
    });
    const c = await w.ask(log, clerk);
    expect(c).toMatchObject({ status: 'answered', loggedBy: 'yc-clerk', answer: { answererName: '王清' } });
    expect(await refusal(w.ask({ ...log, requestId: 'req-zx-phone-2' }, zhang))).toBeInstanceOf(ForbiddenError);
  });
});

describe('answering, reading and curating (C18, C19, C21)', () => {
  it('the item’s department answers; another department may not; a private question stays private', async () => {
    const w = world();
    const c = await w.ask(question({ visibility: 'private' }), zhang);
    expect(await refusal(w.answer({ id: c.id, text: '需要。', expectedVersion: 1 }, other))).toBeInstanceOf(
      NotFoundError,
    );
    const answered = await w.answer({ id: c.id, text: '需要，受理后5个工作日内现场核查。', expectedVersion: 1 }, clerk);
    expect(answered.answer).toMatchObject({ answeredBy: 'yc-clerk', answererName: '王清' });
    // Answered once: a second answer is refused as such, even with the version read before.
    expect(await refusal(w.answer({ id: c.id, text: '再答一次', expectedVersion: 2 }, clerk))).toBeInstanceOf(
      PreconditionError,
    );
    expect(await refusal(w.get(c.id, li))).toBeInstanceOf(NotFoundError);
    expect((await w.room({ tenant: '620321', itemCode: '' }, li)).total).toBe(0);
    expect((await w.get(c.id, zhang)).answer?.text).toContain('现场核查');
  });

  it('a public answered question is in the room for any signed-in user, its asker masked; curated into the FAQ', async () => {
    const w = world();
    const c = await w.ask(question(), zhang);
    expect((await w.room({ tenant: '620321', itemCode: 'SPJY00000001' }, li)).total).toBe(0);
    await w.answer({ id: c.id, text: '需要，受理后5个工作日内现场核查。', expectedVersion: 1 }, clerk);
    const room = await w.room({ tenant: '620321', itemCode: 'SPJY00000001' }, li);
    expect(room.consultations.map((x) => x.number)).toEqual([c.number]);
    expect(room.consultations[0]!.asker.subject).toBe('');
    expect(await refusal(w.room({ tenant: '620321', itemCode: '' }, undefined))).toBeInstanceOf(UnauthenticatedError);

    expect(
      await refusal(w.curate({ id: c.id, question: '要现场核查吗？', answer: '需要。', expectedVersion: 2 }, clerk)),
    ).toBeInstanceOf(ForbiddenError);
    expect(await w.faqs({ tenant: '620321', itemCode: 'SPJY00000001' })).toEqual([]);
    await w.curate(
      {
        id: c.id,
        question: '办理食品经营许可需要现场核查吗？',
        answer: '需要，受理后5个工作日内现场核查。',
        expectedVersion: 2,
      },
      head,
    );
    expect(await w.faqs({ tenant: '620321', itemCode: 'SPJY00000001' })).toEqual([
      {
        consultationId: c.id,
        question: '办理食品经营许可需要现场核查吗？',
        answer: '需要，受理后5个工作日内现场核查。',
        curatedAt: now,
      },
    ]);
    expect(w.consultations.events.map((e) => e.type)).toEqual([
      'ConsultationAsked',
      'ConsultationAnswered',
      'ConsultationCurated',
    ]);
  });

  it('the leader mailbox is the center’s to answer; queues by department, open first; my own list', async () => {
    const w = world();
    const letter = await w.ask(
      question({
        kind: 'mailbox',
        itemId: '',
        visibility: undefined,
        requestId: 'req-zx-mail-1',
        question: '建议大厅周六上午开放部分窗口，方便上班族办事。',
      }),
      li,
    );
    now = new Date('2026-12-07T03:00:00Z');
    const asked = await w.ask(question({ requestId: 'req-zx-00000002' }), zhang);
    expect(await refusal(w.answer({ id: letter.id, text: '收到。', expectedVersion: 1 }, head))).toBeInstanceOf(
      NotFoundError,
    );
    await w.answer({ id: letter.id, text: '感谢建议，已研究试行周六上午值班窗口。', expectedVersion: 1 }, admin);
    expect((await w.queue({ tenant: '', status: '' }, clerk)).consultations.map((c) => c.id)).toEqual([asked.id]);
    expect((await w.queue({ tenant: '', status: '' }, admin)).consultations.map((c) => c.id)).toEqual([
      asked.id,
      letter.id,
    ]);
    expect(await refusal(w.queue({ tenant: '', status: '' }, zhang))).toBeInstanceOf(ForbiddenError);
    expect((await w.mine({}, li)).consultations.map((c) => c.id)).toEqual([letter.id]);
    now = new Date('2026-12-07T02:00:00Z');
  });
});
