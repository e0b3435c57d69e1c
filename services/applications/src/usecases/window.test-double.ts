import { createAuthorizer, type Principal } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import { formDataViolations, parseFormData } from '@govhall/content';
import type { Case, CaseDocument, DocumentKind } from '../domain/case';
import type { CaseEvent } from '../domain/case-events';
import { draftCase } from '../domain/case.test-double';
import type { Edition } from '../domain/edition';
import { InMemoryCaseQueries } from './in-memory-case-queries.test-double';
import type { CaseCore } from './deps';
import type { DocumentDetails } from './ports';
import type { FoundApplicant, HallWindow, WindowPorts, WindowResponsibility } from './window.ports';

// Unit-test fakes of the core and the window's ports (integration tests use the real store, identity and catalogue).

export const ITEM_ID = '5a1e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b';
export const WINDOW_ID = '9c1e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b';

export function edition(overrides: Partial<Edition> = {}): Edition {
  return {
    id: ITEM_ID,
    tenant: '620321',
    name: '食品经营许可',
    basicCode: '000172029000',
    edition: 1,
    status: 'published',
    handlingCategory: 'promised',
    department: '620321-SCJG',
    serviceObject: 'both',
    materials: [
      {
        id: 'm-licence',
        name: '营业执照',
        required: true,
        condition: '',
        form: 'copy',
        formats: ['pdf'],
        maxSizeKb: 2048,
        satisfiedByLicenceType: '',
      },
    ],
    formSchema: JSON.stringify({
      type: 'object',
      required: ['shopName'],
      properties: { shopName: { type: 'string', title: '店铺名称', minLength: 2 }, area: { type: 'number' } },
    }),
    rules: [],
    statutoryLimit: { days: 20, unit: 'working_day' },
    promisedLimit: { days: 10, unit: 'working_day' },
    visits: 0,
    workflow: [
      { name: '受理', role: 'window_clerk', budgetWorkingDays: 1, responsibleName: '张窗口' },
      { name: '审查', role: 'reviewer', budgetWorkingDays: 5, responsibleName: '李审查' },
      { name: '决定', role: 'approver', budgetWorkingDays: 4, responsibleName: '王决定' },
    ],
    deliveryOptions: ['window_pickup'],
    coDepartments: [],
    departmentName: '永昌县市场监督管理局',
    tenantName: '永昌县',
    hasFees: false,
    ...overrides,
  };
}

export function staff(
  username: string,
  roles: Principal['roles'] = ['window_clerk'],
  department = '620321-SCJG',
  tenant = '620321',
): Principal {
  return {
    kind: 'user',
    subject: `sub-${username}`,
    username,
    tenant,
    roles,
    department,
    clientId: 'govhall-workbench',
  };
}

export const CLERK = staff('yc-clerk-a');

/** A case at the clerk's window, received on Monday 2026-03-02, in PRE_REVIEW. */
export function caseAtWindow(overrides: Partial<Case> = {}): Case {
  return draftCase({
    status: 'pre_review',
    channel: 'counter',
    caseNumber: '6203212026030200001',
    windowId: WINDOW_ID,
    clocks: { receivedDate: '2026-03-02', acceptedDate: '', noticeDueDate: '2026-03-02' },
    submittedAt: new Date('2026-03-02T02:00:00Z'),
    materials: [{ materialId: 'm-licence', name: '营业执照', required: true, files: [] }],
    ...overrides,
  });
}

export function windowSetup(options: { edition?: Partial<Edition>; now?: string } = {}) {
  const stored = new Map<string, Case>();
  const keys = new Map<string, string>();
  const events: CaseEvent[] = [];
  const documents: { kind: DocumentKind; details?: DocumentDetails; caseStatus: string }[] = [];
  const denials: object[] = [];
  let now = new Date(options.now ?? '2026-03-02T03:00:00Z');
  let docs = 0;
  let ids = 0;
  let seq = 0;
  const theEdition = edition(options.edition);
  const window: HallWindow = {
    id: WINDOW_ID,
    tenant: '620321',
    number: 'A03',
    name: '市场监管窗口',
    department: '620321-SCJG',
    servesDepartments: ['620321-SCJG'],
  };
  /** Who serves the window today (A post by default). */
  const responsibility: { value: WindowResponsibility } = {
    value: { window, date: '', username: CLERK.username, displayName: '张窗口', basis: 'a_post' },
  };
  const registered = new Map<string, FoundApplicant>();
  const settings = { counterNoticeWorkingDays: 0, hallClosesAt: '17:00' };

  const core: CaseCore = {
    queries: new InMemoryCaseQueries([]),
    cases: {
      async insert(c, evs, key) {
        const k = `${c.createdBy}/${key}`;
        const existing = keys.get(k);
        if (existing) return { case: structuredClone(stored.get(existing)!), created: false };
        keys.set(k, c.id);
        stored.set(c.id, structuredClone(c));
        events.push(...evs);
        return { case: structuredClone(c), created: true };
      },
      async findById(id) {
        return structuredClone(stored.get(id) ?? null);
      },
      async findByCaseNumber(n) {
        return structuredClone([...stored.values()].find((c) => c.caseNumber === n) ?? null);
      },
      async save(next, expectedVersion, evs) {
        if (stored.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
        const s = { ...next, version: expectedVersion + 1 };
        stored.set(next.id, structuredClone(s));
        events.push(...evs);
        return structuredClone(s);
      },
    },
    caseNumbers: {
      next: async (tenant, date) => `${tenant}${date.replaceAll('-', '')}${String(++seq).padStart(5, '0')}`,
    },
    editions: { get: async () => structuredClone(theEdition), current: async () => structuredClone(theEdition) },
    calendars: { forTenant: async () => createWorkingCalendar() },
    documents: {
      async issue(c, kind, issuedBy, details): Promise<CaseDocument> {
        documents.push({ kind, details, caseStatus: c.status });
        return { id: `doc-${++docs}`, kind, number: `N${docs}`, issuedAt: now, issuedBy, sha256: '' };
      },
      get: async () => null,
    },
    clock: { now: () => new Date(now) },
    ids: { newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` },
    authorizer: createAuthorizer({ warn: (obj) => denials.push(obj) }),
    hostedTenants: [],
  };
  const ports: WindowPorts = {
    windows: {
      responsible: async (id) => (id === WINDOW_ID ? structuredClone(responsibility.value) : null),
      windowsOf: async () => [window],
      parentTenant: async (t) => (t === '620321' ? '620300' : ''),
    },
    applicants: { find: async (_tenant, code) => structuredClone(registered.get(code.toUpperCase()) ?? null) },
    forms: {
      validate(schema, formData) {
        const parsed = parseFormData(formData);
        return parsed.ok ? formDataViolations(schema, parsed.value) : [parsed.violation];
      },
    },
    settings: {
      counterNoticeWorkingDays: async () => settings.counterNoticeWorkingDays,
      hallHours: async () => ({ closesAt: settings.hallClosesAt }),
    },
    deemedQueue: {
      dueOn: async (day, limit) =>
        [...stored.values()]
          .filter((c) => c.status === 'pre_review' && c.channel === 'online' && c.clocks.noticeDueDate === day)
          .slice(0, limit),
      overdue: async (today, limit) =>
        [...stored.values()]
          .filter((c) => c.status === 'pre_review' && c.channel === 'online' && c.clocks.noticeDueDate < today)
          .slice(0, limit),
    },
  };
  const put = (c: Case) => {
    stored.set(c.id, structuredClone(c));
    return c;
  };
  return {
    deps: { ...core, ...ports },
    core,
    ports,
    stored,
    events,
    documents,
    denials,
    registered,
    settings,
    responsibility,
    edition: theEdition,
    put,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}
