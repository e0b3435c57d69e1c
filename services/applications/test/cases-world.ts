import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callUnary, createGrpcClient, decodeGrpcError } from '@govhall/grpc';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '@govhall/identifiers';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import {
  MongoClient,
  bearer,
  freePort,
  newResidentIdNumber,
  stack,
  startCatalogue,
  startEventReader,
  startIdentity,
  startProcess,
  uniqueSuffix,
  userToken,
  waitFor,
  type CatalogueUnderTest,
  type EventReader,
  type IdentityUnderTest,
  type RunningProcess,
} from '@govhall/testing';
import { CASE_TOPIC, TRANSITIONED } from './case-stream-check';

/*
 * The world the cases service's integration tests share: identity (with the seeded tenant tree) and the catalogue
 * started as their own processes with @govhall/testing, FerretDB, optionally the case topic read back from Kafka,
 * and the cases service itself on a database of its own, started (and restarted on the same port and database)
 * with the settings a test adds. Beside it what every file makes through the services' own APIs: staff of
 * 永昌县 with real Keycloak logins, windows, registered applicants and items published through the catalogue's
 * review. Each test file keeps what is its own (its acts, its fixtures, its assertions).
 *
 *   const world = new CasesWorld({ name: 'window', tag: 'w', events: true });
 *   beforeAll(async () => { await world.start(); ...; await world.startApplications(); }, 240_000);
 *   afterAll(() => world.stop());
 */

export { CASE_TOPIC, TRANSITIONED };
export const TENANT = '620321';
export const SCJG = '620321-SCJG';
/** The password of every login the world creates (staff and applicants). */
export const PASSWORD = 'Cases2026x';

/** A mobile number of the 139 range (staff and applicants need one; none is unique). */
export const newPhone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A valid credit code of a government body of 620321 (check characters computed). */
export function governmentCreditCode(organization8 = '01390756'): string {
  const first17 = `11620321${organization8}${organizationCodeCheckCharacter(organization8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The fields of an item that name it, and its content: what the catalogue's draft, submit and review take. */
export interface ItemDraft {
  fields: {
    name: string;
    basicCode: string;
    kind: string;
    handlingCategory: catalogueV1.HandlingCategory;
    department: string;
  };
  content: catalogueV1.ItemContent;
}

/** A form with one required field, the shop's name. */
export const SHOP_FORM = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['shopName'],
  properties: { shopName: { type: 'string', title: '店铺名称', minLength: 2, maxLength: 50 } },
});

/** One copy of the applicant's ID card, as PDF or JPG. */
export const ID_CARD_MATERIAL: catalogueV1.Material = {
  id: 'id-card',
  name: '身份证明',
  required: true,
  condition: '',
  form: catalogueV1.MaterialForm.MATERIAL_FORM_COPY,
  originalCount: 0,
  copyCount: 1,
  formats: ['pdf', 'jpg'],
  maxSizeKb: 2048,
  blankFormFileId: '',
  sampleFileId: '',
  notes: '',
  satisfiedByLicenceType: '',
};

/**
 * A promised item of 永昌县市场监督管理局 (20 working days by law, 10 promised) with a fresh basic code: by default the
 * shop-name form, the ID card as its one material, pickup at the window and the workflow 受理 (window_clerk, 1 day),
 * 审查 (reviewer, 5), 决定 (approver, 4).
 */
export function testItem(
  name: string,
  options: {
    materials?: catalogueV1.Material[];
    form?: string;
    workflow?: [name: string, role: string, budgetWorkingDays: number][];
    deliveryOptions?: catalogueV1.DeliveryOption[];
  } = {},
): ItemDraft {
  const basicCode = `0001${String(Date.now()).slice(-8)}`;
  const workflow = options.workflow ?? [
    ['受理', 'window_clerk', 1],
    ['审查', 'reviewer', 5],
    ['决定', 'approver', 4],
  ];
  return {
    fields: {
      name,
      basicCode,
      kind: '01',
      handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
      department: SCJG,
    },
    content: {
      implementationCode: `${governmentCreditCode()}4${basicCode}`,
      localCodes: [],
      level: 4,
      serviceObject: catalogueV1.ServiceObject.SERVICE_OBJECT_PERSON,
      legalBases: [
        {
          law: '《中华人民共和国行政许可法》',
          article: '第二十九条',
          text: '公民申请行政许可，应当向行政机关提出申请。',
        },
      ],
      acceptanceConditions: ['申请人具有完全民事行为能力'],
      materials: options.materials ?? [ID_CARD_MATERIAL],
      form: { jsonSchema: options.form ?? SHOP_FORM, uiSchema: '' },
      preReviewRules: [],
      statutoryLimit: { days: 20, unit: catalogueV1.TimeUnit.TIME_UNIT_WORKING_DAY },
      promisedLimit: { days: 10, unit: catalogueV1.TimeUnit.TIME_UNIT_WORKING_DAY },
      promiseExceptionReason: '',
      visits: 0,
      specialProcedures: [],
      fees: [],
      workflow: workflow.map(([stepName, role, budgetWorkingDays]) => ({
        name: stepName,
        role,
        budgetWorkingDays,
        responsibleName: '王芳',
        responsiblePhone: '13909351234',
      })),
      location: {
        windowLocation: '永昌县政务服务中心一楼',
        hours: '周一至周五 9:00-17:00',
        consultationPhone: '0935-7521234',
        complaintPhone: '0935-7521234',
      },
      onlineDepth: catalogueV1.OnlineDepth.ONLINE_DEPTH_ONLINE_PRE_REVIEW,
      deliveryOptions: options.deliveryOptions ?? [catalogueV1.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP],
      faq: [],
      coDepartments: [],
    },
  };
}

/** A registered natural person of 620321 and their portal login. */
export interface Applicant {
  person: identityV1.NaturalPerson;
  name: string;
  idNumber: string;
  token(): Promise<string>;
}

export interface CasesWorldOptions {
  /** Names the logs of its processes: catalogue-<name>, applications-<name>. */
  name: string;
  /** A letter in the names of its database and logins: govhall_applications_<tag><suffix>, <tag>-…-<role>. */
  tag: string;
  /** Read govhall.applications.case from its beginning (`events`, `transitions`). */
  events?: boolean;
  /** Give the cases service a clock file (`setClock`): its "now" is the instant written there, none the real time. */
  clock?: boolean;
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

function unary<Req, Res>(client: object, method: string, req: Req, token: string | undefined, deadlineMs: number) {
  const fn = (client as Methods)[method];
  if (!fn) throw new Error(`no RPC ${method}`);
  return callUnary<Req, Res>(fn.bind(client) as never, req, { ...(token ? bearer(token) : {}), deadlineMs });
}

export class CasesWorld {
  /** Unique to this run: in the database's name, and for the test's own names (consumer groups, databases). */
  readonly suffix = uniqueSuffix();
  /** The cases service's database. */
  readonly db: string;
  identity!: IdentityUnderTest;
  catalogue!: CatalogueUnderTest;
  mongo!: MongoClient;
  /** With `events`: govhall.applications.case read from its beginning. */
  events!: EventReader;
  /** The cases service as last started. */
  applications!: RunningProcess;
  /** A client of the cases service as last started (a fresh channel each start). */
  client!: applicationsV1.ApplicationsServiceClient;
  private readonly clockDir?: string;
  private ports?: { grpc: number; metrics: number };
  private admin?: { token: Promise<string>; until: number };

  /** Tenants the catalogue hosts (their calendars and items); the world's tenant unless set before `start`. */
  catalogueTenants: string[] = [TENANT];

  constructor(private readonly options: CasesWorldOptions) {
    this.db = `govhall_applications_${options.tag}${this.suffix}`;
    if (options.clock) {
      this.clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-clock-'));
      this.setClock();
    }
  }

  /**
   * FerretDB (first: `stop` closes it whatever fails next), then together identity (and its tenant tree), the event
   * reader and the catalogue: the catalogue asks identity only when a request needs a department's name (over a
   * channel that connects when first used), so it need not wait for it.
   */
  async start(): Promise<void> {
    this.mongo = await MongoClient.connect(stack.mongoUri);
    const identityPort = await freePort();
    const [identity, events, catalogue] = await Promise.allSettled([
      startIdentity({}, { port: identityPort }),
      this.options.events ? startEventReader([{ topic: CASE_TOPIC, partitions: 3 }]) : undefined,
      startCatalogue({
        name: `catalogue-${this.options.name}`,
        env: { GOVHALL_TENANTS: this.catalogueTenants.join(','), IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}` },
      }),
    ]);
    // What started is kept for `stop`, whichever of them failed.
    if (identity.status === 'fulfilled') this.identity = identity.value;
    if (events.status === 'fulfilled' && events.value) this.events = events.value;
    if (catalogue.status === 'fulfilled') this.catalogue = catalogue.value;
    for (const started of [identity, events, catalogue]) if (started.status === 'rejected') throw started.reason;
  }

  /** Moves the cases service's "now" (with `clock`); no argument: the real time. */
  setClock(iso = ''): void {
    if (!this.clockDir) throw new Error('the world was made without a clock');
    writeFileSync(path.join(this.clockDir, 'now'), iso);
  }

  /**
   * Starts the cases service — again on the same ports and database after a stop or a crash — with `env` added to
   * what it needs to reach the stack, identity and the catalogue, and opens a fresh client to it (the old channel
   * would back off between reconnects to a dead process). Rejects, keeping the last process, if it exits starting.
   */
  async startApplications(env: Record<string, string> = {}): Promise<RunningProcess> {
    this.ports ??= { grpc: await freePort(), metrics: await freePort() };
    const started = await startProcess({
      name: `applications-${this.options.name}`,
      entry: 'services/applications/dist/main.js',
      env: {
        MONGODB_URI: stack.mongoUri,
        MONGODB_DB: this.db,
        KAFKA_BROKERS: stack.kafkaBrokers,
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(this.ports.grpc),
        METRICS_PORT: String(this.ports.metrics),
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${this.catalogue.port}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${this.identity.port}`,
        OUTBOX_POLL_MS: '200',
        ...(this.clockDir ? { CLOCK_FILE: path.join(this.clockDir, 'now') } : {}),
        ...env,
      },
      readyPort: this.ports.grpc,
    });
    this.applications = started;
    this.client?.close();
    this.client = createGrpcClient(applicationsV1.ApplicationsServiceClient, `127.0.0.1:${this.ports.grpc}`, {
      serviceName: 'govhall.applications.v1.ApplicationsService',
      idempotentMethods: ['GetCase', 'VerifyLicence'],
    });
    return started;
  }

  /** Where the cases service listens, for the other services a test world starts beside it. */
  get address(): string {
    if (!this.ports) throw new Error('the cases service was not started');
    return `127.0.0.1:${this.ports.grpc}`;
  }

  /** Stops what was started (whatever of it was, together), drops the databases of the run and `alsoDrop`. */
  async stop(alsoDrop: string[] = []): Promise<void> {
    this.client?.close();
    await Promise.all([this.applications?.stop(), this.catalogue?.stop(), this.events?.stop(), this.identity?.stop()]);
    for (const name of [this.db, this.catalogue?.db, this.identity?.db, ...alsoDrop]) {
      if (name) await this.mongo?.db(name).dropDatabase();
    }
    await this.mongo?.close();
    if (this.clockDir) rmSync(this.clockDir, { recursive: true, force: true });
  }

  /** A collection of the cases service's database (`cases`, `licences`, `case_files`). */
  collection(name: string) {
    return this.mongo.db(this.db).collection(name);
  }

  /** An RPC of the cases service, as `token` (none: anonymous), answered within `deadlineMs`. */
  call<Req, Res>(
    method: keyof applicationsV1.ApplicationsServiceClient,
    req: Req,
    token?: string,
    deadlineMs = 15_000,
  ): Promise<Res> {
    return unary<Req, Res>(this.client, method, req, token, deadlineMs);
  }

  /** An RPC of identity, as `token` (none: anonymous). */
  identityCall<Req, Res>(method: keyof identityV1.IdentityServiceClient, req: Req, token?: string): Promise<Res> {
    return unary<Req, Res>(this.identity.client, method, req, token, 30_000);
  }

  /** An RPC of the catalogue, as `token`. */
  catalogueCall<Req, Res>(method: keyof catalogueV1.CatalogueServiceClient, req: Req, token: string): Promise<Res> {
    return unary<Req, Res>(this.catalogue.client, method, req, token, 30_000);
  }

  /**
   * yc-admin's login, one for a minute whoever asks (tokens live 5): the realm refuses password logins of one user
   * made at the same moment ("Invalid user credentials"), and each refusal counts towards its lockout.
   */
  adminToken(): Promise<string> {
    if (!this.admin || this.admin.until < Date.now()) {
      const token = userToken('yc-admin');
      token.catch(() => (this.admin = undefined));
      this.admin = { token, until: Date.now() + 60_000 };
    }
    return this.admin.token;
  }

  /** The login of a user the world created. */
  token(username: string): Promise<string> {
    return userToken(username, { password: PASSWORD });
  }

  /** A member of staff with one role, created by yc-admin through identity (a real Keycloak login, PASSWORD). */
  async createStaff(
    role: string,
    options: { department?: string; displayName?: string; tenant?: string; adminToken?: string } = {},
  ): Promise<identityV1.Staff> {
    const { staff } = await this.identityCall<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      'createStaff',
      {
        tenant: options.tenant ?? TENANT,
        department: options.department ?? SCJG,
        username: `${this.options.tag}-${hex(3)}-${role.replace(/_/g, '')}`,
        displayName: options.displayName ?? '测试人员',
        phone: newPhone(),
        roles: [role],
        initialPassword: PASSWORD,
        permanentPassword: true,
      },
      options.adminToken ?? (await this.adminToken()),
    );
    return staff!;
  }

  /**
   * A department window of SCJG with `aPost` at its A post and `bPost` at its B post; its number is drawn again while
   * another test's window of the center holds it.
   */
  async createWindow(window: {
    name: string;
    aPost: identityV1.Staff;
    bPost: identityV1.Staff;
    department?: string;
    /** Another tenant's window (with its administrator's token). */
    tenant?: string;
    adminToken?: string;
    /** This number (a realm device account names its window by number); by default one drawn at random. */
    number?: string;
  }): Promise<identityV1.Window> {
    const department = window.department ?? SCJG;
    for (;;) {
      try {
        const created = await this.identityCall<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
          'createWindow',
          {
            tenant: window.tenant ?? TENANT,
            number: window.number ?? `${String.fromCharCode(65 + randomInt(26))}${randomInt(100, 1000)}`,
            name: window.name,
            kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
            department,
            servesDepartments: [department],
            aPostStaffId: window.aPost.id,
            bPostStaffId: window.bPost.id,
            location: '一楼',
          },
          window.adminToken ?? (await this.adminToken()),
        );
        return created.window!;
      } catch (e) {
        if (window.number || decodeGrpcError(e as never).reason !== 'WINDOW_NUMBER_TAKEN') throw e;
      }
    }
  }

  /** A natural person of 620321 registered through identity, with a fresh ID number and a portal login. */
  async registerPerson(name: string): Promise<Applicant> {
    const idNumber = newResidentIdNumber(TENANT);
    const { person } = await this.identityCall<
      identityV1.RegisterNaturalPersonRequest,
      identityV1.RegisterNaturalPersonResponse
    >('registerNaturalPerson', { tenant: TENANT, name, idNumber, phone: newPhone(), password: PASSWORD });
    return { person: person!, name, idNumber, token: () => userToken(idNumber, { password: PASSWORD }) };
  }

  /** Drafts the item as yc-admin, submits it and has `reviewer` (a login of the world) approve it: as published. */
  async publishItem(draft: ItemDraft, reviewer: string): Promise<catalogueV1.Item> {
    const admin = await this.adminToken();
    type ItemAnswer = { item?: catalogueV1.Item };
    const item = async <Req>(method: keyof catalogueV1.CatalogueServiceClient, req: Req, token = admin) =>
      (await this.catalogueCall<Req, ItemAnswer>(method, req, token)).item!;
    const created = await item('createDraftItem', {
      idempotencyKey: `item-${hex(8)}`,
      tenant: TENANT,
      ...draft.fields,
    });
    const filled = await item('updateDraftItem', {
      id: created.id,
      expectedVersion: created.version,
      ...draft.fields,
      content: draft.content,
    });
    const submitted = await item('submitItem', { id: filled.id, expectedVersion: filled.version });
    return item(
      'reviewItem',
      { id: submitted.id, expectedVersion: submitted.version, approve: true, comments: '' },
      await this.token(reviewer),
    );
  }

  /** The CaseTransitioned events of a case, in order, once `count` of them were read and the reader caught up. */
  async transitions(caseId: string, count: number): Promise<applicationsV1.CaseTransitioned[]> {
    await waitFor(async () => this.events.of(CASE_TOPIC, caseId, TRANSITIONED).length >= count, {
      timeoutMs: 30_000,
      what: `${count} transitions of ${caseId}`,
    });
    await this.events.caughtUp();
    return this.events
      .of(CASE_TOPIC, caseId, TRANSITIONED)
      .map((e) => applicationsV1.CaseTransitioned.decode(e.envelope.payload));
  }
}
