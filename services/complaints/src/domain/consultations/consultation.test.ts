import { PreconditionError, ValidationError } from '@govhall/errors';
import {
  answerConsultation,
  askConsultation,
  checkAsking,
  consultationNumber,
  curateConsultation,
  forEvents,
  maskedForReaders,
  type AskingInput,
  type Consultation,
} from './consultation';

const now = new Date('2026-12-07T02:00:00Z');
const later = new Date('2026-12-07T06:00:00Z');
const ITEM = { id: 'item-food', code: '620321000001', name: '食品经营许可', department: '620321-SCJG' };

const input = (over: Partial<AskingInput> = {}): AskingInput => ({
  kind: 'question',
  channel: 'online',
  itemId: ITEM.id,
  visibility: 'public',
  question: '个体工商户办理食品经营许可需要现场核查吗？我的电话13912345678。',
  askerName: '',
  answer: '',
  ...over,
});

const violations = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.path, v.reason]);
  }
  throw new Error('accepted');
};

function asked(over: Partial<AskingInput> = {}, staff: { username: string; name: string } | null = null) {
  const checked = checkAsking(input(over));
  return askConsultation(checked, {
    id: 'z-1',
    number: consultationNumber('620321', '2026-12-07', 3),
    tenant: '620321',
    item: checked.kind === 'question' ? ITEM : null,
    asker: { subject: 'sub-zhang', name: '张三' },
    staff,
    requestId: 'req-zx-1',
    now,
  });
}

const answered = (c: Consultation) =>
  answerConsultation(
    c,
    '需要。受理后5个工作日内现场核查，电话联系13912345678预约。',
    { username: 'yc-clerk', name: '王清' },
    later,
  ).consultation;

describe('asking (C18, C20, C21)', () => {
  it('an online question is open for the item’s department, numbered per tenant and day', () => {
    const { consultation: c, events } = asked();
    expect(c).toMatchObject({
      number: 'ZX6203212026120700003',
      kind: 'question',
      status: 'open',
      department: '620321-SCJG',
      itemName: '食品经营许可',
      visibility: 'public',
      asker: { subject: 'sub-zhang', name: '张三' },
    });
    expect(events.map((e) => e.type)).toEqual(['ConsultationAsked']);
  });

  it('a letter to the leader mailbox names no item and is always private', () => {
    const { consultation: c } = asked({ kind: 'mailbox', itemId: '', visibility: undefined });
    expect([c.department, c.visibility, c.itemId]).toEqual(['', 'private', '']);
    expect(violations(() => checkAsking(input({ kind: 'mailbox', itemId: 'item-food' })))).toEqual([
      ['itemId', 'NOT_ALLOWED'],
      ['visibility', 'NOT_ALLOWED'],
    ]);
  });

  it('a phone consultation logged by staff is answered at once by them (首问负责, C17)', () => {
    const { consultation: c, events } = asked(
      {
        channel: 'phone',
        visibility: undefined,
        askerName: '李四',
        answer: '需要营业执照、身份证和经营场所证明，5个工作日办结，不收费。',
      },
      { username: 'yc-clerk', name: '王清' },
    );
    expect(c).toMatchObject({
      status: 'answered',
      visibility: 'private',
      loggedBy: 'yc-clerk',
      asker: { subject: '', name: '李四' },
      answer: { answeredBy: 'yc-clerk', answererName: '王清', answeredAt: now },
    });
    expect(events.map((e) => e.type)).toEqual(['ConsultationAsked', 'ConsultationAnswered']);
  });

  it('refuses a question without an item, too short, an online answer, a log without its answer', () => {
    expect(violations(() => checkAsking(input({ itemId: '', question: '多久？' })))).toEqual([
      ['itemId', 'REQUIRED'],
      ['question', 'REQUIRED'],
    ]);
    expect(violations(() => checkAsking(input({ answer: '自己回答' })))).toEqual([['answer', 'NOT_ALLOWED']]);
    expect(violations(() => checkAsking(input({ channel: 'hotline' })))).toEqual([['answer', 'REQUIRED']]);
    expect(violations(() => checkAsking(input({ kind: undefined, channel: undefined })))).toEqual([
      ['kind', 'REQUIRED'],
      ['channel', 'REQUIRED'],
    ]);
  });
});

describe('answering and curating (C18, C19)', () => {
  it('answers once', () => {
    const c = answered(asked().consultation);
    expect(c).toMatchObject({ status: 'answered', version: 2, answer: { answeredBy: 'yc-clerk', answeredAt: later } });
    expect(() => answerConsultation(c, '再答一次', { username: 'yc-clerk', name: '王清' }, later)).toThrow(
      PreconditionError,
    );
    expect(
      violations(() => answerConsultation(asked().consultation, ' ', { username: 'x', name: 'x' }, later)),
    ).toEqual([['text', 'REQUIRED']]);
  });

  it('curates an answered public question into the FAQ as reworded, personal data masked', () => {
    const { consultation: c, events } = curateConsultation(
      answered(asked().consultation),
      '个体工商户办理食品经营许可需要现场核查吗？',
      '需要。受理后5个工作日内现场核查，可拨打13912345678预约。',
      'yc-head',
      later,
    );
    expect(c.faq).toMatchObject({ question: '个体工商户办理食品经营许可需要现场核查吗？', curatedBy: 'yc-head' });
    expect(c.faq!.answer).not.toContain('13912345678');
    expect(events.map((e) => e.type)).toEqual(['ConsultationCurated']);
  });

  it('curates neither an open, a private nor a mailbox one', () => {
    const curate = (c: Consultation) => () => curateConsultation(c, '需要现场核查吗？', '需要。', 'yc-head', later);
    expect(curate(asked().consultation)).toThrow(/答复后/);
    expect(curate(answered(asked({ visibility: 'private' }).consultation))).toThrow(/单独答疑/);
    expect(curate(answered(asked({ kind: 'mailbox', itemId: '', visibility: undefined }).consultation))).toThrow(
      /事项咨询/,
    );
  });
});

describe('what leaves the service', () => {
  it('readers other than the asker and the staff see the name masked; events carry no asker', () => {
    const c = answered(asked().consultation);
    expect(maskedForReaders(c).asker).toEqual({ subject: '', name: '张*' });
    expect(maskedForReaders(c).question).not.toContain('13912345678');
    const e = forEvents(c);
    expect(e.asker).toEqual({ subject: '', name: '' });
    expect(`${e.question}${e.answer!.text}`).not.toContain('13912345678');
  });
});
