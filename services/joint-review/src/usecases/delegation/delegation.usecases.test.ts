import type { Principal, Role } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import {
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionError,
  ValidationError,
} from '@govhall/errors';
import type { AgreementContent } from '../../domain/delegation/agreement';
import { cancelDelegatedCaseUseCase } from '../cancel-delegated-case/cancel-delegated-case.usecase';
import { createAgreementUseCase, type CreateAgreementRequest } from '../create-agreement/create-agreement.usecase';
import { getAgreementUseCase } from '../get-agreement/get-agreement.usecase';
import { getDelegatedCaseUseCase } from '../get-delegated-case/get-delegated-case.usecase';
import { getDelegationStatisticsUseCase } from '../get-delegation-statistics/get-delegation-statistics.usecase';
import { listAgreementsUseCase } from '../list-agreements/list-agreements.usecase';
import { listDelegatedCasesUseCase } from '../list-delegated-cases/list-delegated-cases.usecase';
import { openDelegatedCaseUseCase, type CaseAccepted } from '../open-delegated-case/open-delegated-case.usecase';
import { recordDelegatedDecisionUseCase } from '../record-delegated-decision/record-delegated-decision.usecase';
import { recordDelegatedReplyUseCase } from '../record-delegated-reply/record-delegated-reply.usecase';
import { terminateAgreementUseCase } from '../terminate-agreement/terminate-agreement.usecase';
import { transferDelegatedCaseUseCase } from '../transfer-delegated-case/transfer-delegated-case.usecase';
import { updateAgreementUseCase } from '../update-agreement/update-agreement.usecase';
import { defaultReviewSettings, type ReviewSettings } from '../../domain/reviews/review-settings';
import type { DelegationDeps, DepartmentDecision, WindowInfo } from './delegation.ports';
import { InMemoryAgreements, InMemoryDelegatedCases } from './in-memory-delegation.test-double';
import { InMemoryAttachments } from '../attachments/in-memory-attachments.test-double';
import type { SharedCase } from '../../domain/cases/shared-case';
import { delegatedDecisionTasks } from './delegated-decision-tasks';
import { InMemoryJointReviews } from '../in-memory-joint-reviews.test-double';
import { listMyTasksUseCase, listTasksUseCase } from '../list-tasks/list-tasks.usecase';

const TENANT = '620300';
const LYJ = '620300-LYJ';
const SWJ = '620300-SWJ';
const CENTER = '620300-ZWZX';
/** 综合窗口 of the center serving LYJ and SWJ; LYJ's own department window; a comprehensive window not for LYJ. */
const COMPREHENSIVE = 'w-zh-1';
const LYJ_WINDOW = 'w-lyj';
const OTHER_COMPREHENSIVE = 'w-zh-2';
const now = new Date('2026-06-04T02:00:00Z');

function user(username: string, department: string, roles: Role[], tenant = TENANT): Principal {
  return { kind: 'user', subject: username, username, tenant, roles, department, clientId: 'govhall-workbench' };
}
const center = user('center.admin', '', ['center_admin']);
const otherCenter = user('jc.admin', '', ['center_admin'], '620302');
const zhClerk = user('zh.clerk', CENTER, ['window_clerk']);
const zhBackup = user('zh.backup', CENTER, ['window_clerk']);
const lyjLead = user('lyj.lead', LYJ, ['window_clerk']);
const lyjHead = user('lyj.head', LYJ, ['department_head']);
const swjClerk = user('swj.clerk', SWJ, ['window_clerk']);

const WINDOWS: WindowInfo[] = [
  { id: COMPREHENSIVE, department: CENTER, comprehensive: true, servesDepartments: [LYJ, SWJ] },
  { id: LYJ_WINDOW, department: LYJ, comprehensive: false, servesDepartments: [LYJ] },
  { id: OTHER_COMPREHENSIVE, department: CENTER, comprehensive: true, servesDepartments: [SWJ] },
];

function world(settings: Partial<ReviewSettings> = {}) {
  const agreements = new InMemoryAgreements();
  const delegatedCases = new InMemoryDelegatedCases();
  let clock = now;
  let n = 0;
  const deps: DelegationDeps = {
    agreements,
    delegatedCases,
    items: {
      get: async (id) =>
        ({
          'series-1': {
            itemId: 'series-1',
            seriesId: 'series-1',
            tenant: TENANT,
            basicCode: '000123456001',
            name: '林木采伐许可',
            department: LYJ,
            coDepartments: [],
            promisedWorkingDays: 10,
          },
          'series-2': {
            itemId: 'series-2',
            seriesId: 'series-2',
            tenant: TENANT,
            basicCode: '000123456002',
            name: '野生动物驯养许可',
            department: LYJ,
            coDepartments: [],
            promisedWorkingDays: 10,
          },
          'edition-2': {
            itemId: 'edition-2',
            seriesId: 'series-1',
            tenant: TENANT,
            basicCode: '000123456001',
            name: '林木采伐许可',
            department: LYJ,
            coDepartments: [],
            promisedWorkingDays: 10,
          },
          'series-swj': {
            itemId: 'series-swj',
            seriesId: 'series-swj',
            tenant: TENANT,
            basicCode: '000999',
            name: '水利许可',
            department: SWJ,
            coDepartments: [],
            promisedWorkingDays: 10,
          },
        })[id] ?? null,
    },
    windows: { get: async (tenant, id) => (tenant === TENANT ? (WINDOWS.find((w) => w.id === id) ?? null) : null) },
    duty: {
      windowResponsible: async (_t, w) => (w === COMPREHENSIVE ? 'zh.clerk' : w === LYJ_WINDOW ? 'lyj.lead' : ''),
      windowLead: async (_t, d) => (d === LYJ ? 'lyj.lead' : ''),
      departmentStaff: async () => null,
      hasDepartment: async (t, d) => t === TENANT && [LYJ, SWJ, CENTER].includes(d),
    },
    calendars: { forTenant: async () => createWorkingCalendar() },
    settings: { forTenant: async (tenant) => ({ ...defaultReviewSettings(tenant), ...settings }) },
    clock: { now: () => clock },
    ids: { newId: () => `id-${++n}` },
  };
  // The cases service as far as a department's decision goes: the case's status, and its decision.
  const caseService = {
    status: 'processing' as 'processing' | 'approved' | 'completed',
    decision: undefined as DepartmentDecision | undefined,
    /** What else happens before the call returns (the case stream's DECIDED delivered first). */
    meanwhile: async (): Promise<unknown> => undefined,
  };
  const attachments = new InMemoryAttachments();
  const shared: SharedCase = {
    caseId: 'case-1',
    applicant: {
      kind: 'natural_person',
      name: '林木户',
      idCode: '620321199001011234',
      legalRepresentative: '',
      agentName: '',
      mobile: '',
      address: '',
    },
    formData: '{"area":"3亩"}',
    materials: [
      {
        materialId: 'm-1',
        name: '林权证',
        files: [{ id: 'f-1', fileName: '林权证.pdf', contentType: 'application/pdf', size: 3, sha256: 'a'.repeat(64) }],
        licenceNumber: '',
        licenceValid: false,
      },
    ],
  };
  const systemTasks = delegatedDecisionTasks({
    ...deps,
    attachments,
    cases: {
      sharedCase: async (tenant, caseId) => (tenant === TENANT && caseId === 'case-1' ? shared : null),
      fileContent: async (_t, _c, fileId) => Buffer.from(`bytes of ${fileId}`),
    },
    decisions: {
      record: async (_tenant, _caseId, decision) => {
        if (caseService.status !== 'processing') {
          throw new PreconditionError('CASE_NOT_PROCESSING', '办件已不在办理中');
        }
        caseService.status = decision.outcome === 'approved' ? 'approved' : 'completed';
        caseService.decision = decision;
        await caseService.meanwhile();
      },
    },
  });
  return {
    agreements,
    delegatedCases,
    caseService,
    attachments,
    systemTasks,
    setNow: (at: Date) => (clock = at),
    create: createAgreementUseCase(deps),
    update: updateAgreementUseCase(deps),
    terminate: terminateAgreementUseCase(deps),
    getAgreement: getAgreementUseCase(deps),
    listAgreements: listAgreementsUseCase(deps),
    open: openDelegatedCaseUseCase(deps),
    transfer: transferDelegatedCaseUseCase(deps),
    decide: recordDelegatedDecisionUseCase(deps),
    reply: recordDelegatedReplyUseCase(deps),
    cancel: cancelDelegatedCaseUseCase(deps),
    get: getDelegatedCaseUseCase(deps),
    list: listDelegatedCasesUseCase(deps),
    statistics: getDelegationStatisticsUseCase(deps),
  };
}

const content = (over: Partial<AgreementContent> = {}): AgreementContent => ({
  department: LYJ,
  agreementNumber: '永委代〔2026〕1号',
  itemSeriesIds: ['series-1'],
  windowIds: [COMPREHENSIVE],
  transferWorkingDays: 2,
  replyWorkingDays: 1,
  signedOn: '2026-06-01',
  validFrom: '2026-06-01',
  validUntil: '',
  ...over,
});
const create = (over: Partial<AgreementContent> = {}, requestId = 'agreement-0001'): CreateAgreementRequest => ({
  requestId,
  tenant: '',
  content: content(over),
  attachmentIds: [],
});
const accepted = (over: Partial<CaseAccepted> = {}): CaseAccepted => ({
  tenant: TENANT,
  caseId: 'case-1',
  caseNumber: 'YC20260604001',
  itemId: 'edition-2',
  itemName: '林木采伐许可',
  itemBasicCode: '000123456001',
  department: LYJ,
  windowId: COMPREHENSIVE,
  casePromisedDueDate: '2026-06-30',
  at: now,
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<Error & { code?: string; violations?: unknown }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('entrustment agreements', () => {
  it('records an agreement with the catalogue names of its items, once per request id', async () => {
    const w = world();
    const a = await w.create(create(), center);
    expect(a).toMatchObject({
      tenant: TENANT,
      department: LYJ,
      state: 'active',
      version: 1,
      createdBy: 'center.admin',
      items: [{ itemSeriesId: 'series-1', itemName: '林木采伐许可', itemBasicCode: '000123456001' }],
    });
    await expect(w.create(create(), center)).resolves.toEqual(a);
    const reused = await refusal(w.create(create({ agreementNumber: '另一份' }), center));
    expect(reused).toBeInstanceOf(ConflictError);
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(w.agreements.byId.size).toBe(1);
  });

  it('refuses bad content field by field and stores nothing', async () => {
    const w = world();
    const e = await refusal(
      w.create(
        create({
          agreementNumber: '',
          itemSeriesIds: ['series-swj', 'unknown'],
          windowIds: [LYJ_WINDOW, OTHER_COMPREHENSIVE],
          transferWorkingDays: 11,
          validFrom: '2026-05-01',
          validUntil: '2026-04-01',
        }),
        center,
      ),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['agreementNumber', 'REQUIRED'],
      ['items.0.itemSeriesId', 'UNKNOWN'],
      ['items.1.itemSeriesId', 'UNKNOWN'],
      ['windowIds.0', 'UNKNOWN'],
      ['windowIds.1', 'UNKNOWN'],
      ['transferWorkingDays', 'OUT_OF_RANGE'],
      ['validFrom', 'OUT_OF_RANGE'],
      ['validUntil', 'OUT_OF_RANGE'],
    ]);
    expect(w.agreements.byId.size).toBe(0);
  });

  it('refuses an item already under an agreement for an overlapping period, naming that agreement', async () => {
    const w = world();
    const first = await w.create(create({ validUntil: '2026-12-31' }), center);
    const e = await refusal(w.create(create({ validFrom: '2026-12-01' }, 'agreement-0002'), center));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.code).toBe('ITEM_ALREADY_DELEGATED');
    expect((e as ConflictError).metadata).toEqual({ agreementId: first.id, itemSeriesId: 'series-1' });
    // From the day after it ends, the item is free.
    await expect(
      w.create(create({ signedOn: '2027-01-01', validFrom: '2027-01-01' }, 'agreement-0003'), center),
    ).resolves.toMatchObject({ state: 'active' });
  });

  it('only the center writes; other tenants do not see the agreement', async () => {
    const w = world();
    expect((await refusal(w.create(create(), lyjHead))).code).toBe('ROLE_REQUIRED');
    expect((await refusal(w.create({ ...create(), tenant: '620302' }, center))).code).toBe('TENANT_OUT_OF_SCOPE');
    const a = await w.create(create(), center);
    await expect(w.getAgreement({ id: a.id }, lyjLead)).resolves.toEqual(a);
    const hidden = await refusal(w.getAgreement({ id: a.id }, otherCenter));
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(hidden.code).toBe('AGREEMENT_NOT_FOUND');
    expect(
      (await refusal(w.terminate({ id: a.id, expectedVersion: 1, reason: '转为进驻', terminatedOn: '' }, otherCenter)))
        .code,
    ).toBe('AGREEMENT_NOT_FOUND');
    expect(
      (
        await refusal(
          w.listAgreements(
            { tenant: '620302', department: '', itemSeriesId: '', page: { pageSize: 0, pageToken: '' } },
            lyjHead,
          ),
        )
      ).code,
    ).toBe('TENANT_OUT_OF_SCOPE');
  });

  it('updates an active agreement at its version and terminates it from today on', async () => {
    const w = world();
    const a = await w.create(create(), center);
    const stale = await refusal(
      w.update({ id: a.id, expectedVersion: 0, content: content(), attachmentIds: [] }, center),
    );
    expect(stale).toBeInstanceOf(ConcurrencyError);
    const updated = await w.update(
      {
        id: a.id,
        expectedVersion: 1,
        content: content({ itemSeriesIds: ['series-1', 'series-2'], windowIds: [] }),
        attachmentIds: [],
      },
      center,
    );
    expect(updated).toMatchObject({
      version: 2,
      windowIds: [],
      items: [{ itemSeriesId: 'series-1' }, { itemSeriesId: 'series-2' }],
    });
    const past = await refusal(
      w.terminate({ id: a.id, expectedVersion: 2, reason: '转为进驻', terminatedOn: '2026-06-01' }, center),
    );
    expect((past as ValidationError).violations).toEqual([
      expect.objectContaining({ path: 'terminatedOn', reason: 'OUT_OF_RANGE' }),
    ]);
    const ended = await w.terminate({ id: a.id, expectedVersion: 2, reason: '转为进驻部门', terminatedOn: '' }, center);
    expect(ended).toMatchObject({
      state: 'terminated',
      terminatedOn: '2026-06-04',
      terminatedReason: '转为进驻部门',
      version: 3,
    });
    const again = await refusal(
      w.terminate({ id: a.id, expectedVersion: 3, reason: '再次', terminatedOn: '' }, center),
    );
    expect(again).toBeInstanceOf(PreconditionError);
    expect((again as PreconditionError).metadata).toEqual({ currentState: 'terminated' });
    const listed = await w.listAgreements(
      {
        tenant: '',
        department: LYJ,
        itemSeriesId: 'series-2',
        state: 'terminated',
        page: { pageSize: 0, pageToken: '' },
      },
      lyjLead,
    );
    expect(listed.items.map((x) => x.id)).toEqual([a.id]);
  });
});

describe('delegated cases', () => {
  async function opened() {
    const w = world();
    const agreement = await w.create(create(), center);
    const result = await w.open(accepted());
    return { w, agreement, dc: result!.delegatedCase };
  }

  it('opens AT_CENTER with the transfer leg when a covered item is accepted at the comprehensive window, once', async () => {
    const { w, agreement, dc } = await opened();
    expect(dc).toMatchObject({
      state: 'at_center',
      agreementId: agreement.id,
      windowId: COMPREHENSIVE,
      department: LYJ,
    });
    expect(dc.legs).toEqual([
      expect.objectContaining({
        kind: 'delegated_transfer',
        responsible: 'zh.clerk',
        budgetWorkingDays: 2,
        startDate: '2026-06-04',
        dueDate: '2026-06-08',
        state: 'running',
      }),
    ]);
    expect(w.delegatedCases.names()).toEqual(['DelegatedCaseOpened', 'LegStarted']);
    await expect(w.open(accepted())).resolves.toEqual({ delegatedCase: dc, created: false });
    expect(w.delegatedCases.byId.size).toBe(1);
  });

  it('takes the tenant’s delegated budgets when the agreement sets none (0), its own otherwise', async () => {
    const w = world({ delegatedTransferWorkingDays: 3, delegatedReplyWorkingDays: 4 });
    await w.create(create({ transferWorkingDays: 0, replyWorkingDays: 0 }), center);
    const result = await w.open(accepted());
    expect(result!.delegatedCase.legs[0]).toMatchObject({ budgetWorkingDays: 3, dueDate: '2026-06-09' });
    expect(result!.delegatedCase.replyWorkingDays).toBe(4);
    const own = world({ delegatedTransferWorkingDays: 3, delegatedReplyWorkingDays: 4 });
    await own.create(create(), center);
    const mine = await own.open(accepted());
    expect(mine!.delegatedCase.legs[0]).toMatchObject({ budgetWorkingDays: 2 });
    expect(mine!.delegatedCase.replyWorkingDays).toBe(1);
  });

  it('opens nothing at a department window, outside the agreement, or for an item not covered', async () => {
    const w = world();
    await w.create(create({ validFrom: '2026-06-01', validUntil: '2026-06-30' }), center);
    await expect(w.open(accepted({ windowId: LYJ_WINDOW }))).resolves.toBeNull();
    await expect(w.open(accepted({ at: new Date('2026-07-01T02:00:00Z') }))).resolves.toBeNull();
    await expect(w.open(accepted({ itemId: 'series-2' }))).resolves.toBeNull();
    await expect(w.open(accepted({ windowId: OTHER_COMPREHENSIVE }))).resolves.toBeNull();
    expect(w.delegatedCases.byId.size).toBe(0);
  });

  it('transfers, decides on the case stream, replies on delivery: three legs, one task', async () => {
    const { w, dc } = await opened();
    const noOpinion = await refusal(w.transfer({ id: dc.id, expectedVersion: 1, preReviewOpinion: ' ' }, zhClerk));
    expect((noOpinion as ValidationError).violations).toEqual([
      expect.objectContaining({ path: 'preReviewOpinion', reason: 'REQUIRED' }),
    ]);
    const notServing = await refusal(
      w.transfer({ id: dc.id, expectedVersion: 1, preReviewOpinion: '材料齐全' }, zhBackup),
    );
    expect(notServing).toBeInstanceOf(ForbiddenError);
    expect(notServing.code).toBe('NOT_WINDOW_RESPONSIBLE');
    expect(
      (await refusal(w.transfer({ id: dc.id, expectedVersion: 1, preReviewOpinion: '材料齐全' }, swjClerk))).code,
    ).toBe('DELEGATED_CASE_NOT_FOUND');
    expect(w.delegatedCases.byId.get(dc.id)!.version).toBe(1);

    w.setNow(new Date('2026-06-05T02:00:00Z'));
    const transferred = await w.transfer(
      { id: dc.id, expectedVersion: 1, preReviewOpinion: '材料齐全，初审通过' },
      zhClerk,
    );
    expect(transferred).toMatchObject({
      state: 'at_department',
      transferredBy: 'zh.clerk',
      preReviewOpinion: '材料齐全，初审通过',
      version: 2,
    });
    expect(transferred.task).toMatchObject({
      kind: 'delegated_decision',
      department: LYJ,
      assignee: 'lyj.lead',
      assignmentBasis: 'window_lead',
      state: 'open',
    });
    const [transfer, department] = transferred.legs;
    expect(transfer).toMatchObject({ state: 'finished', end: 'completed', finishedBy: 'zh.clerk' });
    // What is left of the promised limit (to 2026-06-30) after the reply's one day.
    expect(department).toMatchObject({
      kind: 'delegated_department',
      taskId: transferred.task!.id,
      responsible: 'lyj.lead',
      dueDate: '2026-06-29',
    });
    expect((await refusal(w.transfer({ id: dc.id, expectedVersion: 2, preReviewOpinion: '再转' }, zhClerk))).code).toBe(
      'WRONG_STATE',
    );

    const decided = await w.decide({
      tenant: TENANT,
      caseId: 'case-1',
      outcome: 'denied',
      reasons: ['不符合条件'],
      remedies: [],
      decidedBy: 'lyj.head',
      at: new Date('2026-06-08T02:00:00Z'),
    });
    expect(decided).toMatchObject({
      state: 'replying',
      decision: { outcome: 'denied', source: 'case_stream', decidedBy: 'lyj.head' },
    });
    expect(decided!.task).toMatchObject({ state: 'done', version: 2 });
    expect(decided!.legs.map((l) => [l.kind, l.state])).toEqual([
      ['delegated_transfer', 'finished'],
      ['delegated_department', 'finished'],
      ['delegated_reply', 'running'],
    ]);
    // A second DECIDED (redelivery) changes nothing.
    await expect(
      w.decide({
        tenant: TENANT,
        caseId: 'case-1',
        outcome: 'approved',
        reasons: [],
        remedies: [],
        decidedBy: 'x',
        at: now,
      }),
    ).resolves.toBeNull();

    const replied = await w.reply(TENANT, 'case-1', new Date('2026-06-09T02:00:00Z'));
    expect(replied).toMatchObject({ state: 'replied', repliedAt: new Date('2026-06-09T02:00:00Z') });
    expect(replied!.legs.every((l) => l.state === 'finished' && l.end === 'completed')).toBe(true);
    await expect(w.cancel(TENANT, 'case-1', '申请人已撤回申请', now)).resolves.toBeNull();
    expect(w.delegatedCases.names()).toEqual([
      'DelegatedCaseOpened',
      'LegStarted',
      'DelegatedCaseTransferred',
      'LegFinished',
      'TaskOpened',
      'LegStarted',
      'DelegatedCaseDecided',
      'TaskCompleted',
      'LegFinished',
      'LegStarted',
      'DelegatedCaseReplied',
      'LegFinished',
    ]);

    const rows = await w.statistics({ tenant: '', fromMonth: '2026-06', toMonth: '2026-06', department: '' }, center);
    expect(rows).toEqual([
      expect.objectContaining({
        department: LYJ,
        month: '2026-06',
        accepted: 1,
        transferred: 1,
        decided: 1,
        denied: 1,
        replied: 1,
        transferOnTime: 1,
        departmentOnTime: 1,
        replyOnTime: 1,
        averageTransferWorkingDays: 1,
        averageDepartmentWorkingDays: 1,
        averageReplyWorkingDays: 1,
      }),
      expect.objectContaining({ department: LYJ, month: '', accepted: 1 }),
    ]);
  });

  it('cancels the open legs and task when the case is withdrawn', async () => {
    const { w, dc } = await opened();
    await w.transfer({ id: dc.id, expectedVersion: 1, preReviewOpinion: '初审通过' }, zhClerk);
    const cancelled = await w.cancel(TENANT, 'case-1', '申请人已撤回申请', new Date('2026-06-05T02:00:00Z'));
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      cancelledReason: '申请人已撤回申请',
      task: { state: 'cancelled' },
    });
    expect(cancelled!.legs.map((l) => l.end)).toEqual(['completed', 'cancelled']);
    expect(w.delegatedCases.names().slice(-3)).toEqual(['DelegatedCaseCancelled', 'TaskCancelled', 'LegFinished']);
  });

  it('shows a case to the window, the department and the center only; lists by scope', async () => {
    const { w, dc } = await opened();
    await expect(w.get({ id: dc.id, caseId: '' }, zhBackup)).resolves.toMatchObject({ id: dc.id });
    await expect(w.get({ id: '', caseId: 'case-1' }, lyjHead)).resolves.toMatchObject({ id: dc.id });
    expect((await refusal(w.get({ id: dc.id, caseId: '' }, swjClerk))).code).toBe('DELEGATED_CASE_NOT_FOUND');
    expect((await refusal(w.get({ id: dc.id, caseId: '' }, otherCenter))).code).toBe('DELEGATED_CASE_NOT_FOUND');
    const page = { pageSize: 0, pageToken: '' };
    expect(
      (await w.list({ tenant: '', department: '', windowId: COMPREHENSIVE, states: [], page }, zhClerk)).items,
    ).toHaveLength(1);
    expect((await w.list({ tenant: '', department: '', windowId: '', states: [], page }, lyjLead)).items).toHaveLength(
      1,
    );
    expect(
      (await w.list({ tenant: '', department: '', windowId: '', states: ['replied'], page }, center)).items,
    ).toHaveLength(0);
    expect(
      (await refusal(w.list({ tenant: '', department: LYJ, windowId: '', states: [], page }, swjClerk))).code,
    ).toBe('DEPARTMENT_OUT_OF_SCOPE');
    expect(
      (await refusal(w.list({ tenant: '620302', department: '', windowId: '', states: [], page }, center))).code,
    ).toBe('TENANT_OUT_OF_SCOPE');
  });

  it('checks the statistics period and who may read them', async () => {
    const w = world();
    const bad = await refusal(
      w.statistics({ tenant: '', fromMonth: '2026-6', toMonth: '2028-07', department: '' }, center),
    );
    expect((bad as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([['fromMonth', 'PATTERN']]);
    // Year 0 is no month to count (schemathesis found the 500 it gave).
    const yearZero = await refusal(
      w.statistics({ tenant: '', fromMonth: '0000-01', toMonth: '0000-01', department: '' }, center),
    );
    expect((yearZero as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['fromMonth', 'PATTERN'],
      ['toMonth', 'PATTERN'],
    ]);
    const long = await refusal(
      w.statistics({ tenant: '', fromMonth: '2026-01', toMonth: '2028-01', department: '' }, center),
    );
    expect((long as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([['toMonth', 'OUT_OF_RANGE']]);
    expect(
      (await refusal(w.statistics({ tenant: '', fromMonth: '2026-01', toMonth: '2026-02', department: SWJ }, lyjHead)))
        .code,
    ).toBe('DEPARTMENT_OUT_OF_SCOPE');
    expect(
      (await refusal(w.statistics({ tenant: '', fromMonth: '2026-01', toMonth: '2026-02', department: '' }, zhClerk)))
        .code,
    ).toBe('ROLE_REQUIRED');
    await w.create(create(), center);
    // A department with an agreement in the period and no case: a zero total.
    await expect(
      w.statistics({ tenant: '', fromMonth: '2026-06', toMonth: '2026-06', department: '' }, center),
    ).resolves.toEqual([
      expect.objectContaining({ department: LYJ, month: '', accepted: 0, averageTransferWorkingDays: 0 }),
    ]);
  });
});

describe("the entrusting department's system (DELEGATED_DECISION tasks)", () => {
  const system = (department = LYJ, clientId = 'lyj-system', tenant = TENANT): Principal => ({
    kind: 'service',
    subject: clientId,
    username: `service-account-${clientId}`,
    tenant,
    department,
    roles: ['service'],
    clientId,
  });
  const scopeOf = (p: Principal) => ({
    tenant: p.tenant!,
    department: p.department!,
    account: `service:${p.clientId}`,
  });
  const lyjSystem = system();
  const decision = (taskId: string, expectedVersion: number, over: Record<string, unknown> = {}) => ({
    taskId,
    expectedVersion,
    outcome: 'approved' as const,
    reasons: [],
    remedies: [],
    documentNumber: '永林采〔2026〕8号',
    attachmentIds: [],
    handlerName: '林审批',
    ...over,
  });

  async function transferred() {
    const w = world();
    await w.create(create(), center);
    const dc = (await w.open(accepted()))!.delegatedCase;
    const moved = await w.transfer({ id: dc.id, expectedVersion: 1, preReviewOpinion: '初审通过' }, zhClerk);
    return { w, dc: moved, task: moved.task! };
  }

  it('lists the open task with the whole case as its dossier, claims it and decides it through the cases service', async () => {
    const { w, dc, task } = await transferred();
    const listed = await w.systemTasks.list(scopeOf(lyjSystem), ['open', 'claimed']);
    expect(listed.map((l) => l.task.id)).toEqual([task.id]);
    const dossier = await listed[0]!.dossier();
    expect(dossier).toMatchObject({ caseId: 'case-1', formData: '{"area":"3亩"}', results: [task] });
    expect(dossier.materials[0]!.files.map((f) => f.id)).toEqual(['f-1']);
    expect(await w.systemTasks.list(scopeOf(system(SWJ, 'swj-system')), ['open'])).toEqual([]);

    const claimed = await w.systemTasks.claim(
      { taskId: task.id, expectedVersion: 1, handlerName: '林审批' },
      scopeOf(lyjSystem),
      lyjSystem,
    );
    expect(claimed).toMatchObject({ state: 'claimed', assignee: 'service:lyj-system', claimHandlerName: '林审批' });
    expect(w.delegatedCases.byId.get(dc.id)!.legs[1]).toMatchObject({ responsible: 'service:lyj-system' });

    w.attachments.given('att-1', 'service:lyj-system', TENANT, '准予许可决定书.pdf');
    const done = await w.systemTasks.decide(
      decision(task.id, 2, { attachmentIds: ['att-1'] }),
      scopeOf(lyjSystem),
      lyjSystem,
    );
    expect(done).toMatchObject({
      state: 'done',
      decision: {
        outcome: 'approved',
        source: 'department_system',
        handlerName: '林审批',
        documentNumber: '永林采〔2026〕8号',
        decidedBy: 'service:lyj-system',
        attachments: [expect.objectContaining({ id: 'att-1' })],
      },
    });
    expect(w.caseService).toMatchObject({ status: 'approved', decision: { decidedBy: 'service:lyj-system' } });
    const stored = w.delegatedCases.byId.get(dc.id)!;
    expect(stored.state).toBe('replying');
    expect(stored.legs.map((l) => [l.kind, l.state])).toEqual([
      ['delegated_transfer', 'finished'],
      ['delegated_department', 'finished'],
      ['delegated_reply', 'running'],
    ]);
    // The file of the decision and a material's file, by the task.
    await expect(w.systemTasks.file!(task.id, 'att-1', scopeOf(lyjSystem))).resolves.toMatchObject({
      fileName: '准予许可决定书.pdf',
    });
    await expect(w.systemTasks.file!(task.id, 'f-1', scopeOf(lyjSystem))).resolves.toMatchObject({
      fileName: '林权证.pdf',
      content: Buffer.from('bytes of f-1'),
    });
    expect((await refusal(w.systemTasks.file!(task.id, 'f-x', scopeOf(lyjSystem)))).code).toBe('FILE_NOT_FOUND');
    // The case stream's DECIDED that follows changes nothing; a retry of the decision answers the task.
    await expect(
      w.decide({
        tenant: TENANT,
        caseId: 'case-1',
        outcome: 'approved',
        reasons: [],
        remedies: [],
        decidedBy: 'service:lyj-system',
        at: now,
      }),
    ).resolves.toBeNull();
    await expect(w.systemTasks.decide(decision(task.id, 2), scopeOf(lyjSystem), lyjSystem)).resolves.toEqual(done);
  });

  it("shows the task in the department's lists and its window lead's own, not in another department's", async () => {
    const { w, task } = await transferred();
    const lists = { reviews: new InMemoryJointReviews(), decisions: [w.systemTasks] };
    const page = { pageSize: 20, pageToken: '' };
    const department = await listTasksUseCase(lists)(
      { tenant: '', department: '', states: [], dueBy: '', page },
      lyjHead,
    );
    expect(department.items.map((t) => [t.id, t.kind])).toEqual([[task.id, 'delegated_decision']]);
    expect(department.totalSize).toBe(1);
    const dueEarlier = await listTasksUseCase(lists)(
      { tenant: '', department: '', states: [], dueBy: '2026-06-05', page },
      lyjHead,
    );
    expect(dueEarlier.items).toEqual([]);
    const mine = await listMyTasksUseCase(lists)({ states: [], page }, lyjLead);
    expect(mine.items.map((t) => t.id)).toEqual([task.id]);
    expect((await listMyTasksUseCase(lists)({ states: [], page }, swjClerk)).items).toEqual([]);
    expect((await listMyTasksUseCase(lists)({ states: [], kind: 'co_review', page }, lyjLead)).items).toEqual([]);
  });

  it('refuses a decision before the claim, with bad fields, by another system or once the case moved on', async () => {
    const { w, dc, task } = await transferred();
    expect((await refusal(w.systemTasks.decide(decision(task.id, 1), scopeOf(lyjSystem), lyjSystem))).code).toBe(
      'NOT_ASSIGNEE',
    );
    const other = system(SWJ, 'swj-system');
    expect(
      (
        await refusal(
          w.systemTasks.claim({ taskId: task.id, expectedVersion: 1, handlerName: 'x' }, scopeOf(other), other),
        )
      ).code,
    ).toBe('TASK_NOT_FOUND');
    const otherTenant = system(LYJ, 'jc-system', '620302');
    expect((await refusal(w.systemTasks.decide(decision(task.id, 1), scopeOf(otherTenant), otherTenant))).code).toBe(
      'TASK_NOT_FOUND',
    );
    await w.systemTasks.claim(
      { taskId: task.id, expectedVersion: 1, handlerName: '林审批' },
      scopeOf(lyjSystem),
      lyjSystem,
    );
    const bad = await refusal(
      w.systemTasks.decide(decision(task.id, 2, { outcome: 'denied', reasons: [] }), scopeOf(lyjSystem), lyjSystem),
    );
    expect((bad as ValidationError).violations).toEqual([
      expect.objectContaining({ path: 'reasons', reason: 'REQUIRED' }),
    ]);
    expect((await refusal(w.systemTasks.decide(decision(task.id, 1), scopeOf(lyjSystem), lyjSystem))).code).toBe(
      'CONCURRENT_MODIFICATION',
    );
    expect(w.caseService.status).toBe('processing');
    // The approver decided in the workbench meanwhile: the cases service refuses, nothing is recorded here.
    w.caseService.status = 'completed';
    expect((await refusal(w.systemTasks.decide(decision(task.id, 2), scopeOf(lyjSystem), lyjSystem))).code).toBe(
      'CASE_NOT_PROCESSING',
    );
    expect(w.delegatedCases.byId.get(dc.id)).toMatchObject({ state: 'at_department', version: 3 });
  });

  it('gives the details to a decision the case stream recorded first', async () => {
    const { w, task } = await transferred();
    await w.systemTasks.claim(
      { taskId: task.id, expectedVersion: 1, handlerName: '林审批' },
      scopeOf(lyjSystem),
      lyjSystem,
    );
    // The case stream's DECIDED of this very decision is recorded before the cases service's answer arrives.
    let onStream: unknown;
    w.caseService.meanwhile = async () =>
      (onStream = await w.decide({
        tenant: TENANT,
        caseId: 'case-1',
        outcome: 'denied',
        reasons: ['采伐区位于生态保护红线内'],
        remedies: [],
        decidedBy: 'service:lyj-system',
        at: now,
      }));
    const done = await w.systemTasks.decide(
      decision(task.id, 2, { outcome: 'denied', reasons: ['采伐区位于生态保护红线内'] }),
      scopeOf(lyjSystem),
      lyjSystem,
    );
    expect(onStream).toMatchObject({ state: 'replying', decision: { source: 'case_stream' } });
    expect(done.decision).toMatchObject({ source: 'department_system', handlerName: '林审批', outcome: 'denied' });
    expect(w.delegatedCases.byId.get(done.aggregateId)!.decision).toEqual(done.decision);
  });
});
