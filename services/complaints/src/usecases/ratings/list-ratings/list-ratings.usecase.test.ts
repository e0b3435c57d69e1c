import { ForbiddenError, ValidationError } from '@govhall/errors';
import { rate, type Rating } from '../../../domain/ratings/rating';
import type { ServedCase } from '../../../domain/ratings/served-case';
import { principal } from '../../principal.test-double';
import { getSatisfactionUseCase } from '../get-satisfaction/get-satisfaction.usecase';
import { InMemoryRatings, InMemoryServedCases } from '../in-memory-ratings.test-double';
import type { RatingReadRequest } from '../rating-reads';
import { listRatingsUseCase } from './list-ratings.usecase';

const SCJG = '620321-SCJG';
const RSJ = '620321-RSJ';

let n = 0;
async function put(ratings: InMemoryRatings, at: string, level: number, over: Partial<Rating> = {}): Promise<Rating> {
  const { rating, events } = rate(
    {
      tenant: '620321',
      subject: 'case',
      caseId: `c-${++n}`,
      caseNumber: '',
      visitId: '',
      itemName: '食品经营许可',
      department: SCJG,
      windowId: 'w-1',
      staff: [{ username: 'ycx-clerk', department: SCJG, part: '受理' }],
      ...over,
    },
    { level, reason: level <= 2 ? '等候太久' : '' },
    { channel: 'online', realName: true, raterName: '张*', recordedBy: '' },
    `r-${n}`,
    new Date(at),
  );
  const stored = { ...rating, ...(over.channel ? { channel: over.channel } : {}) };
  await ratings.insert(stored, events, undefined);
  return stored;
}

const period = (over: Partial<RatingReadRequest> = {}): RatingReadRequest => ({
  tenant: '',
  from: '2026-12-01',
  to: '2026-12-31',
  department: '',
  windowId: '',
  staff: '',
  levels: [],
  channels: [],
  ...over,
});

async function setup() {
  const ratings = new InMemoryRatings();
  const served = new InMemoryServedCases();
  await put(ratings, '2026-12-02T02:00:00Z', 5);
  await put(ratings, '2026-12-03T02:00:00Z', 2, {
    staff: [{ username: 'ycx-reviewer', department: SCJG, part: '审查' }],
  });
  await put(ratings, '2026-12-04T02:00:00Z', 3, { channel: 'default' });
  await put(ratings, '2026-12-05T02:00:00Z', 4, { department: RSJ, staff: [] });
  await put(ratings, '2026-11-30T15:59:59Z', 1); // 2026-11-30 23:59:59 China: before the period
  await put(ratings, '2026-12-06T02:00:00Z', 5, { tenant: '620302' });
  const completed = (id: string, day: string, ratingId = '', ratedChannel?: 'online' | 'default'): ServedCase => ({
    tenant: '620321',
    caseId: id,
    caseNumber: '',
    itemName: '',
    department: SCJG,
    windowId: 'w-1',
    staff: [{ username: 'ycx-clerk', department: SCJG, part: '受理' }],
    applicantName: '',
    completedAt: new Date(`${day}T02:00:00Z`),
    ratingId,
    ...(ratedChannel ? { ratedChannel } : {}),
    appliedEventIds: [],
  });
  await served.put(completed('k1', '2026-12-02', 'r-1', 'online'));
  await served.put(completed('k2', '2026-12-03', 'r-3', 'default'));
  await served.put(completed('k3', '2026-12-04'));
  await served.put(completed('k4', '2026-11-20', 'r-x', 'online'));
  return { list: listRatingsUseCase({ ratings }), satisfaction: getSatisfactionUseCase({ ratings, served }) };
}

const admin = principal({ roles: ['center_admin'], clientId: 'govhall-workbench' });
const levelsOf = (rs: Rating[]) => rs.map((r) => r.level);

describe('ListRatings and GetSatisfaction (满意度统计)', () => {
  it("a center administrator reads the tenant's period, newest first, a page at a time", async () => {
    const w = await setup();
    const first = await w.list({ ...period(), pageSize: 3 }, admin);
    expect(levelsOf(first.ratings)).toEqual([4, 3, 2]);
    expect(first.total).toBe(4);
    const second = await w.list({ ...period(), pageSize: 3, pageToken: first.nextPageToken }, admin);
    expect(levelsOf(second.ratings)).toEqual([5]);
    expect(second.nextPageToken).toBe('');
    expect(levelsOf((await w.list(period({ levels: [1, 2] }), admin)).ratings)).toEqual([2]);
    expect(levelsOf((await w.list(period({ channels: ['default'] }), admin)).ratings)).toEqual([3]);
  });

  it('the statistic: levels, satisfied share, defaults, and coverage of the cases completed in the period', async () => {
    const w = await setup();
    const s = await w.satisfaction(period(), admin);
    expect(s).toMatchObject({ total: 4, satisfiedPer10000: 7500, defaultRatings: 1, completedCases: 3, ratedCases: 1 });
    expect(s.levels.map((l) => l.count)).toEqual([1, 1, 1, 1, 0]);
  });

  it('a department head reads their department; a clerk or reviewer the ratings that name them', async () => {
    const w = await setup();
    const head = principal({ roles: ['department_head'], department: RSJ });
    expect(levelsOf((await w.list(period(), head)).ratings)).toEqual([4]);
    const clerk = principal({ username: 'ycx-clerk', roles: ['window_clerk'], department: SCJG });
    expect(levelsOf((await w.list(period(), clerk)).ratings)).toEqual([3, 5]);
    const reviewer = principal({ username: 'ycx-reviewer', roles: ['reviewer'], department: SCJG });
    expect(levelsOf((await w.list(period(), reviewer)).ratings)).toEqual([2]);
    expect((await w.satisfaction(period(), reviewer)).completedCases).toBe(0);
  });

  it('refuses asking beyond one’s scope, an applicant, and a bad period, naming the field', async () => {
    const w = await setup();
    const clerk = principal({ username: 'ycx-clerk', roles: ['window_clerk'], department: SCJG });
    await expect(w.list(period({ staff: 'ycx-reviewer' }), clerk)).rejects.toMatchObject({
      code: 'STAFF_OUT_OF_SCOPE',
    });
    const head = principal({ roles: ['department_head'], department: RSJ });
    await expect(w.list(period({ department: SCJG }), head)).rejects.toMatchObject({ code: 'DEPARTMENT_OUT_OF_SCOPE' });
    await expect(w.list(period({ tenant: '620302' }), admin)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    await expect(w.list(period(), principal({ roles: ['applicant'] }))).rejects.toBeInstanceOf(ForbiddenError);
    const bad = w.list(period({ from: '2026-12-31', to: '2026-12-01', levels: [6] }), admin);
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(bad).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ path: 'to', reason: 'BEFORE_FROM' }),
        expect.objectContaining({ path: 'levels' }),
      ],
    });
  });

  it('a supervisor of the city reads a county below it, not one beside it', async () => {
    const w = await setup();
    const city = principal({ tenant: '620300', roles: ['supervisor'] });
    expect((await w.list(period({ tenant: '620321' }), city)).total).toBe(4);
    const county = principal({ tenant: '620302', roles: ['supervisor'] });
    await expect(w.list(period({ tenant: '620321' }), county)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
  });
});
