import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { toDocument } from '@govhall/mongo';
import { catalogueV1, identityV1, paymentsV1 } from '@govhall/proto';
import {
  bearer,
  freePort,
  startEventReader,
  startGroupAtTopicEnd,
  startProcess,
  stack,
  together,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';
import { CasesWorld, SCJG, TENANT, testItem, type Applicant } from '../../applications/test/cases-world';
import { draftCase } from '../../applications/src/domain/case.test-double';
import { NOTICE_TOPIC } from '../src/adapters/kafka/notice-events';

export { SCJG, TENANT };
export const SWJ = '620321-SWJ';
export const CHANNEL = 'stand-in';

/** A register entry of the world's tenant: an administrative fee of SCJG with demo codes, unless `over` says else. */
export function feeItem(over: Partial<paymentsV1.FeeItem>): paymentsV1.FeeItem {
  return {
    tenant: TENANT,
    code: '',
    name: '',
    legalBasis: '测试收费依据',
    category: paymentsV1.FeeCategory.FEE_CATEGORY_ADMINISTRATIVE,
    department: SCJG,
    collectingUnitCode: '620321001',
    revenueCode: '103040101',
    standardFen: 0,
    unit: '件',
    formula: '',
    active: true,
    version: 0,
    updatedAt: undefined,
    updatedBy: '',
    ...over,
  };
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

/**
 * The payments service's integration world: the cases world (identity, catalogue, the cases service, each its own
 * process), an item with two departments' fee lines published through the catalogue, the payments service with a
 * center account of 永昌县 and a bank channel whose key pair the test holds, and the notice topic read back.
 */
export class PaymentsWorld {
  readonly cases = new CasesWorld({ name: 'payments', tag: 'p' });
  /** The payments service's database (renewPayments moves it to a new one). */
  db = `govhall_payments_t${this.cases.suffix}`;
  /** Every database payments used here: stop() drops them all. */
  private readonly dbs = [this.db];
  events!: EventReader;
  payments!: RunningProcess;
  client!: paymentsV1.PaymentsServiceClient;
  bankClient!: paymentsV1.BankServiceClient;
  reconciliationClient!: paymentsV1.ReconciliationServiceClient;
  readonly bankKey = generateKeyPairSync('ed25519');
  readonly kid = 'k-2026';
  /** The platform's key for refund instructions, and the id the bank knows it by. */
  readonly platformKey = generateKeyPairSync('ed25519');
  readonly platformKid = 'govhall-test-1';
  gateway?: RunningProcess;
  standIn?: RunningProcess;
  standInUrl = '';
  item!: catalogueV1.Item;
  applicant!: Applicant;
  staff = {} as Record<'scjgReviewer' | 'swjReviewer' | 'clerk' | 'head' | 'catalogueReviewer', identityV1.Staff>;
  private account?: { id: string; clientId: string };
  /** payments' SERVICE_ACCOUNTS: its center account of 永昌县. */
  private serviceAccounts = '';

  async start(): Promise<void> {
    await this.cases.start();
    // Then together, none needing another: the notice topic's reader, the staff and the item, the applicant, the
    // cases service (in its group of the notice topic) and payments' service account; payments last, with the account
    // and the cases service's address.
    await together([
      startEventReader([{ topic: NOTICE_TOPIC, partitions: 3 }]).then((events) => (this.events = events)),
      this.makeStaffAndItem(),
      this.cases.registerPerson('缴费测试人').then((applicant) => (this.applicant = applicant)),
      this.startApplications(),
      this.makeServiceAccount(),
    ]);
    await this.startPayments({ SERVICE_ACCOUNTS: this.serviceAccounts });
  }

  /** The staff (together: each a Keycloak user made by yc-admin, whose one token the world shares) and the item. */
  private async makeStaffAndItem(): Promise<void> {
    const s = this.cases;
    [this.staff.scjgReviewer, this.staff.swjReviewer, this.staff.clerk, this.staff.head, this.staff.catalogueReviewer] =
      await Promise.all([
        s.createStaff('reviewer'),
        s.createStaff('reviewer', { department: SWJ }),
        s.createStaff('window_clerk'),
        s.createStaff('department_head'),
        s.createStaff('center_admin', { department: '' }),
      ]);
    const draft = testItem('缴费测试许可');
    draft.content.fees = [
      {
        name: '登记费',
        legalBasis: '测试收费依据',
        amountFen: 8000,
        formula: '',
        reductions: '',
        feeCode: `P${this.cases.suffix}-DJF`,
      },
      {
        name: '工本费',
        legalBasis: '测试收费依据',
        amountFen: 1000,
        formula: '',
        reductions: '',
        feeCode: `P${this.cases.suffix}-GBF`,
      },
      {
        name: '契税',
        legalBasis: '《中华人民共和国契税法》',
        amountFen: 0,
        formula: 'price * 0.015',
        reductions: '',
        feeCode: `P${this.cases.suffix}-QS`,
      },
    ];
    this.item = await s.publishItem(draft, this.staff.catalogueReviewer.username);
  }

  /** The cases service, which holds and releases the world's cases on their notices, in a group of its own. */
  private async startApplications(): Promise<void> {
    const paymentsGroup = `applications-payments-${this.cases.suffix}`;
    await startGroupAtTopicEnd(paymentsGroup, [NOTICE_TOPIC]);
    await this.cases.startApplications({ GOVHALL_TENANTS: TENANT, PAYMENTS_GROUP_ID: paymentsGroup });
  }

  /** payments' center account of 永昌县, made by yc-admin (for its SERVICE_ACCOUNTS). */
  private async makeServiceAccount(): Promise<void> {
    const s = this.cases;
    const created = await s.identityCall<
      identityV1.CreateServiceAccountRequest,
      identityV1.CreateServiceAccountResponse
    >(
      'createServiceAccount',
      { tenant: TENANT, department: '', clientId: `pay-${this.cases.suffix}`, description: '收费服务（集成测试）' },
      await s.adminToken(),
    );
    this.account = { id: created.serviceAccount!.id, clientId: `pay-${this.cases.suffix}` };
    this.serviceAccounts = `${TENANT}=${this.account.clientId}:${created.clientSecret}`;
  }

  private ports?: { grpc: number; metrics: number };
  private env: Record<string, string> = {};

  /** Starts payments (again on the same ports and database after a stop or a kill), with `env` added. */
  async startPayments(env: Record<string, string> = {}): Promise<RunningProcess> {
    this.ports ??= { grpc: await freePort(), metrics: await freePort() };
    this.env = { ...this.env, ...env };
    const spki = this.bankKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    this.payments = await startProcess({
      name: 'payments',
      entry: 'services/payments/dist/main.js',
      env: {
        MONGODB_URI: stack.mongoUri,
        MONGODB_DB: this.db,
        KAFKA_BROKERS: stack.kafkaBrokers,
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(this.ports.grpc),
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(this.ports.metrics),
        OUTBOX_POLL_MS: '200',
        GOVHALL_TENANTS: TENANT,
        APPLICATIONS_GRPC_ADDR: this.cases.address,
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${this.cases.catalogue.port}`,
        BANK_CHANNELS: `${CHANNEL}=${this.kid}:${spki}`,
        COLLECTING_BODIES: `${TENANT}=永昌县政务服务中心|62032100`,
        ...this.env,
      },
      readyPort: this.ports.grpc,
    });
    this.client?.close();
    this.bankClient?.close();
    this.reconciliationClient?.close();
    const address = `127.0.0.1:${this.ports.grpc}`;
    this.client = createGrpcClient(paymentsV1.PaymentsServiceClient, address, {
      serviceName: 'govhall.payments.v1.PaymentsService',
      idempotentMethods: ['GetNotice', 'GetCaseNotice', 'ListFeeItems', 'GetAssessment'],
    });
    this.bankClient = createGrpcClient(paymentsV1.BankServiceClient, address, {
      serviceName: 'govhall.payments.v1.BankService',
      idempotentMethods: [],
    });
    this.reconciliationClient = createGrpcClient(paymentsV1.ReconciliationServiceClient, address, {
      serviceName: 'govhall.payments.v1.ReconciliationService',
      idempotentMethods: ['ListStatements', 'ListMismatches'],
      maxMessageBytes: 8 * 1024 * 1024,
    });
    return this.payments;
  }

  /**
   * The gateway in front of identity, catalogue, the cases service and payments: the bank's edge, and the built web
   * apps for browser tests (no supervision behind it: the staff apps' inbox badge is answered 503).
   */
  async startGateway(): Promise<string> {
    const [port, metrics] = [await freePort(), await freePort()];
    this.gateway = await startProcess({
      name: 'gateway-payments',
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
        PAYMENTS_GRPC_ADDR: `127.0.0.1:${this.ports!.grpc}`,
        SUPERVISION_GRPC_ADDR: '127.0.0.1:1',
        GRPC_DEADLINE_MS: '30000',
        RATE_LIMIT_MAX: '100000',
        OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
      },
      readyPort: port,
    });
    return `http://127.0.0.1:${port}`;
  }

  /**
   * The local stand-in for the collecting bank, its own process, on the world's channel key, calling back through
   * `gatewayUrl`; and payments restarted to send it refund instructions signed with the platform's key.
   */
  async startStandIn(gatewayUrl: string, stateDir: string): Promise<string> {
    const port = await freePort();
    const platformSpki = this.platformKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    this.standIn = await startProcess({
      name: 'bank-stand-in',
      entry: 'examples/bank-stand-in/dist/main.js',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        GOVHALL_URL: gatewayUrl,
        CHANNEL,
        KID: this.kid,
        BANK_PRIVATE_KEY: this.bankKey.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        STATE_DIR: stateDir,
        PLATFORM_KEYS: `${this.platformKid}:${platformSpki}`,
        CALLBACK_BACKOFF_MS: '200',
      },
      readyPort: port,
    });
    this.standInUrl = `http://127.0.0.1:${port}`;
    await this.payments.stop();
    await this.startPayments({
      BANK_REFUND_URLS: `${CHANNEL}=${this.standInUrl}/refunds`,
      PLATFORM_SIGNING_KEY: this.platformKey.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      PLATFORM_KID: this.platformKid,
      REFUND_POLL_MS: '300',
    });
    return this.standInUrl;
  }

  /**
   * Payments again on a new database (its register, notices, refunds and statements empty), with a new bank stand-in
   * (state in `stateDir`) in front of it, calling back through `gatewayUrl`: for a test that shares the world's other
   * processes with a test before it but keeps its payments to itself. Put the register's fee items again. Answers the
   * stand-in's URL.
   */
  async renewPayments(gatewayUrl: string, stateDir: string): Promise<string> {
    await this.standIn?.stop();
    this.db = `govhall_payments_t${this.cases.suffix}_${this.dbs.length}`;
    this.dbs.push(this.db);
    return this.startStandIn(gatewayUrl, stateDir);
  }

  /**
   * Stops what started, disables payments' service account, drops the databases. The stand-in, the gateway, payments
   * and the cases service stop together (each takes seconds: a Kafka consumer leaves its group) while identity, which
   * stops last, disables the account.
   */
  async stop(): Promise<void> {
    this.client?.close();
    this.bankClient?.close();
    this.reconciliationClient?.close();
    const account = this.account;
    await Promise.all([
      this.standIn?.stop(),
      this.gateway?.stop(),
      this.payments?.stop(),
      this.cases.applications?.stop(),
      this.events?.stop(),
      account &&
        this.cases
          .adminToken()
          .then((token) => this.cases.identityCall('disableServiceAccount', { id: account.id }, token))
          .catch(() => undefined),
    ]);
    await this.cases.stop(this.dbs);
  }

  /** A PaymentsService RPC as `token`. */
  call<Req, Res>(method: keyof paymentsV1.PaymentsServiceClient, req: Req, token: string): Promise<Res> {
    const fn = (this.client as unknown as Methods)[method]!;
    return callUnary<Req, Res>(fn.bind(this.client) as never, req, { ...bearer(token), deadlineMs: 20_000 });
  }

  /** A ReconciliationService RPC as `token`. */
  reconcile<Req, Res>(method: keyof paymentsV1.ReconciliationServiceClient, req: Req, token: string): Promise<Res> {
    const fn = (this.reconciliationClient as unknown as Methods)[method]!;
    return callUnary<Req, Res>(fn.bind(this.reconciliationClient) as never, req, {
      ...bearer(token),
      deadlineMs: 30_000,
    });
  }

  /** A BankService RPC (no token: the JWS is the authentication). */
  bank<Res>(method: 'queryPaymentCode' | 'receiveCallback', jws: string, channel = CHANNEL): Promise<Res> {
    const fn = (this.bankClient as unknown as Methods)[method]!;
    return callUnary<unknown, Res>(
      fn.bind(this.bankClient) as never,
      { message: { channel, jws } },
      { deadlineMs: 20_000 },
    );
  }

  /** A bank message signed as the channel does: fresh nonce, iat now, unless the test says otherwise. */
  sign(payload: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): Promise<string> {
    const body = { iat: Math.floor(Date.now() / 1000), nonce: randomBytes(18).toString('base64url'), ...payload };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
      .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? this.kid })
      .sign(options.key ?? this.bankKey.privateKey);
  }

  /** An approved case of the world's applicant on the world's item, put straight into the cases service's store. */
  async approvedCase(formData: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    const c = draftCase({
      id,
      caseNumber: `620321${Date.now().toString().slice(-10)}`,
      status: 'approved',
      version: 9,
      itemId: this.item.id,
      itemName: this.item.name,
      itemBasicCode: this.item.basicCode,
      department: SCJG,
      formData: JSON.stringify(formData),
      applicant: {
        kind: 'natural_person',
        personId: this.applicant.person.id,
        name: this.applicant.name,
        idCode: this.applicant.idNumber,
        subject: this.applicant.person.subject,
        agentPersonId: '',
        agentName: '',
        agentSubject: '',
        agentGrantId: '',
      },
      decision: { outcome: 'approved', reasons: [], remedies: [], decidedBy: 'p-approver', decidedAt: new Date() },
      submittedAt: new Date(),
    });
    await this.cases
      .collection('cases')
      .insertOne(toDocument(c, { idempotencyKey: `fx-${id}`, ownerSubject: c.applicant.subject, outbox: [] }) as never);
    return id;
  }
}
