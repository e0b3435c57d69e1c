import type { Principal } from '@govhall/auth';
import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { Case } from '../../domain/case';
import { APPLICANT, HandlingWorld, acceptedCase, staff } from '../../usecases/handling.test-double';
import { caseView } from './case.mapper';
import { readHandlers } from './reads.handlers';

/** A result ready for pickup at the window: the applicant's pickup code is on the stored case. */
function readyForPickup(): Case {
  return {
    ...acceptedCase(),
    status: 'completed',
    licenceId: 'lic-1',
    delivery: { method: 'window_pickup', pickupCode: '482916', trackingNumber: '', address: '', deliveredBy: '' },
  };
}

const SERVICE: Principal = {
  kind: 'service',
  subject: 'service-account-joint-review',
  username: 'service-account-govhall-joint-review',
  tenant: '620321',
  roles: ['service'],
  clientId: 'govhall-joint-review',
};

/** A GrpcServer whose `unary` hands back the use-case style handler itself (no transport, no token check). */
const directServer = {
  unary: (_method: string, handler: unknown) => handler,
} as unknown as GrpcServer;

type GetCase = (
  req: applicationsV1.GetCaseRequest,
  ctx: { principal: Principal },
) => Promise<applicationsV1.GetCaseResponse>;

describe('caseView: the one decision of what a Case answer shows', () => {
  it('the applicant sees their pickup code', () => {
    expect(caseView(readyForPickup(), APPLICANT).delivery?.pickupCode).toBe('482916');
  });

  it.each([
    ['the window clerk of the department', staff('window_clerk')],
    ['an approver of the department', staff('approver')],
    ['a supervisor of the tenant', staff('supervisor', { department: undefined })],
    ['a center admin of the tenant', staff('center_admin', { department: undefined })],
    ['the joint-review service', SERVICE],
  ])('%s gets the staff view: everything but the pickup code', (_who, viewer) => {
    const c = readyForPickup();
    const view = caseView(c, viewer);
    expect(view.delivery).toMatchObject({ method: 1, pickupCode: '' });
    // The rest of the case is the staff's to work with, the applicant's ID number and contact included.
    expect(view.applicant?.idCode).toBe(c.applicant.idCode);
    expect(view.contact).toEqual(c.contact);
    expect(view.caseNumber).toBe(c.caseNumber);
  });

  it('a case without a delivery is the same for both views', () => {
    const c = acceptedCase();
    expect(caseView(c, staff('reviewer'))).toEqual(caseView(c, APPLICANT));
  });
});

describe('GetCase answers through caseView', () => {
  const getCaseAs = async (viewer: Principal) => {
    const world = new HandlingWorld();
    const c = world.put(readyForPickup());
    const handlers = readHandlers(directServer, world.deps(), () => undefined);
    return (handlers.getCase as unknown as GetCase)({ id: c.id }, { principal: viewer });
  };

  it('a staff reader of the case never sees the pickup code', async () => {
    expect((await getCaseAs(staff('window_clerk'))).case?.delivery?.pickupCode).toBe('');
    expect((await getCaseAs(staff('supervisor', { department: undefined }))).case?.delivery?.pickupCode).toBe('');
  });

  it('the applicant reading their own case does', async () => {
    expect((await getCaseAs(APPLICANT)).case?.delivery?.pickupCode).toBe('482916');
  });
});

describe('GetCase answers with the time left as of now', () => {
  const readAt = async (c: Case, now: string) => {
    const world = new HandlingWorld();
    world.at(now);
    world.put(c);
    const handlers = readHandlers(directServer, world.deps(), () => undefined);
    return (handlers.getCase as unknown as GetCase)({ id: c.id }, { principal: staff('reviewer') });
  };

  it('counts the working days to the promised due date in the tenant calendar (中秋, 国庆 and its 调休 Saturday)', async () => {
    // Promised due 2026-10-12, ten working days after acceptance on 2026-09-21.
    expect(await readAt(acceptedCase(), '2026-09-21T03:00:00Z')).toMatchObject({
      dueDate: '2026-10-12',
      workingDaysLeft: 10,
      clockRunning: true,
    });
    expect(await readAt(acceptedCase(), '2026-10-09T03:00:00Z')).toMatchObject({ workingDaysLeft: 2 });
  });

  it('goes negative once the due date has passed, and says no clock runs while the case is suspended', async () => {
    expect(await readAt(acceptedCase(), '2026-10-14T03:00:00Z')).toMatchObject({ workingDaysLeft: -2 });
    expect(await readAt(acceptedCase({ status: 'suspended' }), '2026-10-14T03:00:00Z')).toMatchObject({
      dueDate: '2026-10-12',
      workingDaysLeft: 0,
      clockRunning: false,
    });
  });
});
