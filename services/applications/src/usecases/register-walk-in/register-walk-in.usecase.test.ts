import { ForbiddenError, ValidationError } from '@govhall/errors';
import { CLERK, ITEM_ID, WINDOW_ID, staff, windowSetup } from '../window.test-double';
import { registerWalkInUseCase, type RegisterWalkInCommand } from './register-walk-in.usecase';

const ZHANG = '62032119900307123X';
const COMPANY = '91620321MA74XB2K3Q';

function setup(overrides: Parameters<typeof windowSetup>[0] = {}) {
  const s = windowSetup(overrides);
  s.registered.set(ZHANG, {
    kind: 'natural',
    id: 'np-1',
    name: '张三',
    idNumber: ZHANG,
    subject: 'sub-zhang',
    status: 'active',
  });
  s.registered.set('62032119900307234X', {
    kind: 'natural',
    id: 'np-2',
    name: '李四',
    idNumber: '62032119900307234X',
    subject: 'sub-li',
    status: 'active',
  });
  s.registered.set(COMPANY, {
    kind: 'legal',
    id: 'lp-1',
    name: '永昌县金川农产品有限公司',
    creditCode: COMPANY,
    holderPersonId: 'np-1',
    holderSubject: 'sub-zhang',
    grants: [],
  });
  return { ...s, register: registerWalkInUseCase(s.deps) };
}

const command = (overrides: Partial<RegisterWalkInCommand> = {}): RegisterWalkInCommand => ({
  idempotencyKey: 'walk-in-0001',
  itemId: ITEM_ID,
  applicantIdCode: ZHANG,
  agentIdNumber: '',
  formData: JSON.stringify({ shopName: '张三小吃店' }),
  contact: { mobile: '13909351234', email: '' },
  windowId: '',
  ...overrides,
});

describe('registerWalkIn', () => {
  it('registers a walk-in case in PRE_REVIEW at the clerk’s window, received today, with the application copy', async () => {
    const { register, events, documents } = setup();
    const c = await register(command(), CLERK, {});
    expect(c).toMatchObject({
      status: 'pre_review',
      channel: 'counter',
      caseNumber: '6203212026030200001',
      windowId: WINDOW_ID,
      responsible: CLERK.username,
      itemEdition: 1,
      applicant: { kind: 'natural_person', personId: 'np-1', idCode: ZHANG, subject: 'sub-zhang' },
      clocks: { receivedDate: '2026-03-02', noticeDueDate: '2026-03-02' },
    });
    expect(c.materials.map((m) => m.materialId)).toEqual(['m-licence']);
    expect(documents.map((d) => d.kind)).toEqual(['application_copy']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ transition: 'registered_at_counter', fromStatus: 'draft' });
    expect(c.documents.map((d) => d.kind)).toEqual(['application_copy']);
  });

  it('counts a walk-in registered after the hall closes as received the next day, unless hours are extended', async () => {
    // 17:30 in Beijing on Monday 2026-03-02: after the default 17:00 closing.
    const late = setup({ now: '2026-03-02T09:30:00Z' });
    const next = await late.register(command(), CLERK, {});
    expect(next.clocks.receivedDate).toBe('2026-03-03');
    expect(next.caseNumber).toBe('6203212026030300001');
    // 延时服务制 (A34): the hall closes at 20:00, so 17:30 is still that day.
    const extended = setup({ now: '2026-03-02T09:30:00Z' });
    extended.settings.hallClosesAt = '20:00';
    const same = await extended.register(command(), CLERK, {});
    expect(same.clocks.receivedDate).toBe('2026-03-02');
  });

  it('returns the same case for a retry with the same key', async () => {
    const { register, stored } = setup();
    const first = await register(command(), CLERK, {});
    const again = await register(command(), CLERK, {});
    expect(again.id).toBe(first.id);
    expect(stored.size).toBe(1);
  });

  it('refuses a person not registered (register first), invalid form data with its path, and stores nothing', async () => {
    const { register, stored } = setup();
    await expect(register(command({ applicantIdCode: '620321199003073456' }), CLERK, {})).rejects.toMatchObject({
      code: 'APPLICANT_NOT_FOUND',
      message: expect.stringContaining('实名注册'),
    });
    const bad = await register(command({ formData: JSON.stringify({ area: 'big' }) }), CLERK, {}).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).violations.map((v) => v.path).sort()).toEqual([
      'formData.area',
      'formData.shopName',
    ]);
    expect(stored.size).toBe(0);
  });

  it('lets only today’s responsible clerk of the window register; another role or department is refused', async () => {
    const { register, responsibility, stored } = setup();
    responsibility.value = { ...responsibility.value, username: 'yc-clerk-b', displayName: '李窗口', basis: 'b_post' };
    await expect(register(command(), CLERK, {})).rejects.toMatchObject({ code: 'NOT_WINDOW_RESPONSIBLE' });
    await expect(register(command(), staff('yc-reviewer', ['reviewer']), {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(register(command(), staff('x', ['window_clerk'], '620321-RSJ'), {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(stored.size).toBe(0);
  });

  it('registers a legal person with its holder at the counter; an agent without a grant is refused', async () => {
    const { register } = setup();
    const c = await register(command({ applicantIdCode: COMPANY, agentIdNumber: ZHANG }), CLERK, {});
    expect(c.applicant).toMatchObject({
      kind: 'legal_person',
      personId: 'lp-1',
      agentPersonId: 'np-1',
      subject: 'sub-zhang',
    });
    await expect(
      register(
        command({ idempotencyKey: 'walk-in-0002', applicantIdCode: COMPANY, agentIdNumber: '62032119900307234X' }),
        CLERK,
        {},
      ),
    ).rejects.toMatchObject({ code: 'NO_GRANT' });
    const missing = await register(
      command({ idempotencyKey: 'walk-in-0003', applicantIdCode: COMPANY }),
      CLERK,
      {},
    ).catch((e) => e);
    expect((missing as ValidationError).violations[0]?.path).toBe('agentIdNumber');
  });

  it('refuses an item that is not published', async () => {
    const { register } = setup({ edition: { status: 'retired' } });
    await expect(register(command(), CLERK, {})).rejects.toMatchObject({ code: 'ITEM_NOT_PUBLISHED' });
  });
});
