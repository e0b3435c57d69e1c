import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { ServedCase } from '../../../domain/ratings/served-case';
import { principal } from '../../principal.test-double';
import {
  FixedWindows,
  InMemoryInvitations,
  InMemoryRatings,
  InMemoryServedCases,
} from '../in-memory-ratings.test-double';
import { inviteRatingUseCase } from '../invite-rating/invite-rating.usecase';
import { rateInvitationUseCase } from './rate-invitation.usecase';

const accepted: ServedCase = {
  tenant: '620321',
  caseId: 'c-1',
  caseNumber: '6203212026120700001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-a01',
  staff: [],
  applicantName: '张*',
  ratingId: '',
  appliedEventIds: [],
};

function setup() {
  const invitations = new InMemoryInvitations();
  const ratings = new InMemoryRatings();
  const served = new InMemoryServedCases();
  const clock = {
    at: new Date('2026-12-07T02:00:00Z'),
    now() {
      return this.at;
    },
  };
  let n = 0;
  const ids = { newId: () => `id-${++n}` };
  let changes = 0;
  const changed = () => void changes++;
  const windows = new FixedWindows({
    'w-a01': {
      tenant: '620321',
      number: 'A01',
      name: '综合窗口',
      department: '620321-ZWFW',
      serving: { username: 'ycx-clerk', name: '李明' },
    },
    'w-jc': { tenant: '620302', number: 'A01', name: '综合窗口', department: '620302-ZWFW' },
  });
  const invite = inviteRatingUseCase({ invitations, served, windows, clock, ids, ttlMs: 300_000, changed });
  // Rectifications are opened and tested in rate-case's and the rectifications' tests.
  const rate = rateInvitationUseCase({ invitations, ratings, clock, ids, changed, rectify: async () => undefined });
  return { invitations, ratings, served, clock, invite, rate, changes: () => changes };
}
const clerk = principal({ username: 'ycx-clerk', roles: ['window_clerk'], clientId: 'govhall-workbench' });
const device = principal({ username: 'ycx-rating-a01', roles: ['rating_device'], window: 'A01' });

describe('InviteRating and RateInvitation (一次一评 on the window device)', () => {
  it('rates the invited visit once, naming the case, the window and the clerk who served', async () => {
    const w = setup();
    await w.served.put(accepted);
    const inv = await w.invite({ windowId: 'w-a01', caseId: 'c-1' }, clerk);
    expect(inv).toMatchObject({ windowNumber: 'A01', caseNumber: accepted.caseNumber, clerkName: '李明' });
    expect(inv.expiresAt.toISOString()).toBe('2026-12-07T02:05:00.000Z');
    const rating = await w.rate({ invitationId: inv.id, level: 1, reason: '态度生硬' }, device);
    expect(rating).toMatchObject({
      subject: 'visit',
      visitId: inv.id,
      caseId: 'c-1',
      channel: 'device',
      realName: true,
      raterName: '张*',
      level: 1,
      staff: [{ username: 'ycx-clerk', part: '窗口服务' }],
    });
    expect(w.ratings.events).toEqual([{ type: 'RatingRecorded', rating }]);
    expect((await w.invitations.find(inv.id))?.ratingId).toBe(rating.id);
    await expect(w.rate({ invitationId: inv.id, level: 5, reason: '' }, device)).rejects.toMatchObject({
      code: 'ALREADY_RATED',
    });
    expect(w.ratings.saved).toHaveLength(1);
    expect(w.changes()).toBe(2);
  });

  it('a visit without a case is rated anonymously', async () => {
    const w = setup();
    const inv = await w.invite({ windowId: 'w-a01', caseId: '' }, clerk);
    const rating = await w.rate({ invitationId: inv.id, level: 5, reason: '' }, device);
    expect(rating).toMatchObject({ caseId: '', realName: false, raterName: '' });
  });

  it('an expired invitation, or one a newer invitation closed, cannot be rated', async () => {
    const w = setup();
    const first = await w.invite({ windowId: 'w-a01', caseId: '' }, clerk);
    const second = await w.invite({ windowId: 'w-a01', caseId: '' }, clerk);
    await expect(w.rate({ invitationId: first.id, level: 5, reason: '' }, device)).rejects.toBeInstanceOf(
      PreconditionError,
    );
    w.clock.at = new Date(w.clock.at.getTime() + 300_000);
    await expect(w.rate({ invitationId: second.id, level: 5, reason: '' }, device)).rejects.toMatchObject({
      code: 'INVITATION_EXPIRED',
    });
    expect(w.ratings.saved).toEqual([]);
  });

  it("another window's device, another tenant's or a person is refused; bad input changes nothing", async () => {
    const w = setup();
    const inv = await w.invite({ windowId: 'w-a01', caseId: '' }, clerk);
    const b01 = { ...device, window: 'B01' };
    await expect(w.rate({ invitationId: inv.id, level: 5, reason: '' }, b01)).rejects.toBeInstanceOf(NotFoundError);
    const other = { ...device, tenant: '620302' };
    await expect(w.rate({ invitationId: inv.id, level: 5, reason: '' }, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.rate({ invitationId: inv.id, level: 5, reason: '' }, clerk)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.rate({ invitationId: inv.id, level: 2, reason: '' }, device)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(w.rate({ invitationId: inv.id, level: 9, reason: '' }, device)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(w.ratings.saved).toEqual([]);
    expect((await w.invitations.find(inv.id))?.ratingId).toBe('');
  });

  it("refuses an invitation by an applicant, another tenant's window or an unknown case", async () => {
    const w = setup();
    const applicant = principal({ roles: ['applicant'] });
    await expect(w.invite({ windowId: 'w-a01', caseId: '' }, applicant)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.invite({ windowId: 'w-jc', caseId: '' }, clerk)).rejects.toMatchObject({ code: 'WINDOW_NOT_FOUND' });
    await expect(w.invite({ windowId: 'w-a01', caseId: 'nope' }, clerk)).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    await expect(w.invite({ windowId: ' ', caseId: '' }, clerk)).rejects.toBeInstanceOf(ValidationError);
    expect(w.invitations.saved.size).toBe(0);
  });

  it('names no clerk when someone other than the window’s server invites', async () => {
    const w = setup();
    const head = principal({ username: 'ycx-head', roles: ['department_head'] });
    expect((await w.invite({ windowId: 'w-a01', caseId: '' }, head)).clerkName).toBe('');
  });
});
