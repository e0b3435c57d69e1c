import { PreconditionError, ValidationError } from '@govhall/errors';
import type { StaffFact } from '../staff-facts.port';
import { actors, hallSetup, windowCommand } from '../in-memory-tenancy.test-double';
import { principal } from '../principals.test-double';

const onLeave = (fromDate: string, toDate: string) => [{ fromDate, toDate, reason: '年休假' }];

async function setup() {
  const s = hallSetup();
  const window = await s.uc.createWindow(windowCommand, actors.ycAdmin);
  const person = (id: string) => s.staff.people.find((p) => p.id === id)!;
  const ask = (date = '2026-11-26') => s.uc.getWindowResponsible({ windowId: window.id, date }, actors.ycClerk);
  return { ...s, window, person, ask };
}
const away = (p: StaffFact) => (p.leaves = onLeave('2026-11-24', '2026-11-26'));

describe('get window responsible', () => {
  it('is the A post on an ordinary day', async () => {
    const { ask } = await setup();
    expect(await ask()).toMatchObject({ basis: 'A_POST', date: '2026-11-26', staff: { id: 'a' } });
  });

  it('is B when A is on leave that day', async () => {
    const { ask, person } = await setup();
    away(person('a'));
    expect(await ask()).toMatchObject({ basis: 'B_POST', staff: { id: 'b' } });
    expect(await ask('2026-11-27')).toMatchObject({ basis: 'A_POST' });
  });

  it('is the department head when A and B are both absent', async () => {
    const { ask, person } = await setup();
    away(person('a'));
    person('b').status = 'disabled';
    expect(await ask()).toMatchObject({ basis: 'DEPARTMENT_HEAD', staff: { id: 'head', displayName: '赵刚' } });
  });

  it('is the center administrator when A, B and the head are all absent', async () => {
    const { ask, person } = await setup();
    away(person('a'));
    away(person('b'));
    away(person('head'));
    expect(await ask()).toMatchObject({ basis: 'CENTER_ADMIN', staff: { id: 'admin' } });
  });

  it('says WINDOW_UNSTAFFED when nobody is present', async () => {
    const { ask, person } = await setup();
    for (const id of ['a', 'b', 'head', 'admin']) away(person(id));
    await expect(ask()).rejects.toBeInstanceOf(PreconditionError);
  });

  it('answers for today in Asia/Shanghai when no date is given', async () => {
    const { uc, window } = await setup();
    const answer = await uc.getWindowResponsible({ windowId: window.id, date: '' }, actors.ycClerk);
    expect(answer.date).toBe('2026-11-26');
  });

  it('is for staff of the tenant and supervisors above it, not for the public or a sibling', async () => {
    const { uc, window } = await setup();
    const command = { windowId: window.id, date: '2026-11-26' };
    const citySupervisor = principal('jcs-supervisor', '620300', ['supervisor']);
    await expect(uc.getWindowResponsible(command, citySupervisor)).resolves.toMatchObject({ basis: 'A_POST' });
    const otherDepartmentClerk = { ...actors.ycClerk, department: '620321-RSJ' };
    await expect(uc.getWindowResponsible(command, otherDepartmentClerk)).resolves.toMatchObject({ basis: 'A_POST' });
    // Whoever may not ask learns nothing, not even that the window exists.
    await expect(uc.getWindowResponsible(command, actors.anonymous)).rejects.toMatchObject({
      code: 'WINDOW_NOT_FOUND',
    });
    const siblingAdmin = principal('jcq-admin', '620302', ['center_admin']);
    await expect(uc.getWindowResponsible(command, siblingAdmin)).rejects.toMatchObject({ code: 'WINDOW_NOT_FOUND' });
    // A hall's big screen (ADR 0049) asks about its own hall's windows, no other tenant's, not even the city's.
    const ownScreen = principal('ycx-screen', '620321', ['hall_screen']);
    await expect(uc.getWindowResponsible(command, ownScreen)).resolves.toMatchObject({ basis: 'A_POST' });
    for (const screen of [
      principal('jcq-screen', '620302', ['hall_screen']),
      principal('jcs-screen', '620300', ['hall_screen']),
    ]) {
      await expect(uc.getWindowResponsible(command, screen)).rejects.toMatchObject({ code: 'WINDOW_NOT_FOUND' });
    }
  });

  it('refuses a date that does not exist', async () => {
    const { ask } = await setup();
    await expect(ask('2026-02-30')).rejects.toBeInstanceOf(ValidationError);
    await expect(ask('2026-13-01')).rejects.toBeInstanceOf(ValidationError);
  });
});
