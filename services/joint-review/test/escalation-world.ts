import { callUnary, createGrpcClient } from '@govhall/grpc';
import { applicationsV1, catalogueV1, identityV1, jointReviewV1 } from '@govhall/proto';
import { bearer, stack, startGroupAtTopicEnd, userToken, waitFor, type RunningProcess } from '@govhall/testing';
import { testItem } from '../../applications/test/cases-world';
import { CASE_TOPIC, JointWorld, SCJG, TENANT, type ServiceAccountUnderTest } from './joint-world';

/*
 * The world of escalation (上报件) against the real stack: JointWorld's identity, catalogue, cases service and
 * joint-review, plus what an escalated case needs, made through the services' APIs:
 *
 * - an escalated item (上报件) of 永昌县市场监管 (SCJG), accepted at the world's lead window;
 * - at the parent, 金昌市 (620300), its 市场监管局 (620300-SCJG): a window whose A post is its window lead (who gets
 *   the decision task, J5) and an approver who decides; made by 金昌市's administrator;
 * - a center account of 620300 (ADR 0053), made by the same administrator.
 *
 * Two ways the parent is reached (ADR 0055):
 * - 'same': the world's joint-review hosts both tenants and makes the transfer internally;
 * - 'remote': a second deployment — a second joint-review process on a database of its own, hosting 620300 only —
 *   started by the test; the world's joint-review (hosting 620321 only) reaches it over gRPC with the center account
 *   of 620300 (PARENT_CENTERS).
 */

export const PARENT = '620300';
export const PARENT_SCJG = `${PARENT}-SCJG`;
const PARENT_ADMIN = 'jc-city-admin';

export type ParentLogin = 'parentLead' | 'parentBackup' | 'parentApprover';

type Methods = Record<string, (...args: unknown[]) => unknown>;

export class EscalationWorld {
  readonly world: JointWorld;
  readonly parentLogin = {} as Record<ParentLogin, string>;
  parentWindow!: identityV1.Window;
  parentAccount!: ServiceAccountUnderTest;
  /** The parent department's own approval system (DepartmentSystemService), a service account of 620300-SCJG. */
  parentSystem!: ServiceAccountUnderTest;
  escalatedItem!: catalogueV1.Item;
  /** The second deployment ('remote'). */
  parentProcess?: RunningProcess;
  /** EscalationService where the parent's records live (the world's joint-review, or the second deployment). */
  parentClient!: jointReviewV1.EscalationServiceClient;
  private readonly parentTokens = new Map<string, Promise<string>>();
  private parentLaunch?: Parameters<JointWorld['launchJointReview']>[0];
  private parentPort = 0;

  constructor(readonly mode: 'same' | 'remote') {
    this.world = new JointWorld({ prepareJointReview: () => this.prepare(), catalogueTenants: [PARENT] });
  }

  start(): Promise<void> {
    return this.world.start();
  }

  private async prepare(): Promise<Record<string, string>> {
    const w = this.world.cases;
    const admin = await userToken(PARENT_ADMIN);
    const staff = {} as Record<ParentLogin, identityV1.Staff>;
    for (const [who, role] of [
      ['parentLead', 'window_clerk'],
      ['parentBackup', 'window_clerk'],
      ['parentApprover', 'approver'],
    ] as const) {
      staff[who] = await w.createStaff(role, {
        tenant: PARENT,
        department: PARENT_SCJG,
        displayName: '上级审批测试人员',
        adminToken: admin,
      });
      this.parentLogin[who] = staff[who].username;
    }
    this.parentWindow = await w.createWindow({
      name: '市级市场监管窗口',
      aPost: staff.parentLead,
      bPost: staff.parentBackup,
      department: PARENT_SCJG,
      tenant: PARENT,
      adminToken: admin,
    });
    this.parentAccount = await this.world.createServiceAccount(
      '',
      `jcs-${w.suffix}`,
      '金昌市联合审批服务（集成测试）',
      admin,
      PARENT,
    );
    this.parentSystem = await this.world.createServiceAccount(
      PARENT_SCJG,
      `jcs-scjg-${w.suffix}`,
      '金昌市市场监管局审批系统（集成测试）',
      admin,
    );
    const draft = testItem('上报测试许可');
    draft.fields.handlingCategory = catalogueV1.HandlingCategory.HANDLING_CATEGORY_ESCALATED;
    this.escalatedItem = await w.publishItem(draft, this.world.login.catalogueReviewer);

    const own = this.world.accounts.jointReview;
    const p = this.parentAccount;
    if (this.mode === 'same') {
      return {
        GOVHALL_TENANTS: `${TENANT},${PARENT}`,
        SERVICE_ACCOUNTS: `${own.tenant}=${own.clientId}:${own.secret},${PARENT}=${p.clientId}:${p.secret}`,
      };
    }
    // The parent's deployment: its own database and consumer group (it hosts no tenant of the case stream's cases).
    const group = `joint-review-parent-it-${w.suffix}`;
    await startGroupAtTopicEnd(group, [CASE_TOPIC]);
    this.parentLaunch = {
      name: 'joint-review-parent',
      db: `govhall_joint_review_p${w.suffix}`,
      env: {
        GOVHALL_TENANTS: PARENT,
        SERVICE_ACCOUNTS: `${PARENT}=${p.clientId}:${p.secret}`,
        CASE_STREAM_GROUP_ID: group,
      },
    };
    const parent = await this.world.launchJointReview(this.parentLaunch);
    this.parentProcess = parent.process;
    this.parentPort = parent.port;
    this.parentClient = this.escalationClient(`127.0.0.1:${parent.port}`);
    return {
      PARENT_CENTERS: `${PARENT}=127.0.0.1:${parent.port}|${stack.keycloakUrl}|${stack.realm}|${p.clientId}:${p.secret}`,
    };
  }

  private escalationClient(address: string): jointReviewV1.EscalationServiceClient {
    return createGrpcClient(jointReviewV1.EscalationServiceClient, address, {
      serviceName: 'govhall.joint_review.v1.EscalationService',
      idempotentMethods: ['GetEscalation', 'ListFollowUps', 'ListReceivedEscalations'],
    });
  }

  /**
   * 'remote': stops the parent's deployment, runs `whileDown`, and starts it again on the same port and database
   * (the lower deployment's channel reconnects by itself).
   */
  async restartParent(whileDown: () => Promise<void>): Promise<void> {
    if (!this.parentLaunch || !this.parentProcess) throw new Error('no parent deployment to restart');
    await this.parentProcess.stop();
    try {
      await whileDown();
    } finally {
      this.parentProcess = (
        await this.world.launchJointReview({ ...this.parentLaunch, port: this.parentPort })
      ).process;
    }
  }

  /** Where the parent's records live ('remote': the second deployment; 'same': the world's joint-review). */
  get parentAddress(): string {
    return this.mode === 'remote' ? `127.0.0.1:${this.parentPort}` : this.world.jointReviewAddress();
  }

  /** Where the lower center's records live (always the world's joint-review). */
  get lowerClient(): jointReviewV1.EscalationServiceClient {
    return this.world.escalationClient;
  }

  /** The parent's deployment stops while the parent's accounts are disabled and the world stops (identity last). */
  async stop(): Promise<void> {
    if (this.mode === 'remote') this.parentClient?.close();
    const disableAndStop = async () => {
      for (const account of [this.parentAccount, this.parentSystem]) {
        if (!account) continue;
        await this.world.cases
          .identityCall(
            'disableServiceAccount',
            { serviceAccountId: account.id, reason: '上报集成测试结束' },
            await userToken(PARENT_ADMIN),
          )
          .catch(() => undefined);
      }
      await this.world.stop();
    };
    await Promise.all([this.parentProcess?.stop(), disableAndStop()]);
  }

  /** A parent login's token (one fetch at a time per login, reused for a minute). */
  parentToken(who: ParentLogin): Promise<string> {
    const name = this.parentLogin[who];
    let token = this.parentTokens.get(name);
    if (!token) {
      token = this.world.cases.token(name);
      this.parentTokens.set(name, token);
      token.catch(() => this.parentTokens.delete(name));
      setTimeout(() => this.parentTokens.delete(name), 60_000).unref();
    }
    return token;
  }

  /** An RPC of EscalationService at the lower center or at the parent. */
  call<Req, Res>(
    side: 'lower' | 'parent',
    method: keyof jointReviewV1.EscalationServiceClient,
    req: Req,
    token: string,
  ): Promise<Res> {
    const client = side === 'lower' ? this.lowerClient : this.parentClient;
    const fn = (client as unknown as Methods)[method];
    if (!fn) throw new Error(`no RPC ${method}`);
    return callUnary<Req, Res>(fn.bind(client) as never, req, { ...bearer(token), deadlineMs: 15_000 });
  }

  /** A case of the escalated item filed by the world's applicant and accepted at the lead window: → ESCALATED. */
  async escalatedCase(shopName: string): Promise<applicationsV1.Case> {
    const submitted = await this.world.submittedCase(shopName, { itemId: this.escalatedItem.id });
    return this.world.accept(submitted);
  }

  /** The lower center's record of a case once the case stream opened it. */
  senderOf(caseId: string): Promise<jointReviewV1.Escalation> {
    return waitFor(
      async () => {
        const { escalation } = await this.call<jointReviewV1.GetEscalationRequest, jointReviewV1.GetEscalationResponse>(
          'lower',
          'getEscalation',
          { id: '', caseId },
          await this.world.token('clerk'),
        );
        return escalation;
      },
      { timeoutMs: 60_000, what: `the escalation record of case ${caseId}` },
    );
  }

  /** GetEscalation by id on one side, as `token`. */
  async get(side: 'lower' | 'parent', id: string, token: string): Promise<jointReviewV1.Escalation> {
    const { escalation } = await this.call<jointReviewV1.GetEscalationRequest, jointReviewV1.GetEscalationResponse>(
      side,
      'getEscalation',
      { id, caseId: '' },
      token,
    );
    return escalation!;
  }

  /** Waits until the record on one side satisfies `ok`. */
  until(
    side: 'lower' | 'parent',
    id: string,
    token: () => Promise<string>,
    ok: (e: jointReviewV1.Escalation) => boolean,
    what: string,
  ): Promise<jointReviewV1.Escalation> {
    return waitFor(
      async () => {
        const e = await this.get(side, id, await token());
        return ok(e) ? e : undefined;
      },
      { timeoutMs: 60_000, what },
    );
  }
}

export { SCJG, TENANT };
