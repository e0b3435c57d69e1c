import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { principal } from '../../principal.test-double';
import {
  completedCaseFixture,
  InMemoryRatings,
  InMemoryScans,
  InMemoryServedCases,
} from '../in-memory-ratings.test-double';
import { getRatingScanUseCase } from '../get-rating-scan/get-rating-scan.usecase';
import { recordRatingUseCase, type RecordRatingCommand } from './record-rating.usecase';

const completed = completedCaseFixture;
const PDF = Buffer.from('%PDF-1.4\n%…\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function setup() {
  const served = new InMemoryServedCases();
  const ratings = new InMemoryRatings();
  const scans = new InMemoryScans();
  await served.put(completed);
  await served.put({ ...completed, caseId: 'c-2', caseNumber: '620321202612010002' });
  await served.put({ ...completed, caseId: 'open', completedAt: undefined as never });
  let n = 0;
  const record = recordRatingUseCase({
    served,
    ratings,
    scans,
    clock: { now: () => new Date('2026-12-03T02:00:00Z') },
    ids: { newId: () => `r-${++n}` },
    // Rectifications are opened and tested in rate-case's and the rectifications' tests.
    rectify: async () => undefined,
  });
  return { served, ratings, scans, record };
}
const supervisor = principal({ username: 'ycx-supervisor', roles: ['supervisor'], clientId: 'govhall-workbench' });
const phone = (over: Partial<RecordRatingCommand> = {}): RecordRatingCommand => ({
  caseId: 'c-1',
  caseNumber: '',
  channel: 'phone_followup',
  level: 4,
  reason: '',
  scan: Buffer.alloc(0),
  ...over,
});

describe('RecordRating (C4: telephone follow-up, suggestion box)', () => {
  it('records a follow-up by name and a slip anonymously with its scan, each as its case’s one rating', async () => {
    const w = await setup();
    const called = await w.record(phone(), supervisor);
    expect(called).toMatchObject({
      channel: 'phone_followup',
      realName: true,
      raterName: '张*',
      recordedBy: 'ycx-supervisor',
      level: 4,
    });
    expect(called.scan).toBeUndefined();
    expect((await w.served.find('c-1'))?.ratedChannel).toBe('phone_followup');
    // The slip names the case by its number (办件编号).
    const slip = await w.record(
      phone({
        caseId: '',
        caseNumber: '620321202612010002',
        channel: 'suggestion_box',
        level: 1,
        reason: '窗口午休无人',
        scan: PDF,
      }),
      supervisor,
    );
    expect(slip.caseId).toBe('c-2');
    expect(slip).toMatchObject({
      channel: 'suggestion_box',
      realName: false,
      raterName: '',
      scan: { contentType: 'application/pdf', size: PDF.length },
    });
    expect(await w.scans.get(slip.id)).toEqual(PDF);
    expect(w.ratings.events.map((e) => e.rating.id)).toEqual([called.id, slip.id]);
    await expect(w.record(phone({ level: 5 }), supervisor)).rejects.toMatchObject({ code: 'ALREADY_RATED' });
  });

  it('refuses a slip without its scan or with another type, a follow-up with one, another channel, bad levels', async () => {
    const w = await setup();
    const field = async (cmd: RecordRatingCommand) => {
      const e = await w.record(cmd, supervisor).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).violations.map((v) => [v.path, v.reason]);
    };
    expect(await field(phone({ channel: 'suggestion_box' }))).toEqual([['scan', 'REQUIRED']]);
    expect(await field(phone({ channel: 'suggestion_box', scan: Buffer.from('MZ executable') }))).toEqual([
      ['scan', 'TYPE'],
    ]);
    expect(await field(phone({ channel: 'suggestion_box', scan: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff) }))).toEqual([
      ['scan', 'TOO_LARGE'],
    ]);
    expect(await field(phone({ scan: PNG }))).toEqual([['scan', 'NOT_ALLOWED']]);
    expect(await field(phone({ channel: 'online' }))).toEqual([['channel', 'INVALID']]);
    expect(await field(phone({ level: 2 }))).toEqual([['reason', 'REQUIRED']]);
    expect(w.ratings.saved).toEqual([]);
    expect(w.scans.files.size).toBe(0);
  });

  it('refuses a clerk by role, another tenant’s case and an unknown number as not found, and an open case', async () => {
    const w = await setup();
    await expect(w.record(phone(), principal({ roles: ['window_clerk'] }))).rejects.toBeInstanceOf(ForbiddenError);
    const other = principal({ tenant: '620302', roles: ['center_admin'] });
    await expect(w.record(phone(), other)).rejects.toBeInstanceOf(NotFoundError);
    const city = principal({ tenant: '620300', roles: ['supervisor'] });
    await expect(w.record(phone(), city)).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.record(phone({ caseId: 'open' }), supervisor)).rejects.toBeInstanceOf(PreconditionError);
    const byNumber = (caseNumber: string) => w.record(phone({ caseId: '', caseNumber }), supervisor);
    await expect(byNumber('620321209912310001')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(byNumber('')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(w.record(phone({ caseId: '', caseNumber: '620321202612010002' }), other)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(w.ratings.saved).toEqual([]);
  });
});

describe('GetRatingScan', () => {
  it('gives the slip’s scan to those who reach the rating; others are told it is not there', async () => {
    const w = await setup();
    const slip = await w.record(phone({ channel: 'suggestion_box', level: 5, scan: PNG }), supervisor);
    const get = getRatingScanUseCase({ ratings: w.ratings, scans: w.scans });
    expect(await get(slip.id, supervisor)).toEqual({ content: PNG, contentType: 'image/png' });
    const clerk = principal({ username: 'ycx-clerk', roles: ['window_clerk'] });
    expect((await get(slip.id, clerk)).contentType).toBe('image/png'); // the rating names ycx-clerk
    const other = principal({ username: 'ycx-other', roles: ['window_clerk'] });
    await expect(get(slip.id, other)).rejects.toMatchObject({ code: 'RATING_NOT_FOUND' });
    const called = await w.record(phone({ caseId: 'c-2' }), supervisor);
    await expect(get(called.id, supervisor)).rejects.toMatchObject({ code: 'SCAN_NOT_FOUND' });
  });
});
