import { createAuthorizer, type Principal } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { ConcurrencyError, PreconditionError, ValidationError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import type { Case, CaseDocument } from '../../domain/case';
import type { CaseEvent } from '../../domain/case-events';
import { defaultCaseSettings } from '../../domain/case-settings';
import { draftCase } from '../../domain/case.test-double';
import type { Edition } from '../../domain/edition';
import { submitCaseUseCase } from './submit-case.usecase';

const zhang: Principal = {
  kind: 'user',
  subject: 'subject-zhangsan',
  username: '62032119900307123X',
  tenant: '',
  roles: ['applicant'],
  clientId: 'govhall-portal',
};

const edition: Edition = {
  id: draftCase().itemId,
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000117012000',
  edition: 1,
  status: 'published',
  handlingCategory: 'promised',
  department: '620321-SCJG',
  serviceObject: 'both',
  materials: [],
  formSchema: JSON.stringify({
    type: 'object',
    required: ['area'],
    properties: { area: { type: 'number', title: '面积' } },
  }),
  rules: [
    {
      id: 'area',
      kind: 'field_compare',
      field: 'area',
      op: 'gt',
      value: '0',
      materialId: '',
      licenceType: '',
      message: '面积应大于0',
    },
  ],
  statutoryLimit: { days: 20, unit: 'working_day' },
  promisedLimit: { days: 10, unit: 'working_day' },
  visits: 0,
  workflow: [],
  deliveryOptions: [],
  coDepartments: [],
  departmentName: '永昌县市场监督管理局',
  tenantName: '永昌县',
  hasFees: false,
};

/** Fakes of the ports (unit tests only). */
function fixture(c: Case, now = new Date('2026-02-12T02:00:00Z')) {
  const stored = new Map([[c.id, c]]);
  const saved: { next: Case; events: CaseEvent[] }[] = [];
  const numbers: string[] = [];
  const deps = {
    cases: {
      insert: jest.fn(),
      findById: async (id: string) => stored.get(id) ?? null,
      findByCaseNumber: async () => null,
      save: async (next: Case, expectedVersion: number, events: CaseEvent[]) => {
        if (stored.get(next.id)!.version !== expectedVersion) throw new ConcurrencyError();
        const s = { ...next, version: expectedVersion + 1 };
        stored.set(s.id, s);
        saved.push({ next: s, events });
        return s;
      },
    },
    authorizer: createAuthorizer(createLogger('test', 'silent')),
    editions: { get: async () => edition, current: async () => edition },
    settings: {
      get: async (tenant: string) => ({
        ...defaultCaseSettings(tenant),
        commonRules: [
          {
            id: 'common-id',
            kind: 'field_resident_id',
            field: 'idNumber',
            op: '',
            value: '',
            materialId: '',
            licenceType: '',
            message: '身份证号码有误',
          },
        ],
      }),
      save: jest.fn(),
    },
    calendars: { forTenant: async () => createWorkingCalendar({ overrides: [] }) },
    caseNumbers: {
      next: async (tenant: string, date: string) => {
        const n = `${tenant}${date.replaceAll('-', '')}${String(numbers.length + 1).padStart(4, '0')}`;
        numbers.push(n);
        return n;
      },
    },
    windows: { serving: async () => ({ windowId: 'w-1', responsible: 'yc-clerk' }) },
    documents: {
      issue: async (_c: Case, kind: CaseDocument['kind']): Promise<CaseDocument> => ({
        id: 'doc-1',
        kind,
        number: '永昌县政务服务中心申〔2026〕00001号',
        issuedAt: new Date(),
        issuedBy: 'x',
        sha256: '',
      }),
      get: jest.fn(),
    },
    // Thursday 2026-02-12 10:00 in Shanghai: §32's five working days run to Thursday 2026-02-26 (Spring Festival).
    clock: { now: () => now },
  };
  return { deps, stored, saved, numbers, submit: submitCaseUseCase(deps) };
}

const ready = (overrides: Partial<Case> = {}) =>
  draftCase({ formData: JSON.stringify({ area: 12, idNumber: '62032119900307123X' }), ...overrides });

describe('submitting a case', () => {
  it('counts the §32 notice day in a year whose arrangement is not published yet (Monday to Friday, provisional)', async () => {
    // Thursday 2027-03-04 10:00 in Shanghai; 2027's 放假安排 is not published: five weekdays later is 2027-03-11.
    const { submit } = fixture(ready(), new Date('2027-03-04T02:00:00Z'));
    const c = await submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-2027' }, zhang);
    expect(c.clocks).toMatchObject({ receivedDate: '2027-03-04', noticeDueDate: '2027-03-11' });
  });

  it('passes into PRE_REVIEW with a number, the day of receipt, the §32 notice date, the window and an event', async () => {
    const { submit, saved } = fixture(ready());
    const c = await submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, zhang);
    expect(c).toMatchObject({
      status: 'pre_review',
      caseNumber: '620321202602120001',
      windowId: 'w-1',
      responsible: 'yc-clerk',
      clocks: { receivedDate: '2026-02-12', noticeDueDate: '2026-02-26' },
      submitKeys: ['submit-0001'],
      version: 2,
    });
    expect(c.documents.map((d) => d.kind)).toEqual(['application_copy']);
    expect(saved[0]!.events.map((e) => e.transition)).toEqual(['submitted']);
  });

  it('counts a submission after the hall closes (17:00) as received the next day; extended hours keep the day', async () => {
    // Thursday 2026-03-05 at 16:59 and at 17:05 in Beijing.
    const before = fixture(ready(), new Date('2026-03-05T08:59:00Z'));
    const onTime = await before.submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-1659' }, zhang);
    expect(onTime.clocks).toMatchObject({ receivedDate: '2026-03-05', noticeDueDate: '2026-03-12' });
    expect(onTime.caseNumber).toBe('620321202603050001');
    const after = fixture(ready(), new Date('2026-03-05T09:05:00Z'));
    const late = await after.submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-1705' }, zhang);
    // Received Friday 03-06, which is not counted: the five working days run Monday 03-09 to Friday 03-13.
    expect(late.clocks).toMatchObject({ receivedDate: '2026-03-06', noticeDueDate: '2026-03-13' });
    expect(late.caseNumber).toBe('620321202603060001');
    const extended = fixture(ready(), new Date('2026-03-05T09:05:00Z'));
    extended.deps.settings.get = async (tenant: string) => ({ ...defaultCaseSettings(tenant), hallClosesAt: '19:30' });
    const same = await extended.submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-ext1' }, zhang);
    expect(same.clocks.receivedDate).toBe('2026-03-05');
  });

  it('returns the case with every problem (common rules first) and no number', async () => {
    const c0 = ready({ formData: JSON.stringify({ area: 0, idNumber: '620321199003071230' }) });
    const { submit, saved } = fixture(c0);
    const c = await submit({ id: c0.id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, zhang);
    expect(c.status).toBe('returned');
    expect(c.caseNumber).toBe('');
    expect(c.problems.map((p) => p.ruleId)).toEqual(['common-id', 'area']);
    expect(saved[0]!.events[0]).toMatchObject({ transition: 'returned', problems: c.problems });
  });

  it('answers a repeated key with the case unchanged, even after its version moved on', async () => {
    const { submit, saved } = fixture(ready());
    const first = await submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, zhang);
    const again = await submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, zhang);
    expect(again).toEqual(first);
    expect(saved).toHaveLength(1);
  });

  it('keeps the number and the day of receipt when a supplement is resubmitted', async () => {
    const c0 = ready({
      status: 'supplement',
      caseNumber: '620321202601050007',
      clocks: { receivedDate: '2026-01-05', acceptedDate: '', noticeDueDate: '2026-01-12' },
    });
    const { submit, numbers } = fixture(c0);
    const c = await submit({ id: c0.id, expectedVersion: 1, idempotencyKey: 'submit-0002' }, zhang);
    expect(c).toMatchObject({ status: 'pre_review', caseNumber: '620321202601050007' });
    expect(c.clocks.receivedDate).toBe('2026-01-05');
    expect(numbers).toEqual([]);
  });

  it('refuses form data against the schema at the field path, and an incomplete upload, storing nothing', async () => {
    const bad = ready({ formData: JSON.stringify({ area: 'big' }) });
    const f1 = fixture(bad);
    await expect(
      f1.submit({ id: bad.id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, zhang),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      violations: [{ path: 'formData.area', reason: 'TYPE', message: '“面积”应为数字' }],
    });
    const pending = ready({
      materials: [{ materialId: 'form', name: '申请书', required: true, files: [] }],
      uploadComplete: false,
    });
    const f2 = fixture(pending);
    await expect(
      f2.submit({ id: pending.id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, zhang),
    ).rejects.toMatchObject({
      constructor: PreconditionError,
      code: 'UPLOAD_NOT_COMPLETE',
    });
    expect([f1.saved, f2.saved]).toEqual([[], []]);
  });

  it('lets nobody but the applicant submit (someone else sees no case)', async () => {
    const { submit } = fixture(ready());
    const other = { ...zhang, subject: 'subject-lisi', username: 'lisi' };
    await expect(
      submit({ id: ready().id, expectedVersion: 1, idempotencyKey: 'submit-0001' }, other),
    ).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
  });
});
