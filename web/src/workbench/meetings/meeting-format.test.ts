import type { JointReview, Meeting, Profile } from '../../api/types';
import {
  answeredBy,
  beijingInput,
  isoOfBeijing,
  lines,
  mayReadMeetings,
  meetingActs,
  names,
  upcomingFirst,
} from './meeting-format';

type Staff = NonNullable<Profile['staff']>;

const staff = (roles: Staff['roles'], department?: string): Staff =>
  ({ username: 'u', displayName: '某人', tenant: '620321', roles, ...(department ? { department } : {}) }) as Staff;

const meeting = (over: Partial<Meeting>): Meeting => ({
  id: 'm',
  tenant: '620321',
  kind: 'case_review',
  state: 'scheduled',
  subject: '会议',
  location: '',
  convenedBy: 'admin',
  agenda: [],
  participants: [
    { department: '620321-RSJ', attendees: [], attended: false },
    { department: '620321-ZRZY', attendees: [], attended: false },
  ],
  minutesAttachments: [],
  positions: [],
  outcomes: [],
  version: 1,
  ...over,
});

describe('meeting times in Beijing time', () => {
  it('reads a datetime-local value as Beijing time and writes it back', () => {
    expect(isoOfBeijing('2026-12-10T09:30')).toBe('2026-12-10T01:30:00.000Z');
    expect(beijingInput('2026-12-10T01:30:00.000Z')).toBe('2026-12-10T09:30');
    expect(beijingInput('2026-12-09T20:00:00.000Z')).toBe('2026-12-10T04:00');
    expect(isoOfBeijing('2026-12-10')).toBeUndefined();
    expect(isoOfBeijing('')).toBeUndefined();
    expect(beijingInput(undefined)).toBe('');
  });

  it('splits lines and names', () => {
    expect(lines(' 一 \n\n二\r\n')).toEqual(['一', '二']);
    expect(names('张三、李四，王五 赵六')).toEqual(['张三', '李四', '王五', '赵六']);
    expect(names(undefined)).toEqual([]);
  });
});

describe('the meeting list', () => {
  it('puts meetings still to be held first, the soonest first, then the ended ones, the latest first', () => {
    const sorted = upcomingFirst([
      meeting({ id: 'old-done', state: 'concluded', scheduledAt: '2026-11-01T01:00:00Z' }),
      meeting({ id: 'late', state: 'scheduled', scheduledAt: '2026-12-20T01:00:00Z' }),
      meeting({ id: 'new-cancelled', state: 'cancelled', scheduledAt: '2026-12-02T01:00:00Z' }),
      meeting({ id: 'held', state: 'held', scheduledAt: '2026-12-01T01:00:00Z' }),
      meeting({ id: 'soon', state: 'scheduled', scheduledAt: '2026-12-08T01:00:00Z' }),
    ]);
    expect(sorted.map((m) => m.id)).toEqual(['held', 'soon', 'late', 'new-cancelled', 'old-done']);
  });
});

describe('who sees and does what', () => {
  it('shows the menu to the center, supervisors and department staff', () => {
    expect(mayReadMeetings(staff(['center_admin']))).toBe(true);
    expect(mayReadMeetings(staff(['supervisor']))).toBe(true);
    expect(mayReadMeetings(staff(['window_clerk'], '620321-RSJ'))).toBe(true);
    expect(mayReadMeetings(staff(['window_clerk']))).toBe(false);
    expect(mayReadMeetings(staff(['admin' as Staff['roles'][number]]))).toBe(false);
    expect(mayReadMeetings(undefined)).toBe(false);
  });

  it('lets the center chair and an invited department’s head or approver state its position once held', () => {
    const center = staff(['center_admin']);
    expect(meetingActs(center, meeting({}))).toEqual({
      reschedule: true,
      cancel: true,
      minutes: true,
      outcome: false,
      positionFor: [],
    });
    expect(meetingActs(center, meeting({ state: 'held' }))).toEqual({
      reschedule: false,
      cancel: false,
      minutes: true,
      outcome: true,
      positionFor: ['620321-RSJ', '620321-ZRZY'],
    });
    expect(meetingActs(center, meeting({ state: 'held', tenant: '620302' })).outcome).toBe(false);
    expect(meetingActs(staff(['approver'], '620321-ZRZY'), meeting({ state: 'held' })).positionFor).toEqual([
      '620321-ZRZY',
    ]);
    expect(meetingActs(staff(['window_clerk'], '620321-ZRZY'), meeting({ state: 'held' })).positionFor).toEqual([]);
    expect(meetingActs(staff(['department_head'], '620321-SWJ'), meeting({ state: 'held' })).positionFor).toEqual([]);
    expect(meetingActs(staff(['approver'], '620321-ZRZY'), meeting({ state: 'concluded' })).positionFor).toEqual([]);
  });

  it('finds the tasks this meeting answered', () => {
    const opinion = { kind: 'agree' as const, text: '同意', reasons: [], conditions: [], givenBy: 'a' };
    const review = {
      tasks: [
        { id: 't1', opinion: { ...opinion, source: 'meeting', meetingId: 'm' } },
        { id: 't2', opinion: { ...opinion, source: 'meeting', meetingId: 'other' } },
        { id: 't3', opinion: { ...opinion, source: 'workbench' } },
        { id: 't4' },
      ],
    } as unknown as JointReview;
    expect(answeredBy('m', review).map((t) => t.id)).toEqual(['t1']);
  });
});
