import { createWorkingCalendar } from '@govhall/calendar';
import { forwardBudget } from '../../domain/escalations/sender';
import { defaultReviewSettings, type ReviewSettings } from '../../domain/reviews/review-settings';
import { legCalendar } from '../../usecases/reviews/leg-calendar';
import { DefaultEscalationSettings } from './escalation-settings';

const stored = new Map<string, ReviewSettings>();
const source = { forTenant: async (t: string) => stored.get(t) ?? defaultReviewSettings(t) };
const parentDepartments = new Set(['620300-STHJ', '620300-SCJG']);
const duty = { hasDepartment: async (t: string, d: string) => t === '620300' && parentDepartments.has(d) };

describe('escalation settings from the tenant’s joint-review settings', () => {
  beforeEach(() => stored.clear());

  it('routes a department as configured, else to the parent’s department of the same abbreviation', async () => {
    stored.set('620321', {
      ...defaultReviewSettings('620321'),
      escalationRoutes: [{ department: '620321-SJHJ', targetDepartment: '620300-STHJ' }],
    });
    const settings = new DefaultEscalationSettings(source, duty, new Set());
    await expect(settings.route('620321', '620321-SJHJ', '620300')).resolves.toBe('620300-STHJ');
    await expect(settings.route('620321', '620321-SCJG', '620300')).resolves.toBe('620300-SCJG');
    await expect(settings.route('620321', '620321-GAJ', '620300')).resolves.toBe('');
  });

  it('ignores a configured route to another tenant than the one the case goes to', async () => {
    stored.set('620321', {
      ...defaultReviewSettings('620321'),
      escalationRoutes: [{ department: '620321-SCJG', targetDepartment: '620000-SCJG' }],
    });
    const settings = new DefaultEscalationSettings(source, duty, new Set(['620321', '620300']));
    await expect(settings.route('620321', '620321-SCJG', '620300')).resolves.toBe('620300-SCJG');
  });

  it('names the same abbreviation unchecked for a parent in another deployment', async () => {
    const settings = new DefaultEscalationSettings(source, duty, new Set(['620321']));
    await expect(settings.route('620321', '620321-GAJ', '620300')).resolves.toBe('620300-GAJ');
  });

  it('takes the forwarding budget the center set, 0 (until the promised due date) by default', async () => {
    const settings = new DefaultEscalationSettings(source, duty, new Set());
    await expect(settings.forwardWorkingDays('620321')).resolves.toBe(0);
    stored.set('620321', { ...defaultReviewSettings('620321'), escalationForwardWorkingDays: 3 });
    await expect(settings.forwardWorkingDays('620321')).resolves.toBe(3);
  });
});

describe('forwardBudget', () => {
  const calendar = legCalendar(createWorkingCalendar());

  it('is the setting when it names days, else the working days left to the promised due date, at least one', () => {
    expect(forwardBudget(3, '2026-06-04', '2026-06-30', calendar)).toBe(3);
    // Thu 4 June → Wed 10 June: 5, 8, 9, 10 June (Sat 6, Sun 7 off).
    expect(forwardBudget(0, '2026-06-04', '2026-06-10', calendar)).toBe(4);
    expect(forwardBudget(0, '2026-06-04', '2026-06-04', calendar)).toBe(1);
    expect(forwardBudget(0, '2026-06-04', '2026-06-01', calendar)).toBe(1);
    expect(forwardBudget(0, '2026-06-04', '', calendar)).toBe(1);
  });
});
