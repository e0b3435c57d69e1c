/* In-memory ports for the handling and licence use cases' unit tests (fakes live only in unit tests). */
import { createAuthorizer, type Principal, type Role } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import type { Case, CaseDocument, CaseStep } from '../domain/case';
import type { CaseEvent } from '../domain/case-events';
import { draftCase } from '../domain/case.test-double';
import type { Edition } from '../domain/edition';
import type { Licence } from '../domain/licence';
import type { HandlingDeps } from './handling.deps';
import type { DocumentDetails } from './ports';

export const TENANT = '620321';
export const DEPARTMENT = '620321-SCJG';

/** A member of staff of 永昌县市场监管局 (or another department) with the given role. */
export function staff(role: Role, overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    subject: `subject-${role}`,
    username: `yc-${role.replace('_', '-')}`,
    tenant: TENANT,
    roles: [role],
    department: DEPARTMENT,
    clientId: 'govhall-workbench',
    ...overrides,
  };
}

/** 张三, the applicant of draftCase(). */
export const APPLICANT: Principal = {
  kind: 'user',
  subject: 'subject-zhangsan',
  username: '62032119900307123X',
  tenant: TENANT,
  roles: ['applicant'],
  clientId: 'govhall-portal',
};

/** The seeded 食品经营许可 edition's parts the handling acts read. */
/** The joint-review service's center account of the tenant (role `service`, no department; ADR 0053). */
export const JOINT_SERVICE: Principal = {
  kind: 'service',
  subject: 'svc-joint',
  username: 'service-account-govhall-joint-review',
  tenant: TENANT,
  roles: ['service'],
  clientId: 'govhall-joint-review',
};

export function edition(overrides: Partial<Edition> = {}): Edition {
  return {
    id: '5a1e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b',
    tenant: TENANT,
    name: '食品经营许可',
    basicCode: '000172029000',
    edition: 1,
    status: 'published',
    handlingCategory: 'promised',
    department: DEPARTMENT,
    serviceObject: 'both',
    materials: [
      {
        id: 'business-licence',
        name: '营业执照',
        required: true,
        condition: '',
        form: 'copy',
        formats: ['pdf'],
        maxSizeKb: 10240,
        satisfiedByLicenceType: '000117001000',
      },
      {
        id: 'floor-plan',
        name: '经营场所平面图',
        required: true,
        condition: '',
        form: 'original',
        formats: ['pdf'],
        maxSizeKb: 10240,
        satisfiedByLicenceType: '',
      },
    ],
    formSchema: '',
    rules: [],
    statutoryLimit: { days: 20, unit: 'working_day' },
    promisedLimit: { days: 10, unit: 'working_day' },
    visits: 1,
    workflow: [
      { name: '受理', role: 'window_clerk', budgetWorkingDays: 1, responsibleName: '李受理' },
      { name: '审查', role: 'reviewer', budgetWorkingDays: 4, responsibleName: '王审查' },
      { name: '决定', role: 'approver', budgetWorkingDays: 2, responsibleName: '赵决定' },
      { name: '制证', role: 'window_clerk', budgetWorkingDays: 2, responsibleName: '李受理' },
      { name: '送达', role: 'window_clerk', budgetWorkingDays: 1, responsibleName: '李受理' },
    ],
    deliveryOptions: ['window_pickup', 'post', 'electronic'],
    coDepartments: [],
    departmentName: '永昌县市场监督管理局',
    tenantName: '永昌县',
    hasFees: false,
    ...overrides,
  };
}

/**
 * A promised case accepted on Monday 2026-09-21 (what AcceptCase leaves: 受理 done, 审查 active, the promised limit
 * of 10 and the statutory 20 working days counted from acceptance).
 */
export function acceptedCase(overrides: Partial<Case> = {}): Case {
  const at = new Date('2026-09-21T02:00:00Z');
  const step = (index: number, name: string, role: string, budget: number, state: CaseStep['state']): CaseStep => ({
    index,
    name,
    role,
    budgetWorkingDays: budget,
    department: DEPARTMENT,
    state,
    dueDate: state === 'active' ? '2026-09-28' : '', // 审查: 4 working days after 09-21
    handledBy: state === 'done' ? 'yc-window-clerk' : '',
    opinion: state === 'done' ? '材料齐全，予以受理' : '',
    ...(state !== 'pending' ? { startedAt: at } : {}),
    ...(state === 'done' ? { finishedAt: at } : {}),
  });
  const deadline = (limit: number, due: string) => ({
    dueDate: due,
    startDate: '2026-09-21',
    limitWorkingDays: limit,
    extensionWorkingDays: 0,
    suspendedWorkingDays: 0,
    provisional: false,
    skipped: [],
    explanation: `自2026-09-21起算${limit}个工作日`,
  });
  return draftCase({
    caseNumber: '620321202609210001',
    status: 'processing',
    version: 5,
    windowId: 'w-1',
    clocks: {
      receivedDate: '2026-09-18',
      acceptedDate: '2026-09-21',
      noticeDueDate: '2026-09-25',
      // 10 working days after 2026-09-21: 22-24, (25 中秋节), 28-30, (10-01..07 国庆节), 10-08, 10-09, 10-10 (调休
      // Saturday), 10-12. Twenty: ten more to 10-26.
      promised: deadline(10, '2026-10-12'),
      statutory: deadline(20, '2026-10-26'),
    },
    steps: [
      step(0, '受理', 'window_clerk', 1, 'done'),
      step(1, '审查', 'reviewer', 4, 'active'),
      step(2, '决定', 'approver', 2, 'pending'),
      step(3, '制证', 'window_clerk', 2, 'pending'),
      step(4, '送达', 'window_clerk', 1, 'pending'),
    ],
    submittedAt: new Date('2026-09-18T02:00:00Z'),
    ...overrides,
  });
}

/** The stores and services behind the ports, in memory, with what each recorded. */
export class HandlingWorld {
  cases = new Map<string, Case>();
  events: CaseEvent[] = [];
  documents: { caseId: string; kind: string; details: DocumentDetails; document: CaseDocument }[] = [];
  licences: Licence[] = [];
  now = new Date('2026-09-21T03:00:00Z');
  centerReview = true;
  acting = new Map<string, { allowed: boolean; reason: string; message: string }>();
  editionOf: Edition = edition();
  seq = 0;
  counters = new Map<string, number>();

  put(c: Case): Case {
    this.cases.set(c.id, c);
    return c;
  }

  /** Beijing date-time → the clock. */
  at(iso: string): void {
    this.now = new Date(iso);
  }

  get(id: string): Case {
    return this.cases.get(id)!;
  }

  deps(): HandlingDeps {
    return depsOf(this);
  }
}

function depsOf(world: HandlingWorld): HandlingDeps {
  return {
    cases: {
      insert: () => Promise.reject(new Error('not used')),
      findById: async (id) => world.cases.get(id) ?? null,
      findByCaseNumber: async (n) => [...world.cases.values()].find((c) => c.caseNumber === n) ?? null,
      save: async (next, expectedVersion, events) => {
        if (world.cases.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
        const stored = { ...next, version: expectedVersion + 1 };
        world.cases.set(next.id, stored);
        world.events.push(...events.map((e) => ({ ...e, case: stored })));
        return stored;
      },
    },
    queries: {
      listMine: () => Promise.reject(new Error('not used')),
      listQueue: () => Promise.reject(new Error('not used')),
      ledger: () => Promise.reject(new Error('not used')),
    },
    caseNumbers: { next: () => Promise.reject(new Error('not used')) },
    editions: { get: async () => world.editionOf, current: async () => world.editionOf },
    calendars: { forTenant: async () => createWorkingCalendar() },
    documents: {
      issue: async (c, kind, issuedBy, details = {}) => {
        const document: CaseDocument = {
          id: `doc-${++world.seq}`,
          kind,
          number: `永昌县政务服务中心〔2026〕${world.seq}号`,
          issuedAt: world.now,
          issuedBy,
          sha256: '',
        };
        world.documents.push({ caseId: c.id, kind, details, document });
        return document;
      },
      get: async (caseId, documentId) => {
        const d = world.documents.find((x) => x.caseId === caseId && x.document.id === documentId);
        return d ? { document: d.document, pdf: Buffer.alloc(0), fileName: 'x.pdf' } : null;
      },
    },
    clock: { now: () => world.now },
    ids: { newId: () => `id-${++world.seq}` },
    authorizer: createAuthorizer({ warn: () => undefined }),
    hostedTenants: [],
    licences: {
      nextSequence: async (tenant, code, year) => {
        const key = `${tenant}-${code}-${year}`;
        world.counters.set(key, (world.counters.get(key) ?? 0) + 1);
        return world.counters.get(key)!;
      },
      insertForCase: async (l) => {
        const existing = world.licences.find((x) => x.caseId === l.caseId);
        if (existing) return existing;
        world.licences.push(l);
        return l;
      },
      findByCase: async (caseId) => world.licences.find((l) => l.caseId === caseId) ?? null,
      findByNumber: async (n) => world.licences.find((l) => l.licenceNumber === n) ?? null,
      findByVerificationCode: async (code) => world.licences.find((l) => l.verificationCode === code) ?? null,
      departmentsOfHolder: async (personId) => [
        ...new Set(world.licences.filter((l) => l.holderPersonId === personId).map((l) => l.issuingDepartment)),
      ],
      listByHolder: async (holder, page) => {
        const all = world.licences.filter((l) =>
          'subject' in holder
            ? l.holderSubject === holder.subject
            : l.holderPersonId === holder.personId && holder.departments.includes(l.issuingDepartment),
        );
        return { licences: all.slice(page.offset, page.offset + page.limit), total: all.length };
      },
    },
    codes: {
      verificationCode: () => `7K3M9Q2XJ8${String(++world.seq % 100).padStart(2, '0')}`.replace(/[ILOU]/g, '0'),
      pickupCode: () => '482916',
    },
    settings: { extensionCenterReview: async () => world.centerReview },
    acting: {
      checkActing: async (_authorization, { legalPersonId, department }) => ({
        grantId: '',
        ...(world.acting.get(`${legalPersonId}/${department}`) ?? {
          allowed: false,
          reason: 'NO_GRANT',
          message: '您未获得该单位的经办授权，不能以该单位名义办理',
        }),
      }),
    },
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
