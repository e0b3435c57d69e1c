import { ValidationError } from '@govhall/errors';
import { checkRatingInput, defaultRating, defaultRatingDay, isBad, rate, type RatedService } from './rating';

const service: RatedService = {
  tenant: '620321',
  subject: 'case',
  caseId: 'c-1',
  caseNumber: '6203212026120500001',
  visitId: '',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  staff: [{ username: 'ycx-clerk', department: '620321-SCJG', part: '受理' }],
};
const now = new Date('2026-12-05T02:00:00Z');

const violations = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.violations.map((v) => `${v.path}:${v.reason}`);
    throw e;
  }
  return [];
};

describe('a rating', () => {
  it('takes five levels; 1 and 2 are bad', () => {
    expect([1, 2, 3, 4, 5].map((l) => isBad(l as 1))).toEqual([true, true, false, false, false]);
    expect(violations(() => checkRatingInput({ level: 0, reason: '' }))).toEqual(['level:INVALID']);
    expect(violations(() => checkRatingInput({ level: 6, reason: '' }))).toEqual(['level:INVALID']);
    expect(violations(() => checkRatingInput({ level: 2.5, reason: '等了很久' }))).toEqual(['level:INVALID']);
  });

  it('needs a reason for a bad level, not for a good one', () => {
    expect(violations(() => checkRatingInput({ level: 2, reason: '' }))).toEqual(['reason:REQUIRED']);
    expect(violations(() => checkRatingInput({ level: 1, reason: ' 差 ' }))).toEqual(['reason:REQUIRED']);
    expect(checkRatingInput({ level: 2, reason: '  窗口让我跑了两次  ' })).toEqual({
      level: 2,
      reason: '窗口让我跑了两次',
    });
    expect(checkRatingInput({ level: 5, reason: '' })).toEqual({ level: 5, reason: '' });
  });

  it('refuses a reason longer than 500 characters', () => {
    expect(violations(() => checkRatingInput({ level: 4, reason: '好'.repeat(501) }))).toEqual(['reason:LENGTH']);
  });

  it('records who rated, by which channel, as one RatingRecorded', () => {
    const { rating, events } = rate(
      service,
      { level: 1, reason: '材料被退回三次' },
      { channel: 'online', realName: true, raterName: '张*', recordedBy: '' },
      'r-1',
      now,
    );
    expect(rating).toMatchObject({ id: 'r-1', caseId: 'c-1', level: 1, channel: 'online', realName: true });
    expect(events).toEqual([{ type: 'RatingRecorded', rating }]);
  });

  it('defaults to 基本满意 seven natural days after completion', () => {
    expect(defaultRating(service, 'r-2', now).rating).toMatchObject({ level: 3, channel: 'default', reason: '' });
    expect(defaultRatingDay('2026-12-28', 7)).toBe('2027-01-04');
  });
});
