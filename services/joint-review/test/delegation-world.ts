import { createGrpcClient, callUnary } from '@govhall/grpc';
import { applicationsV1, catalogueV1, identityV1, jointReviewV1 } from '@govhall/proto';
import { bearer, clientToken, startEventReader, waitFor, type EventReader } from '@govhall/testing';
import { randomInt } from 'node:crypto';
import { JointWorld, SCJG, TENANT, type ServiceAccountUnderTest } from './joint-world';
import { testItem } from '../../applications/test/cases-world';

/*
 * 代受理 (delegated acceptance, J7) around a JointWorld: 永昌县水务局 (SLJ) keeps no window of its own and entrusts
 * the center's comprehensive window (综合窗口, kind COMPREHENSIVE, serving SCJG and SLJ) with accepting its item; the
 * cases service routes the item's online cases to that window, whose A post (the delegation clerk) accepts them. The
 * cases service lets only a window clerk of the case's own department act on it (ADR 0056): the window's posts are
 * therefore staff of SLJ. SLJ has a catalogue reviewer (who publishes the item) and an approver (who decides), and
 * its own approval system (a department system's service account), which may take the decision task instead.
 */

export const SLJ = `${TENANT}-SLJ`;
export const DELEGATED_CASE_TOPIC = 'govhall.joint-review.delegated-case';

type Methods = Record<string, (...args: unknown[]) => unknown>;
export type DelegationLogin = 'delegationClerk' | 'delegationBackup' | 'sljReviewer' | 'sljApprover';

export class DelegationScene {
  readonly login = {} as Record<DelegationLogin, string>;
  window!: identityV1.Window;
  item!: catalogueV1.Item;
  events!: EventReader;
  client!: jointReviewV1.DelegationServiceClient;
  /** SLJ's approval system (DepartmentSystemService). */
  sljSystem!: ServiceAccountUnderTest;
  private sljSystemToken?: Promise<string>;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly world: JointWorld) {}

  async start(): Promise<void> {
    const w = this.world.cases;
    const staff = {} as Record<DelegationLogin, identityV1.Staff>;
    for (const [who, role, department] of [
      ['delegationClerk', 'window_clerk', SLJ],
      ['delegationBackup', 'window_clerk', SLJ],
      ['sljReviewer', 'reviewer', SLJ],
      ['sljApprover', 'approver', SLJ],
    ] as const) {
      staff[who] = await w.createStaff(role, { department, displayName: '代受理测试人员' });
      this.login[who] = staff[who].username;
    }
    for (;;) {
      try {
        const created = await w.identityCall<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
          'createWindow',
          {
            tenant: TENANT,
            number: `Z${randomInt(100, 1000)}`,
            name: '综合受理窗口',
            kind: identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE,
            department: SCJG,
            servesDepartments: [SCJG, SLJ],
            aPostStaffId: staff.delegationClerk.id,
            bPostStaffId: staff.delegationBackup.id,
            location: '一楼综合窗口区',
          },
          await w.adminToken(),
        );
        this.window = created.window!;
        break;
      } catch (e) {
        if (!String((e as Error).message).includes('WINDOW_NUMBER_TAKEN')) throw e;
      }
    }
    const draft = testItem('取水许可（代受理测试）', {
      workflow: [
        ['受理', 'window_clerk', 1],
        ['决定', 'approver', 4],
      ],
    });
    draft.fields.department = SLJ;
    this.item = await w.publishItem(draft, this.login.sljReviewer);
    this.sljSystem = await this.world.createServiceAccount(
      SLJ,
      `slj-${w.suffix}`,
      '水务局审批系统（集成测试）',
      await w.adminToken(),
    );
    this.events = await startEventReader([{ topic: DELEGATED_CASE_TOPIC, partitions: 3 }]);
    this.client = createGrpcClient(jointReviewV1.DelegationServiceClient, this.world.jointReviewAddress(), {
      serviceName: 'govhall.joint_review.v1.DelegationService',
      idempotentMethods: ['GetAgreement', 'ListAgreements', 'GetDelegatedCase', 'ListDelegatedCases'],
    });
  }

  async stop(): Promise<void> {
    this.client?.close();
    await this.events?.stop();
    if (this.sljSystem) {
      await this.world.cases
        .identityCall(
          'disableServiceAccount',
          { serviceAccountId: this.sljSystem.id, reason: '代受理集成测试结束' },
          await this.world.cases.adminToken(),
        )
        .catch(() => undefined);
    }
  }

  /** The token of SLJ's approval system (client credentials), fetched once. */
  systemToken(): Promise<string> {
    this.sljSystemToken ??= clientToken(this.sljSystem.clientId, this.sljSystem.secret);
    return this.sljSystemToken;
  }

  /** A login's token, fetched once (Keycloak refuses simultaneous grants of one login). */
  token(who: DelegationLogin): Promise<string> {
    const username = this.login[who];
    const hit = this.tokens.get(username);
    if (hit) return hit;
    const token = this.world.cases.token(username);
    this.tokens.set(username, token);
    return token;
  }

  /** An RPC of DelegationService as `token`. */
  call<Req, Res>(method: keyof jointReviewV1.DelegationServiceClient, req: Req, token: string): Promise<Res> {
    const fn = (this.client as unknown as Methods)[method];
    if (!fn) throw new Error(`no RPC ${method}`);
    return callUnary<Req, Res>(fn.bind(this.client) as never, req, { ...bearer(token), deadlineMs: 15_000 });
  }

  /** An online case of the delegated item, accepted at the comprehensive window by the clerk serving it. */
  async acceptedCase(name: string): Promise<applicationsV1.Case> {
    const submitted = await this.world.submittedCase(name, { itemId: this.item.id });
    if (submitted.windowId !== this.window.id) {
      throw new Error(`the case went to window ${submitted.windowId}, not the comprehensive window`);
    }
    type CaseAnswer = { case?: applicationsV1.Case };
    return (
      await this.world.cases.call<applicationsV1.AcceptCaseRequest, CaseAnswer>(
        'acceptCase',
        { id: submitted.id, expectedVersion: submitted.version, opinion: '材料齐全，予以受理' },
        await this.token('delegationClerk'),
      )
    ).case!;
  }

  /** The delegated case of a case, once the case stream opened it (as the delegation clerk reads it). */
  async opened(caseId: string): Promise<jointReviewV1.DelegatedCase> {
    const token = await this.token('delegationClerk');
    return waitFor(
      async () =>
        (
          await this.call<jointReviewV1.GetDelegatedCaseRequest, jointReviewV1.GetDelegatedCaseResponse>(
            'getDelegatedCase',
            { id: '', caseId },
            token,
          ).catch(() => ({ delegatedCase: undefined }))
        ).delegatedCase,
      { timeoutMs: 60_000, what: `the delegated case of case ${caseId}` },
    );
  }

  /** The delegated case once it is in `state` (the case stream moves it). */
  async inState(id: string, state: jointReviewV1.DelegatedCaseState): Promise<jointReviewV1.DelegatedCase> {
    const token = await this.token('delegationClerk');
    return waitFor(
      async () => {
        const { delegatedCase } = await this.call<
          jointReviewV1.GetDelegatedCaseRequest,
          jointReviewV1.GetDelegatedCaseResponse
        >('getDelegatedCase', { id, caseId: '' }, token);
        return delegatedCase?.state === state ? delegatedCase : undefined;
      },
      { timeoutMs: 60_000, what: `delegated case ${id} in state ${jointReviewV1.DelegatedCaseState[state]}` },
    );
  }

  /** The names of the delegated case's events read from its topic, once `last` was read. */
  async eventNames(id: string, last: string): Promise<string[]> {
    const type = `govhall.joint_review.v1.${last}`;
    await waitFor(async () => this.events.of(DELEGATED_CASE_TOPIC, id, type).length > 0, {
      timeoutMs: 60_000,
      what: `${last} of delegated case ${id}`,
    });
    return this.events.of(DELEGATED_CASE_TOPIC, id).map((e) => e.envelope.type.replace('govhall.joint_review.v1.', ''));
  }
}
