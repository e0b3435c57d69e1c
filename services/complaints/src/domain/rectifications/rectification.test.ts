import { rate } from '../ratings/rating';
import { ratedCase } from '../ratings/served-case';
import { conclude, decideAppeal, openRectification, recordCallBack, replyToRater } from './rectification';

const served = {
  tenant: '620321',
  caseId: 'c-1',
  caseNumber: '6203212026120100001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  staff: [],
  applicantName: '张*',
  ratingId: '',
  appliedEventIds: [],
};
const at = new Date('2026-12-02T02:00:00Z');
const badRating = rate(
  ratedCase(served),
  { level: 2, reason: '等候太久' },
  { channel: 'online', realName: true, raterName: '张*', recordedBy: '' },
  'r-1',
  at,
).rating;

describe('a rectification as the rater reads it', () => {
  const opened = openRectification(badRating, '2026-12-23', at).rectification;
  const called = recordCallBack(opened, { reached: true, notes: '已致歉' }, 'clerk', at).rectification;

  it('says only that it is being handled while open or under appeal', () => {
    expect(replyToRater(opened)).toEqual({ status: 'open', text: '', fixBy: '' });
    const appealed = conclude(
      called,
      { outcome: 'appeal_malicious', text: '录像为证', fixBy: '' },
      '2026-12-02',
      at,
    ).rectification;
    expect(appealed.status).toBe('appealed');
    expect(replyToRater(appealed)).toEqual({ status: 'open', text: '', fixBy: '' });
  });

  it('tells the outcome once closed: the handler’s text, or the office’s reasons for an upheld appeal', () => {
    const fixed = conclude(
      called,
      { outcome: 'fix_by_date', text: '更换叫号机', fixBy: '2026-12-10' },
      '2026-12-02',
      at,
    ).rectification;
    expect(replyToRater(fixed)).toEqual({
      status: 'closed',
      outcome: 'fix_by_date',
      text: '更换叫号机',
      fixBy: '2026-12-10',
      closedAt: at,
    });
    expect(fixed.raterToldAt).toEqual(at);
    const appealed = conclude(
      called,
      { outcome: 'appeal_mistaken', text: '误点', fixBy: '' },
      '2026-12-02',
      at,
    ).rectification;
    const upheld = decideAppeal(appealed, { upheld: true, notes: '经核实为误评' }, 'sup', at).rectification;
    expect(replyToRater(upheld)).toMatchObject({ status: 'closed', outcome: 'appeal_mistaken', text: '经核实为误评' });
  });

  it('a good rating has no rectification; a bad one has the rating’s id', () => {
    expect(badRating.rectificationId).toBe('r-1');
    const good = rate(
      ratedCase(served),
      { level: 4, reason: '' },
      { channel: 'online', realName: true, raterName: '张*', recordedBy: '' },
      'r-2',
      at,
    ).rating;
    expect(good.rectificationId).toBe('');
  });
});
