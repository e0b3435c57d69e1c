import { PreconditionError } from '@govhall/errors';
import { createWindow } from './window';
import { isPresent, responsibleFor } from './window-responsibility';
import { staffFact as person, windowInput } from './window.test-double';

const leave = (fromDate: string, toDate: string) => [{ fromDate, toDate, reason: '年休假' }];
const { window } = createWindow(
  windowInput({ servesDepartments: [], location: '' }),
  'w1',
  new Date('2026-11-01T00:00:00Z'),
);
const DAY = '2026-11-26';
const a = person('a');
const b = person('b');
const head = person('head', { roles: ['department_head'] });
const admin = person('admin', { department: undefined, roles: ['center_admin'] });

describe('responsibleFor', () => {
  it('is the A post when present', () => {
    expect(responsibleFor(window, DAY, { a, b, heads: [head], admins: [admin] })).toEqual({
      staff: a,
      basis: 'A_POST',
    });
  });

  it('falls to B when A is on leave that day (inclusive) or disabled', () => {
    for (const absentA of [
      { ...a, leaves: leave('2026-11-26', '2026-11-26') },
      { ...a, leaves: leave('2026-11-20', '2026-11-26') },
      { ...a, status: 'disabled' as const },
    ]) {
      expect(responsibleFor(window, DAY, { a: absentA, b, heads: [head], admins: [admin] })).toEqual({
        staff: b,
        basis: 'B_POST',
      });
    }
  });

  it('keeps A the day after the leave ends', () => {
    const back = { ...a, leaves: leave('2026-11-20', '2026-11-25') };
    expect(responsibleFor(window, DAY, { a: back, b, heads: [], admins: [] }).basis).toBe('A_POST');
  });

  it('falls to the first present department head when A and B are both absent', () => {
    const awayHead = { ...head, id: 'head1', leaves: leave(DAY, DAY) };
    const otherHead = person('head0', { department: '620321-RSJ', roles: ['department_head'] });
    const result = responsibleFor(window, DAY, {
      a: { ...a, leaves: leave(DAY, DAY) },
      b: { ...b, status: 'disabled' },
      heads: [otherHead, awayHead, head],
      admins: [admin],
    });
    expect(result).toEqual({ staff: head, basis: 'DEPARTMENT_HEAD' });
  });

  it('falls to a center administrator when A, B and every head are absent', () => {
    const result = responsibleFor(window, DAY, {
      heads: [{ ...head, leaves: leave('2026-11-01', '2026-11-30') }],
      admins: [{ ...admin, id: 'admin0', status: 'disabled' }, admin],
    });
    expect(result).toEqual({ staff: admin, basis: 'CENTER_ADMIN' });
  });

  it('throws WINDOW_UNSTAFFED when nobody at all is present', () => {
    const err = (() => {
      try {
        return responsibleFor(window, DAY, { a: { ...a, status: 'disabled' }, heads: [], admins: [] });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PreconditionError);
    expect((err as PreconditionError).code).toBe('WINDOW_UNSTAFFED');
  });

  it('ignores people of another tenant', () => {
    const foreignAdmin = { ...admin, tenant: '620302' };
    expect(() => responsibleFor(window, DAY, { heads: [], admins: [foreignAdmin] })).toThrow(PreconditionError);
  });
});

describe('isPresent', () => {
  it('needs an active account and no leave covering the date', () => {
    expect(isPresent(a, DAY)).toBe(true);
    expect(isPresent({ ...a, status: 'provisioning' }, DAY)).toBe(false);
    expect(isPresent({ ...a, leaves: leave('2026-11-27', '2026-11-28') }, DAY)).toBe(true);
    expect(isPresent({ ...a, leaves: leave('2026-11-25', '2026-11-26') }, DAY)).toBe(false);
  });
});
