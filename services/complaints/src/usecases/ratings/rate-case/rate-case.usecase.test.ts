import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { principal } from '../../principal.test-double';
import { giveDefaultRatingsUseCase } from '../give-default-ratings/give-default-ratings.usecase';
import {
  completedCaseFixture,
  FixedApplicants,
  InMemoryRatings,
  InMemoryServedCases,
} from '../in-memory-ratings.test-double';
import { rateCaseUseCase } from './rate-case.usecase';
import { rectificationOpener } from '../../rectifications/open-rectification/open-rectification';
import { InMemoryRectifications, statutoryCalendars } from '../../rectifications/in-memory-rectifications.test-double';

const completed = completedCaseFixture;

function setup(now = '2026-12-02T02:00:00Z') {
  const served = new InMemoryServedCases();
  const ratings = new InMemoryRatings();
  const clock = {
    at: new Date(now),
    now() {
      return this.at;
    },
  };
  let n = 0;
  const ids = { newId: () => `r-${++n}` };
  const rectifications = new InMemoryRectifications();
  const open = rectificationOpener({ rectifications, ratings, calendars: statutoryCalendars, clock, workingDays: 15 });
  const deps = {
    served,
    ratings,
    applicants: new FixedApplicants({ 'c-1': 'zhang', 'c-2': 'zhang' }),
    clock,
    ids,
    rectify: async (rating: Parameters<typeof open>[0]) => void (await open(rating)),
  };
  return {
    served,
    ratings,
    rectifications,
    clock,
    rateCase: rateCaseUseCase(deps),
    sweep: giveDefaultRatingsUseCase(deps),
  };
}
const zhang = principal({ subject: 'zhang', username: '62032119900307123X', roles: ['applicant'], tenant: '' });

describe('RateCase (一事一评)', () => {
  it('records the applicant’s rating of their completed case, once', async () => {
    const w = setup();
    await w.served.put(completed);
    const rating = await w.rateCase({ caseId: 'c-1', level: 2, reason: '等候时间太长' }, zhang);
    expect(rating).toMatchObject({ level: 2, channel: 'online', realName: true, raterName: '张*', caseId: 'c-1' });
    expect(w.ratings.events).toEqual([{ type: 'RatingRecorded', rating }]);
    expect((await w.served.find('c-1'))?.ratingId).toBe(rating.id);
    // A bad rating opens its rectification (差评整改), due 15 working days after the rating's day.
    expect(rating.rectificationId).toBe(rating.id);
    expect(await w.rectifications.find(rating.id)).toMatchObject({
      status: 'open',
      level: 2,
      reason: '等候时间太长',
      realName: true,
      deadline: '2026-12-23',
    });
    expect(await w.ratings.pendingRectifications(10)).toEqual([]);
    await expect(w.rateCase({ caseId: 'c-1', level: 5, reason: '' }, zhang)).rejects.toMatchObject({
      code: 'ALREADY_RATED',
    });
    expect(w.ratings.saved).toHaveLength(1);
  });

  it('refuses anyone but the applicant as if the case did not exist, and staff by role', async () => {
    const w = setup();
    await w.served.put(completed);
    const other = principal({ subject: 'li', roles: ['applicant'] });
    await expect(w.rateCase({ caseId: 'c-1', level: 5, reason: '' }, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.rateCase({ caseId: 'nope', level: 5, reason: '' }, zhang)).rejects.toBeInstanceOf(NotFoundError);
    const clerk = principal({ subject: 'zhang', roles: ['window_clerk'] });
    await expect(w.rateCase({ caseId: 'c-1', level: 5, reason: '' }, clerk)).rejects.toBeInstanceOf(ForbiddenError);
    expect(w.ratings.saved).toHaveLength(0);
  });

  it('refuses a case not yet completed, and bad input on a completed one, recording nothing', async () => {
    const w = setup();
    await w.served.put({ ...completed, caseId: 'c-2', completedAt: undefined, defaultOn: undefined });
    await expect(w.rateCase({ caseId: 'c-2', level: 4, reason: '' }, zhang)).rejects.toBeInstanceOf(PreconditionError);
    await w.served.put(completed);
    await expect(w.rateCase({ caseId: 'c-1', level: 1, reason: '' }, zhang)).rejects.toBeInstanceOf(ValidationError);
    await expect(w.rateCase({ caseId: 'c-1', level: 9, reason: '' }, zhang)).rejects.toBeInstanceOf(ValidationError);
    expect(w.ratings.saved).toHaveLength(0);
    expect((await w.served.find('c-1'))?.ratingId).toBe('');
  });

  it('gives 基本满意 on the default day to what nobody rated, and keeps a rating given first', async () => {
    const w = setup('2026-12-07T15:59:59Z'); // 12-07 23:59:59 in China: not yet
    await w.served.put(completed);
    await w.served.put({ ...completed, caseId: 'c-2' });
    expect(await w.sweep()).toBe(0);
    await w.rateCase({ caseId: 'c-2', level: 5, reason: '' }, zhang);
    w.clock.at = new Date('2026-12-07T16:00:00Z'); // 12-08 00:00 in China
    expect(await w.sweep()).toBe(1);
    expect(await w.sweep()).toBe(0);
    expect(w.ratings.saved.map((r) => [r.caseId, r.level, r.channel])).toEqual([
      ['c-2', 5, 'online'],
      ['c-1', 3, 'default'],
    ]);
    await expect(w.rateCase({ caseId: 'c-1', level: 4, reason: '' }, zhang)).rejects.toBeInstanceOf(ConflictError);
  });
});
