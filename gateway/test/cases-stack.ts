import { randomInt } from 'node:crypto';
import { createWorkingCalendar, type WorkingCalendar } from '@govhall/calendar';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  newCreditCode,
  newResidentIdNumber,
  startGroupAtTopicEnd,
  startMailServer,
  uniqueSuffix,
  userToken,
  waitFor,
  type MailServerUnderTest,
} from '@govhall/testing';
import { startCatalogueStack, type CatalogueStack } from './catalogue-stack';
import { apiClient, expectProblem, unique, type Reply } from './e2e-http';

/*
 * The cases service end to end: identity (tenancy seed), the catalogue with the published seed catalogue, the
 * applications service and a gateway, each its own process (startCatalogueStack), plus what every cases test file
 * needs, all made through the gateway's public routes as the portal and the workbench make them: staff of
 * 永昌县市场监督管理局 created by yc-admin, its window with the clerk at the A post, registered applicants, the seed's
 * items read from the public catalogue, real uploads, and the service's test-only clock (CLOCK_FILE).
 */

export const YC = '620321';
export const SCJG = `${YC}-SCJG`;
export const PASSWORD = 'Cases2026x';

/** The realm's 620321 service account: the cases service asks identity with it who serves a window (ADR 0023). */
const SERVICE_CLIENT = { SERVICE_CLIENT_ID: 'govhall-dept-demo', SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret' };

/** Small real files: a PDF, a 1×1 PNG, and a Windows executable (refused whatever its name says). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(300, 0)]);

export type Staff = 'clerk' | 'clerkB' | 'reviewer' | 'approver' | 'head' | 'otherDepartment' | 'otherTenant';

/** A published seed item as the public catalogue answers it. */
export interface PublishedItem {
  id: string;
  name: string;
  basicCode: string;
  version: number;
  content: Record<string, any>;
}

export interface Applicant {
  personId: string;
  name: string;
  idNumber: string;
  token(): Promise<string>;
}

export interface CasesWorld {
  stack: CatalogueStack;
  /** `/api/v1` + path through the gateway, JSON in and out. */
  api: (method: string, path: string, options?: Parameters<ReturnType<typeof apiClient>>[2]) => Promise<Reply>;
  mail?: MailServerUnderTest;
  /** Moves the cases service's "now" (CLOCK_FILE); no argument: the real time again. */
  setClock(iso?: string): void;
  login: Record<Staff, string>;
  staffId: Record<Staff, string>;
  token(who: Staff | 'admin'): Promise<string>;
  windowId: string;
  /** The seed's 食品经营许可 (promised, SCJG) and 个体工商户设立登记 (immediate, SCJG) of 永昌县. */
  food: PublishedItem;
  soleTrader: PublishedItem;
  newApplicant(name?: string): Promise<Applicant>;
  /** 永昌县's working calendar as the cases service counts it: @govhall/calendar plus the tenant's overrides. */
  calendar(years: number[]): Promise<WorkingCalendar>;
  stop(): Promise<void>;
}

/** Tokens reused for a minute (each test act would otherwise log in again). */
function tokenCache(password: string) {
  const cache = new Map<string, { token: Promise<string>; until: number }>();
  return (username: string, pw = password) => {
    const hit = cache.get(username);
    if (hit && hit.until > Date.now()) return hit.token;
    const token = userToken(username, { password: pw });
    cache.set(username, { token, until: Date.now() + 60_000 });
    token.catch(() => cache.delete(username));
    return token;
  };
}

const mobile = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;

export interface CasesWorldOptions {
  /** Start a private Mailpit and send the service's notifications to it. */
  mail?: boolean;
  /** Extra variables of the cases service. */
  env?: Record<string, string>;
  /** Also start supervision behind the gateway (startCatalogueStack's `supervision`), with these extra variables. */
  supervision?: { env?: Record<string, string> };
  /** Also start the complaints service (ratings) behind the gateway (startCatalogueStack's `complaints`). */
  complaints?: { env?: Record<string, string> };
  /** The window's number (default E10-E99): A01 is the one the realm's rating device ycx-rating-a01 serves. */
  windowNumber?: string;
}

export async function startCasesWorld(options: CasesWorldOptions = {}): Promise<CasesWorld> {
  const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-cases-clock-'));
  const clockFile = path.join(clockDir, 'now');
  writeFileSync(clockFile, '');
  const mail = options.mail ? await startMailServer() : undefined;
  // The notifier's own consumer group (another run's notifier must not take this run's partitions), starting at the
  // end of the shared case topic: a new group would first read every earlier run's transitions.
  const notifierGroup = `applications-notifier-e2e-${uniqueSuffix()}`;
  await startGroupAtTopicEnd(notifierGroup, [
    // The cases service's notifier topics (NOTIFIER_TOPICS of its notify-on-case.consumer.ts; the gateway's code may
    // not import a service's).
    'govhall.applications.case',
    'govhall.complaints.rectification',
  ]);
  let stack: CatalogueStack;
  try {
    stack = await startCatalogueStack({
      applications: {
        env: {
          ...SERVICE_CLIENT,
          CLOCK_FILE: clockFile,
          DEEMED_ACCEPTANCE_SWEEP_MS: '300',
          NOTIFIER_GROUP_ID: notifierGroup,
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(mail?.smtpPort ?? 1),
          PUBLIC_URL: 'http://127.0.0.1:3000',
          ...options.env,
        },
      },
      // Documents are rendered (PDF with Chinese fonts) inside the acts: on a loaded 2-core machine that takes longer
      // than the gateway's default 5 s deadline; nor may load turn requests into 503 OVERLOADED.
      gateway: { env: { GRPC_DEADLINE_MS: '30000', OVERLOAD_EVENT_LOOP_DELAY_MS: '0' } },
      ...(options.supervision ? { supervision: options.supervision } : {}),
      ...(options.complaints ? { complaints: options.complaints } : {}),
    });
  } catch (e) {
    await mail?.stop();
    throw e;
  }
  const api = apiClient(() => `${stack.gatewayUrl}/api/v1`);
  const tokens = tokenCache(PASSWORD);
  const admin = () => userToken('yc-admin');

  const suffix = uniqueSuffix().slice(-6);
  const login = {} as Record<Staff, string>;
  const staffId = {} as Record<Staff, string>;
  const staff: [Staff, string, string, string][] = [
    ['clerk', 'window_clerk', SCJG, 'yc-admin'],
    ['clerkB', 'window_clerk', SCJG, 'yc-admin'],
    ['reviewer', 'reviewer', SCJG, 'yc-admin'],
    ['approver', 'approver', SCJG, 'yc-admin'],
    ['head', 'department_head', SCJG, 'yc-admin'],
    ['otherDepartment', 'window_clerk', `${YC}-RSJ`, 'yc-admin'],
    ['otherTenant', 'window_clerk', '620302-SCJG', 'jc-admin'],
  ];
  // Created together: each is a Keycloak user and an identity record, independent of the others. Each administrator
  // logs in once, first: Keycloak refuses all but one of simultaneous password grants of one user (400 "Invalid user
  // credentials"), so tokens of one login are never requested concurrently.
  const adminTokens: Record<string, string> = {};
  for (const by of new Set(staff.map(([, , , by]) => by))) adminTokens[by] = await userToken(by);
  const createStaff = async ([who, role, department, by]: (typeof staff)[number]) => {
    const username = `c${suffix}-${who.toLowerCase()}`;
    const created = await api('POST', '/identity/staff', {
      token: adminTokens[by],
      body: {
        tenant: department.slice(0, 6),
        department,
        username,
        displayName: '办件测试人员',
        phone: mobile(),
        roles: [role],
        initialPassword: PASSWORD,
        permanentPassword: true,
      },
    });
    if (created.status !== 201) throw new Error(`staff ${who}: ${created.status} ${JSON.stringify(created.body)}`);
    login[who] = username;
    staffId[who] = created.body.id;
  };
  await Promise.all(staff.map(createStaff));

  const window = await api('POST', `/identity/tenants/${YC}/windows`, {
    token: await admin(),
    body: {
      number: options.windowNumber ?? `E${randomInt(10, 99)}`,
      name: '市场监管综合受理窗口',
      kind: 'department',
      department: SCJG,
      servesDepartments: [SCJG],
      aPostStaffId: staffId.clerk,
      bPostStaffId: staffId.clerkB,
      location: '政务服务中心一楼',
    },
  });
  if (window.status !== 201) throw new Error(`window: ${window.status} ${JSON.stringify(window.body)}`);

  const published = async (name: string): Promise<PublishedItem> => {
    const hits = await api('GET', `/catalogue/search?${new URLSearchParams({ tenant: YC, q: name })}`);
    const hit = (hits.body.items as { id: string; name: string }[]).find((i) => i.name === name);
    if (!hit) throw new Error(`${name} is not in the published catalogue`);
    return (await api('GET', `/catalogue/published/${hit.id}`)).body as PublishedItem;
  };

  const world: CasesWorld = {
    stack,
    api,
    mail,
    setClock: (iso) => writeFileSync(clockFile, iso ?? ''),
    login,
    staffId,
    token: (who) => (who === 'admin' ? admin() : tokens(login[who])),
    windowId: window.body.id,
    food: await published('食品经营许可'),
    soleTrader: await published('个体工商户设立登记'),
    async newApplicant(name = '王测试') {
      const idNumber = newResidentIdNumber(YC);
      const registered = await api('POST', '/identity/natural-persons', {
        body: { tenant: YC, name, idNumber, phone: mobile(), password: PASSWORD },
      });
      if (registered.status !== 201) {
        throw new Error(`applicant: ${registered.status} ${JSON.stringify(registered.body)}`);
      }
      return { personId: registered.body.id, name, idNumber, token: () => tokens(idNumber) };
    },
    async calendar(years) {
      const overrides = [];
      for (const year of years) {
        const reply = await api('GET', `/catalogue/calendars/${YC}/${year}`);
        for (const o of reply.body.overrides as { date: string; working: boolean; reason: string }[]) {
          overrides.push({
            date: o.date,
            kind: o.working ? ('workday' as const) : ('holiday' as const),
            reason: o.reason,
          });
        }
      }
      return createWorkingCalendar({ overrides });
    },
    async stop() {
      await stack.stop();
      await mail?.stop();
      rmSync(clockDir, { recursive: true, force: true });
    },
  };
  return world;
}

/* --- The declaration and the window's acts, as the portal and the workbench send them --- */

/** The 食品经营许可 application form, valid against the seed's schema and rules (the representative's own ID). */
export function foodForm(representative: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) {
  return {
    operator: {
      name: '永昌县端到端测试便利店',
      creditCode: newCreditCode(YC),
      legalRepresentative: representative.name,
      phone: '13909351234',
      address: '永昌县城关镇北海子路1号',
    },
    legalRepresentative: { name: representative.name, idNumber: representative.idNumber, phone: '13909351234' },
    premises: { address: '永昌县城关镇北海子路1号', area: 36.5 },
    business: { mainType: '食品销售经营者', items: ['散装食品销售'], foodSafetyManager: '李管理' },
    ...overrides,
  };
}

/** The 个体工商户设立登记 form of an operator registering themself. */
export function soleTraderForm(operator: { name: string; idNumber: string }) {
  return {
    operator: { name: operator.name, idNumber: operator.idNumber, phone: '13909351234' },
    business: {
      name: '永昌县端到端小吃店',
      organizationForm: '个人经营',
      scope: '小吃服务',
      premises: '永昌县城关镇东大街8号',
      capital: 5,
      employees: 2,
    },
  };
}

/** The food licence's materials, one file each (PDF, or PNG where images are taken). */
export const FOOD_FILES: [materialId: string, fileName: string, bytes: Buffer][] = [
  ['application-form', '食品经营许可申请书.pdf', PDF],
  ['business-licence', '营业执照.pdf', PDF],
  ['legal-rep-id', '法定代表人身份证.png', PNG],
  ['premises-layout', '经营布局.png', PNG],
  ['food-safety-rules', '食品安全规章制度目录.pdf', PDF],
];

export const SOLE_TRADER_FILES: [string, string, Buffer][] = [
  ['application-form', '个体工商户登记申请书.pdf', PDF],
  ['operator-id', '经营者身份证.png', PNG],
  ['premises-proof', '租赁合同.pdf', PDF],
];

/** A case as the gateway answers it (REST JSON, `Case` of gateway/README.md). */
export type RestCase = any;

export interface CaseActs {
  /** GET /cases/{id} as `token`. */
  get(id: string, token: string): Promise<RestCase>;
  /** POST /cases/{id}/<act> with the case's current version; expects 200 and answers the case. */
  act(id: string, act: string, token: string, body?: Record<string, unknown>): Promise<RestCase>;
  /** POST /cases/{id}/<act> as sent; the raw answer. */
  attempt(id: string, act: string, token: string, body: Record<string, unknown>): Promise<Reply>;
  upload(id: string, materialId: string, token: string, files: [string, Buffer][]): Promise<Reply>;
  /** Opens a draft (201), uploads `files`, marks the upload complete; answers the case. */
  draft(
    applicant: Applicant,
    itemId: string,
    formData: unknown,
    files: [string, string, Buffer][],
    extra?: object,
  ): Promise<RestCase>;
  submit(id: string, token: string, version: number, key?: string): Promise<Reply>;
  /** A draft of the food licence submitted into pre-review (online). */
  submitted(applicant: Applicant, extra?: { contact?: object }): Promise<RestCase>;
  /** A submitted food licence accepted by the window's clerk: PROCESSING, 审查 active. */
  accepted(applicant: Applicant, extra?: { contact?: object }): Promise<RestCase>;
  /** Review, approval and the result issued (办结) on the cases service's current day, by the world's staff. */
  completed(id: string): Promise<void>;
  /** The case's version is still `version` and its status `status`: a refused request changed nothing. */
  expectUnchanged(c: { id: string; version: number; status: string }, token: string): Promise<void>;
  document(id: string, documentId: string, token: string): Promise<{ status: number; type: string; bytes: Buffer }>;
}

export function caseActs(world: () => CasesWorld): CaseActs {
  const api = (...args: Parameters<CasesWorld['api']>) => world().api(...args);
  const acts: CaseActs = {
    async get(id, token) {
      const reply = await api('GET', `/cases/${id}`, { token });
      expect(reply.status).toBe(200);
      return reply.body;
    },
    async attempt(id, act, token, body) {
      return api('POST', `/cases/${id}/${act}`, { token, body });
    },
    async act(id, act, token, body = {}) {
      const current = await acts.get(id, token);
      const reply = await acts.attempt(id, act, token, { ...body, expectedVersion: current.version });
      if (reply.status !== 200) throw new Error(`${act}: ${reply.status} ${JSON.stringify(reply.body)}`);
      const answered = reply.body.case ?? reply.body;
      expect(answered.version).toBe(current.version + 1);
      return answered;
    },
    async upload(id, materialId, token, files) {
      const form = new FormData();
      for (const [name, bytes] of files) form.append('files', new Blob([new Uint8Array(bytes)]), name);
      const res = await fetch(`${world().stack.gatewayUrl}/api/v1/cases/${id}/materials/${materialId}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? JSON.parse(text) : undefined,
        contentType: res.headers.get('content-type') ?? '',
        headers: res.headers,
      };
    },
    async draft(applicant, itemId, formData, files, extra = {}) {
      const token = await applicant.token();
      const opened = await api('POST', '/cases', {
        token,
        headers: { 'idempotency-key': `open-${unique()}${unique()}` },
        body: { itemId, formData, ...extra },
      });
      if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      for (const [materialId, name, bytes] of files) {
        const up = await acts.upload(opened.body.id, materialId, token, [[name, bytes]]);
        if (up.status !== 200) throw new Error(`upload ${materialId}: ${up.status} ${JSON.stringify(up.body)}`);
      }
      return acts.act(opened.body.id, 'upload-complete', token);
    },
    submit(id, token, version, key = `submit-${unique()}${unique()}`) {
      return api('POST', `/cases/${id}/submit`, {
        token,
        headers: { 'idempotency-key': key },
        body: { expectedVersion: version },
      });
    },
    async submitted(applicant, extra = {}) {
      const w = world();
      const d = await acts.draft(applicant, w.food.id, foodForm(applicant), FOOD_FILES, extra);
      const reply = await acts.submit(d.id, await applicant.token(), d.version);
      if (reply.status !== 200 || reply.body.status !== 'pre_review') {
        throw new Error(`submit: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
      return reply.body;
    },
    async accepted(applicant, extra = {}) {
      const c = await acts.submitted(applicant, extra);
      const accepted = await acts.act(c.id, 'accept', await world().token('clerk'), { opinion: '材料齐全，予以受理' });
      expect(accepted.status).toBe('processing');
      return accepted;
    },
    async completed(id) {
      const w = world();
      await acts.act(id, 'steps/complete', await w.token('reviewer'), { opinion: '符合许可条件' });
      const approved = await acts.act(id, 'decision', await w.token('approver'), { outcome: 'approved' });
      const issued = await api('POST', `/cases/${id}/result`, {
        token: await w.token('clerk'),
        body: { validUntil: '2031-12-02', deliveryMethod: 'window_pickup', expectedVersion: approved.version },
      });
      if (issued.status !== 200) throw new Error(`result: ${issued.status} ${JSON.stringify(issued.body)}`);
    },
    async expectUnchanged(c, token) {
      const now = await acts.get(c.id, token);
      expect({ version: now.version, status: now.status }).toEqual({ version: c.version, status: c.status });
    },
    async document(id, documentId, token) {
      const res = await fetch(`${world().stack.gatewayUrl}/api/v1/cases/${id}/documents/${documentId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    },
  };
  return acts;
}

/** The problem's violations as `path reason` pairs. */
export function violationsOf(reply: Reply, status = 400): string[] {
  expectProblem(reply, status);
  return ((reply.body.errors ?? []) as { path: string; reason: string }[]).map((v) => `${v.path} ${v.reason}`);
}

/** Waits until `check` answers something (no sleeps in the tests themselves). */
export const eventually = <T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000) =>
  waitFor(check, { timeoutMs, what }) as Promise<T>;
