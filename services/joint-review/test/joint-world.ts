import { randomBytes } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { applicationsV1, catalogueV1, identityV1, jointReviewV1 } from '@govhall/proto';
import {
  bearer,
  clientToken,
  freePort,
  stack,
  startEventReader,
  startGroupAtTopicEnd,
  startProcess,
  together,
  userToken,
  waitFor,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';
import {
  CASE_TOPIC,
  CasesWorld,
  ID_CARD_MATERIAL,
  SCJG,
  TENANT,
  testItem,
  type Applicant,
} from '../../applications/test/cases-world';

/*
 * The world of joint review against the real stack: the cases service's world (identity with the seeded tenant tree,
 * the catalogue, the cases service, each its own process on databases of this run) plus the joint-review service
 * built from services/joint-review/dist, on its own database and its own consumer group of the case stream (placed
 * at the topic's end: it reads this run's cases only). Around it what a joint case needs, made through the
 * services' APIs:
 *
 * - 永昌县市场监督管理局 (SCJG) leads: its window with two clerks (A post: the lead clerk), a catalogue reviewer;
 * - two co-departments, 人社局 (RSJ, "A") and 自然资源局 (ZRZY, "B"), each with a window whose A post is its window
 *   lead (J5: the person joint review assigns the department's task to) — B's B post is a reviewer of B;
 * - a joint item (联办件) of SCJG with RSJ and ZRZY as co-departments, published through the catalogue's review;
 * - on demand (threeDepartments(), for the tests that need it): a third co-department, 住房和城乡建设局 (ZJJ, "C"),
 *   with its window (its window lead on the A post, a reviewer of C on the B post) and a second joint item of SCJG
 *   with RSJ, ZRZY and ZJJ as co-departments;
 * - service accounts made by identity's CreateServiceAccount: joint-review's own center account of 620321 (no
 *   department, ADR 0053: it concludes the cases of whichever department leads), B's own approval system (ZRZY),
 *   A's (RSJ, for another department's refusals) and a department system of 620302 (another tenant, for refusals);
 * - a registered applicant, and govhall.joint-review.review and .external-case read from their beginning.
 */

export { CASE_TOPIC, SCJG, TENANT };
/** Co-department A: its window lead answers on the workbench. */
export const RSJ = `${TENANT}-RSJ`;
/** Co-department B: its own approval system answers with B's service account. */
export const ZRZY = `${TENANT}-ZRZY`;
/** Co-department C, of threeDepartments()' item only: its window lead assigns, its reviewer answers. */
export const ZJJ = `${TENANT}-ZJJ`;
/** A department of another tenant (金川区), whose system must not reach 永昌县's tasks. */
export const OTHER_TENANT_DEPARTMENT = '620302-SCJG';
export const REVIEW_TOPIC = 'govhall.joint-review.review';
/** The joint meetings' topic (MeetingService). */
export const MEETING_TOPIC = 'govhall.joint-review.meeting';
/** Events of cases run in department systems (ReportExternalCaseEvents, J16). */
export const EXTERNAL_CASE_TOPIC = 'govhall.joint-review.external-case';
/** The envelope type of a joint-review event (events.proto). */
export const reviewEventType = (name: string) => `govhall.joint_review.v1.${name}`;

export type Login =
  | 'clerk'
  | 'clerkB'
  | 'catalogueReviewer'
  | 'leadA'
  | 'backupA'
  | 'leadB'
  | 'reviewerB'
  | 'approverB'
  // Made by threeDepartments() only.
  | 'leadC'
  | 'reviewerC';
export type Account = 'jointReview' | 'systemA' | 'systemB' | 'otherTenant';

export interface ServiceAccountUnderTest {
  id: string;
  clientId: string;
  secret: string;
  tenant: string;
  department: string;
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** A department system's open WatchTasks stream (JointWorld.watch). */
export interface TaskWatch {
  received: jointReviewV1.WatchTasksResponse[];
  ended: Promise<void>;
  until(
    match: (r: jointReviewV1.WatchTasksResponse) => boolean,
    what: string,
  ): Promise<jointReviewV1.WatchTasksResponse>;
  close(): void;
}

/** The cases service asks identity who serves a window with the realm's 620321 department-system client. */
const APPLICATIONS_ENV = {
  GOVHALL_TENANTS: TENANT,
  SERVICE_CLIENT_ID: 'govhall-dept-demo',
  SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret',
};

const key = () => `jr-${randomBytes(8).toString('hex')}`;

/** Tokens reused for a minute: Keycloak refuses simultaneous password grants of one login. */
function tokenCache(fetch: (name: string) => Promise<string>) {
  const cache = new Map<string, { token: Promise<string>; until: number }>();
  return (name: string) => {
    const hit = cache.get(name);
    if (hit && hit.until > Date.now()) return hit.token;
    const token = fetch(name);
    cache.set(name, { token, until: Date.now() + 60_000 });
    token.catch(() => cache.delete(name));
    return token;
  };
}

/** What threeDepartments() adds to the world. */
export interface ThreeDepartments {
  /** The joint item of SCJG with RSJ, ZRZY and ZJJ as co-departments. */
  item: catalogueV1.Item;
  /** C's window: leadC on the A post (C's window lead), reviewerC on the B post. */
  window: identityV1.Window;
}

/** The ID card every case of the world carries (a minimal PDF): its bytes, for checks of the files handed on. */
export const ID_CARD_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What a test adds to the world's joint-review process. */
export interface JointWorldOptions {
  /**
   * Runs once the world's staff, item and accounts exist, before joint-review starts: its answer is added to the
   * process's environment (hosted tenants, further service accounts, parent centers).
   */
  prepareJointReview?: (world: JointWorld) => Promise<Record<string, string>>;
  /** Tenants the catalogue hosts besides the world's (a parent center's calendar). */
  catalogueTenants?: string[];
}

/** The escalations' topic (EscalationService). */
export const ESCALATION_TOPIC = 'govhall.joint-review.escalation';

export class JointWorld {
  constructor(private readonly options: JointWorldOptions = {}) {
    this.cases.catalogueTenants = [TENANT, ...(options.catalogueTenants ?? [])];
  }

  readonly cases = new CasesWorld({ name: 'joint-review', tag: 'j' });
  /** The joint-review service's database of this run. */
  readonly db = `govhall_joint_review_t${this.cases.suffix}`;
  readonly groupId = `joint-review-cases-it-${this.cases.suffix}`;
  readonly login = {} as Record<Login, string>;
  /** EscalationService on the world's joint-review (上报件). */
  escalationClient!: jointReviewV1.EscalationServiceClient;
  readonly accounts = {} as Record<Account, ServiceAccountUnderTest>;
  readonly windows = {} as Record<'lead' | 'a' | 'b', identityV1.Window>;
  item!: catalogueV1.Item;
  applicant!: Applicant;
  /** govhall.joint-review.review and govhall.joint-review.external-case from their beginning. */
  events!: EventReader;
  jointReview!: RunningProcess;
  client!: jointReviewV1.JointReviewServiceClient;
  meetingClient!: jointReviewV1.MeetingServiceClient;
  /** DepartmentSystemService on the same server (department systems, J15). */
  systemClient!: jointReviewV1.DepartmentSystemServiceClient;
  /** Set by startGateway: the gateway in front of this world (browser tests, REST calls as the workbench makes). */
  gateway?: RunningProcess;
  private jointReviewPort = 0;
  private third?: Promise<ThreeDepartments>;
  private readonly userTokens = tokenCache((username) => this.cases.token(username));
  private readonly serviceTokens = tokenCache((account) => {
    const a = this.accounts[account as Account];
    return clientToken(a.clientId, a.secret);
  });

  async start(): Promise<void> {
    const w = this.cases;
    await w.start();
    // Then together, none needing another: the staff with their windows and the joint item, the service accounts,
    // the applicant, the cases service (it asks identity and the catalogue only when a case needs them), the topics'
    // reader and joint-review's group; joint-review last, with its account.
    await together([
      this.makeStaffWindowsAndItem(),
      this.makeServiceAccounts(),
      w.registerPerson('赵联办').then((applicant) => (this.applicant = applicant)),
      w.startApplications(APPLICATIONS_ENV),
      startEventReader([
        { topic: REVIEW_TOPIC, partitions: 3 },
        { topic: MEETING_TOPIC, partitions: 3 },
        { topic: EXTERNAL_CASE_TOPIC, partitions: 3 },
        { topic: ESCALATION_TOPIC, partitions: 3 },
      ]).then((events) => (this.events = events)),
      startGroupAtTopicEnd(this.groupId, [CASE_TOPIC]),
    ]);
    const extraEnv = (await this.options.prepareJointReview?.(this)) ?? {};
    await this.startJointReview(extraEnv);
  }

  /**
   * The staff (together: each a Keycloak user made by yc-admin, whose one token the world shares), the three windows
   * (one at a time, as before: a window's number is drawn at random, and again while another window holds it) and
   * the joint item.
   */
  private async makeStaffWindowsAndItem(): Promise<void> {
    const w = this.cases;
    const staff = {} as Record<Login, identityV1.Staff>;
    await Promise.all(
      (
        [
          ['clerk', 'window_clerk', SCJG],
          ['clerkB', 'window_clerk', SCJG],
          ['catalogueReviewer', 'reviewer', SCJG],
          ['leadA', 'window_clerk', RSJ],
          ['backupA', 'window_clerk', RSJ],
          ['leadB', 'window_clerk', ZRZY],
          ['reviewerB', 'reviewer', ZRZY],
          // States B's position in a joint meeting (MeetingService.RecordPosition).
          ['approverB', 'approver', ZRZY],
        ] as const
      ).map(async ([who, role, department]) => {
        staff[who] = await w.createStaff(role, { department, displayName: '联办测试人员' });
        this.login[who] = staff[who].username;
      }),
    );
    this.windows.lead = await w.createWindow({ name: '市场监管联办窗口', aPost: staff.clerk, bPost: staff.clerkB });
    this.windows.a = await w.createWindow({
      name: '人社窗口',
      aPost: staff.leadA,
      bPost: staff.backupA,
      department: RSJ,
    });
    this.windows.b = await w.createWindow({
      name: '自然资源窗口',
      aPost: staff.leadB,
      bPost: staff.reviewerB,
      department: ZRZY,
    });

    const draft = testItem('联办测试许可');
    draft.fields.handlingCategory = catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT;
    draft.content.coDepartments = [RSJ, ZRZY];
    this.item = await w.publishItem(draft, this.login.catalogueReviewer);
  }

  /** joint-review's center account, B's and A's systems (by yc-admin) and another tenant's system (by jc-admin). */
  private async makeServiceAccounts(): Promise<void> {
    const w = this.cases;
    const yc = await w.adminToken();
    this.accounts.jointReview = await this.createServiceAccount('', `jr-${w.suffix}`, '联合审批服务（集成测试）', yc);
    this.accounts.systemB = await this.createServiceAccount(
      ZRZY,
      `zrzy-${w.suffix}`,
      '自然资源审批系统（集成测试）',
      yc,
    );
    this.accounts.systemA = await this.createServiceAccount(RSJ, `rsj-${w.suffix}`, '人社审批系统（集成测试）', yc);
    this.accounts.otherTenant = await this.createServiceAccount(
      OTHER_TENANT_DEPARTMENT,
      `jc-${w.suffix}`,
      '金川区市场监管审批系统（集成测试）',
      await userToken('jc-admin'),
    );
  }

  /**
   * The third co-department and the joint item naming all three, made on the first call through identity's and the
   * catalogue's APIs as start() makes the others (two logins, a window, an item through the catalogue's review: under
   * a second here, against about 18 s for start()), so only the tests that need them pay for them. joint-review reads
   * items and window leads when a review opens: nothing to restart.
   */
  threeDepartments(): Promise<ThreeDepartments> {
    this.third ??= this.makeThreeDepartments();
    return this.third;
  }

  private async makeThreeDepartments(): Promise<ThreeDepartments> {
    const w = this.cases;
    const leadC = await w.createStaff('window_clerk', { department: ZJJ, displayName: '联办测试人员' });
    const reviewerC = await w.createStaff('reviewer', { department: ZJJ, displayName: '联办测试人员' });
    this.login.leadC = leadC.username;
    this.login.reviewerC = reviewerC.username;
    const window = await w.createWindow({ name: '住建窗口', aPost: leadC, bPost: reviewerC, department: ZJJ });
    const draft = testItem('三部门联办测试许可');
    draft.fields.handlingCategory = catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT;
    draft.content.coDepartments = [RSJ, ZRZY, ZJJ];
    const item = await w.publishItem(draft, this.login.catalogueReviewer);
    return { item, window };
  }

  /** The joint-review service from its build, reaching this world's identity, catalogue and cases service. */
  private async startJointReview(extraEnv: Record<string, string>): Promise<void> {
    const a = this.accounts.jointReview;
    const started = await this.launchJointReview({
      name: 'joint-review',
      db: this.db,
      env: {
        GOVHALL_TENANTS: TENANT,
        SERVICE_ACCOUNTS: `${a.tenant}=${a.clientId}:${a.secret}`,
        CASE_STREAM_GROUP_ID: this.groupId,
        ...extraEnv,
      },
    });
    this.jointReview = started.process;
    const port = started.port;
    this.jointReviewPort = port;
    this.client = createGrpcClient(jointReviewV1.JointReviewServiceClient, `127.0.0.1:${port}`, {
      serviceName: 'govhall.joint_review.v1.JointReviewService',
      idempotentMethods: ['GetJointReview', 'ListTasks', 'ListMyTasks'],
    });
    this.meetingClient = createGrpcClient(jointReviewV1.MeetingServiceClient, `127.0.0.1:${port}`, {
      serviceName: 'govhall.joint_review.v1.MeetingService',
      idempotentMethods: ['GetMeeting', 'ListMeetings'],
    });
    this.escalationClient = createGrpcClient(jointReviewV1.EscalationServiceClient, this.jointReviewAddress(), {
      serviceName: 'govhall.joint_review.v1.EscalationService',
      idempotentMethods: ['GetEscalation', 'ListFollowUps', 'ListReceivedEscalations'],
    });
    this.systemClient = createGrpcClient(jointReviewV1.DepartmentSystemServiceClient, this.jointReviewAddress(), {
      serviceName: 'govhall.joint_review.v1.DepartmentSystemService',
      idempotentMethods: ['PullTasks'],
    });
  }

  /**
   * A joint-review process from the build on database `db`, reaching this world's identity, catalogue and cases
   * service; `env` names at least its hosted tenants, accounts and consumer group. The world's own process, or a
   * second deployment a test starts (a parent center elsewhere).
   */
  async launchJointReview(p: {
    name: string;
    db: string;
    env: Record<string, string>;
    /** The port of a process started again (default: a free one). */
    port?: number;
  }): Promise<{ process: RunningProcess; port: number }> {
    const [port, metrics] = [p.port ?? (await freePort()), await freePort()];
    const process = await startProcess({
      name: p.name,
      entry: 'services/joint-review/dist/main.js',
      env: {
        MONGODB_URI: stack.mongoUri,
        MONGODB_DB: p.db,
        KAFKA_BROKERS: stack.kafkaBrokers,
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(port),
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(metrics),
        OUTBOX_POLL_MS: '200',
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${this.cases.catalogue.port}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${this.cases.identity.port}`,
        APPLICATIONS_GRPC_ADDR: this.cases.address,
        REPORT_RETRY_MS: '500',
        // The transfer, the parent's updates and the outcome reports: look often (the default is 5 s).
        ESCALATION_POLL_MS: '300',
        // Department systems' change streams: look often, and a heartbeat every second (the default is 30 s).
        WATCH_POLL_MS: '100',
        WATCH_HEARTBEAT_MS: '1000',
        ...p.env,
      },
      readyPort: port,
    });
    return { process, port };
  }

  /** Where joint-review listens (gRPC). */
  jointReviewAddress(): string {
    return `127.0.0.1:${this.jointReviewPort}`;
  }

  /**
   * The gateway in front of this world's identity, catalogue, cases service and joint-review, serving the built web
   * apps (browser tests; parallel-review's reviewers call its REST routes). No supervision runs here: the staff apps'
   * inbox badge (GET /supervision/messages/mine) is answered 503. Answers the gateway's URL.
   */
  async startGateway(): Promise<string> {
    const [port, metrics] = [await freePort(), await freePort()];
    this.gateway = await startProcess({
      name: 'gateway-joint-review',
      entry: 'gateway/dist/server.js',
      env: {
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        KEYCLOAK_API_CLIENT_SECRET: stack.apiClientSecret,
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(metrics),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${this.cases.catalogue.port}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${this.cases.identity.port}`,
        APPLICATIONS_GRPC_ADDR: this.cases.address,
        JOINT_REVIEW_GRPC_ADDR: `127.0.0.1:${this.jointReviewPort}`,
        SUPERVISION_GRPC_ADDR: '127.0.0.1:1',
        RATE_LIMIT_MAX: '100000',
        OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
      },
      readyPort: port,
    });
    return `http://127.0.0.1:${port}`;
  }

  /**
   * Stops the cases service, runs `whileDown`, and starts it again on the same port and database (joint-review's
   * channel reconnects by itself).
   */
  async restartApplications(whileDown: () => Promise<void>): Promise<void> {
    await this.cases.applications.stop();
    try {
      await whileDown();
    } finally {
      await this.cases.startApplications(APPLICATIONS_ENV);
    }
  }

  /**
   * A department system's account, or with department '' a center account of `centerTenant` (620321 unless named,
   * ADR 0053), made by `adminToken`'s administrator.
   */
  async createServiceAccount(
    department: string,
    clientId: string,
    description: string,
    adminToken: string,
    centerTenant = TENANT,
  ): Promise<ServiceAccountUnderTest> {
    const tenant = department ? department.slice(0, 6) : centerTenant;
    const created = await this.cases.identityCall<
      identityV1.CreateServiceAccountRequest,
      identityV1.CreateServiceAccountResponse
    >('createServiceAccount', { tenant, department, clientId, description }, adminToken);
    return { id: created.serviceAccount!.id, clientId, secret: created.clientSecret, tenant, department };
  }

  /**
   * Stops what started, disables this run's service accounts (their Keycloak clients stay), drops the databases. The
   * gateway, joint-review and the cases service stop together (each takes seconds: its Kafka consumer leaves its
   * group) while identity, which stops last, disables the accounts.
   */
  async stop(): Promise<void> {
    this.client?.close();
    this.meetingClient?.close();
    this.systemClient?.close();
    this.escalationClient?.close();
    const disable = async (account: Account, admin: 'yc-admin' | 'jc-admin') => {
      const a = this.accounts[account];
      if (!a || !this.cases.identity) return;
      await this.cases
        .identityCall(
          'disableServiceAccount',
          { serviceAccountId: a.id, reason: '联办集成测试结束' },
          admin === 'yc-admin' ? await this.cases.adminToken() : await userToken(admin),
        )
        .catch(() => undefined);
    };
    await Promise.all([
      this.gateway?.stop(),
      this.jointReview?.stop(),
      this.cases.applications?.stop(),
      this.events?.stop(),
      disable('jointReview', 'yc-admin'),
      disable('systemA', 'yc-admin'),
      disable('systemB', 'yc-admin'),
      disable('otherTenant', 'jc-admin'),
    ]);
    await this.cases.stop([this.db]);
  }

  token(who: Login): Promise<string> {
    return this.userTokens(this.login[who]);
  }

  serviceToken(account: Account): Promise<string> {
    return this.serviceTokens(account);
  }

  /** An RPC of JointReviewService as `token`. */
  call<Req, Res>(method: keyof jointReviewV1.JointReviewServiceClient, req: Req, token: string): Promise<Res> {
    const fn = (this.client as unknown as Methods)[method];
    if (!fn) throw new Error(`no RPC ${method}`);
    return callUnary<Req, Res>(fn.bind(this.client) as never, req, { ...bearer(token), deadlineMs: 15_000 });
  }

  /** An RPC of MeetingService as `token`. */
  meetingCall<Req, Res>(method: keyof jointReviewV1.MeetingServiceClient, req: Req, token: string): Promise<Res> {
    const fn = (this.meetingClient as unknown as Methods)[method];
    if (!fn) throw new Error(`no RPC ${method}`);
    return callUnary<Req, Res>(fn.bind(this.meetingClient) as never, req, { ...bearer(token), deadlineMs: 15_000 });
  }

  /** An RPC of DepartmentSystemService as `token` (a department system's account). */
  systemCall<Req, Res>(
    method: keyof jointReviewV1.DepartmentSystemServiceClient,
    req: Req,
    token: string,
  ): Promise<Res> {
    const fn = (this.systemClient as unknown as Methods)[method];
    if (!fn) throw new Error(`no RPC ${method}`);
    return callUnary<Req, Res>(fn.bind(this.systemClient) as never, req, { ...bearer(token), deadlineMs: 15_000 });
  }

  /**
   * WatchTasks as `token`: what the stream sent so far, a wait for a response matching `until`, and `ended`, which
   * resolves when the stream ends and rejects with its status when it fails.
   */
  watch(req: jointReviewV1.WatchTasksRequest, token: string): TaskWatch {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    const stream = this.systemClient.watchTasks(req, metadata);
    const received: jointReviewV1.WatchTasksResponse[] = [];
    stream.on('data', (r: jointReviewV1.WatchTasksResponse) => received.push(r));
    const ended = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    ended.catch(() => undefined);
    return {
      received,
      ended,
      until: (match, what) => waitFor(async () => received.find(match), { timeoutMs: 30_000, intervalMs: 50, what }),
      close: () => stream.cancel(),
    };
  }

  /** GetJointReview as `who`, by case. */
  async reviewOfCase(caseId: string, who: Login = 'clerk'): Promise<jointReviewV1.JointReview> {
    const { review } = await this.call<jointReviewV1.GetJointReviewRequest, jointReviewV1.GetJointReviewResponse>(
      'getJointReview',
      { id: '', caseId },
      await this.token(who),
    );
    return review!;
  }

  /** The review the case stream opened for the case, once it exists. */
  openedReview(caseId: string): Promise<jointReviewV1.JointReview> {
    return waitFor(() => this.reviewOfCase(caseId), { timeoutMs: 60_000, what: `the joint review of case ${caseId}` });
  }

  /** The case as `who` of the world reads it in the cases service. */
  async getCase(id: string, who: Login = 'clerk'): Promise<applicationsV1.Case> {
    const { case: c } = await this.cases.call<applicationsV1.GetCaseRequest, applicationsV1.GetCaseResponse>(
      'getCase',
      { id },
      await this.token(who),
    );
    return c!;
  }

  /**
   * A case of the joint item (or of `itemId`, another joint item of SCJG) filed online by the world's applicant (the
   * form, the ID card, submitted into pre-review at the lead window) and accepted by the lead clerk: the cases service
   * hands it to joint review.
   */
  async acceptedJointCase(shopName: string, options: { itemId?: string } = {}): Promise<applicationsV1.Case> {
    const submitted = await this.submittedCase(shopName, options);
    return this.accept(submitted);
  }

  /** The world's applicant registers a company it holds (a project's investor); answers its legal person id. */
  async registerCompany(name: string, creditCode: string): Promise<string> {
    const { legalPerson } = await this.cases.identityCall<
      identityV1.RegisterLegalPersonRequest,
      identityV1.RegisterLegalPersonResponse
    >(
      'registerLegalPerson',
      {
        tenant: TENANT,
        name,
        creditCode,
        legalRepresentativeName: this.applicant.name,
        legalRepresentativeIdNumber: this.applicant.idNumber,
      },
      await this.applicant.token(),
    );
    return legalPerson!.id;
  }

  /** The lead clerk accepts a case in pre-review at the lead window. */
  async accept(submitted: applicationsV1.Case): Promise<applicationsV1.Case> {
    type CaseAnswer = { case?: applicationsV1.Case };
    return (
      await this.cases.call<applicationsV1.AcceptCaseRequest, CaseAnswer>(
        'acceptCase',
        { id: submitted.id, expectedVersion: submitted.version, opinion: '材料齐全，予以受理' },
        await this.token('clerk'),
      )
    ).case!;
  }

  /**
   * A case filed online by the world's applicant (the form, the ID card) and submitted into pre-review: of the joint
   * item unless `itemId` names another, for the applicant or for a legal person they hold (`onBehalfOf`).
   */
  async submittedCase(
    shopName: string,
    options: { itemId?: string; onBehalfOf?: string } = {},
  ): Promise<applicationsV1.Case> {
    const w = this.cases;
    const token = await this.applicant.token();
    type CaseAnswer = { case?: applicationsV1.Case };
    const opened = (
      await w.call<applicationsV1.OpenCaseRequest, CaseAnswer>(
        'openCase',
        {
          idempotencyKey: key(),
          itemId: options.itemId ?? this.item.id,
          onBehalfOf: options.onBehalfOf ?? '',
          formData: JSON.stringify({ shopName }),
          contact: { mobile: '', email: 'zhao@example.cn' },
        },
        token,
      )
    ).case!;
    const uploaded = await w.call<applicationsV1.UploadMaterialRequest, applicationsV1.UploadMaterialResponse>(
      'uploadMaterial',
      {
        id: opened.id,
        materialId: ID_CARD_MATERIAL.id,
        fileName: '身份证.pdf',
        content: ID_CARD_PDF,
      },
      token,
    );
    const complete = (
      await w.call<applicationsV1.CompleteUploadRequest, CaseAnswer>(
        'completeUpload',
        { id: opened.id, expectedVersion: uploaded.case!.version },
        token,
      )
    ).case!;
    const submitted = (
      await w.call<applicationsV1.SubmitCaseRequest, CaseAnswer>(
        'submitCase',
        { id: opened.id, expectedVersion: complete.version, idempotencyKey: key() },
        token,
      )
    ).case!;
    if (submitted.status !== applicationsV1.CaseStatus.CASE_STATUS_PRE_REVIEW) {
      throw new Error(`submitted case is ${applicationsV1.CaseStatus[submitted.status]}, not in pre-review`);
    }
    return submitted;
  }

  /**
   * The review's events as read from the topic, once `last` (an event name) was read for it: the outbox publishes in
   * order on the review's partition, so what came before it has been read too.
   */
  async reviewEvents(reviewId: string, last: string): Promise<{ name: string; payload: Uint8Array }[]> {
    await waitFor(async () => this.events.of(REVIEW_TOPIC, reviewId, reviewEventType(last)).length > 0, {
      timeoutMs: 60_000,
      what: `${last} of joint review ${reviewId}`,
    });
    return this.events.of(REVIEW_TOPIC, reviewId).map((e) => ({
      name: e.envelope.type.replace('govhall.joint_review.v1.', ''),
      payload: e.envelope.payload,
    }));
  }
}
