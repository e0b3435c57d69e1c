import { status } from '@grpc/grpc-js';
import { renderOfficialDocument, defaultFonts } from '@govhall/pdf';
import { actingCalls, createGrpcClient, isRefusal, type LoginTokens, type UnaryMethod } from '@govhall/grpc';
import { applicationsV1, catalogueV1, identityV1, jointReviewV1, paymentsV1 } from '@govhall/proto';
import { identitySeedClient, listPublishedItems } from '@govhall/seed-kit';
import type { FeeCaseApi } from './drive-fee-case';

export interface FeeCaseAddresses {
  applications: string;
  catalogue: string;
  identity: string;
  jointReview: string;
  payments: string;
}

/**
 * The walk's calls over the RUNNING services' gRPC APIs, each with the real Keycloak token of the login it acts as;
 * it never opens a database. Reads and the idempotent OpenCase / CreateStaff are retried while a service is briefly
 * unreachable; the acts are not (each carries the case's version, so a repeat is refused and the walk reads again).
 */
export function grpcFeeCaseApi(
  addresses: FeeCaseAddresses,
  logins: LoginTokens,
  options: { staffPassword: string; pauseMs?: number },
): FeeCaseApi & { close(): void } {
  const cases = createGrpcClient(applicationsV1.ApplicationsServiceClient, addresses.applications, {
    serviceName: 'govhall.applications.v1.ApplicationsService',
    idempotentMethods: ['GetCase', 'OpenCase'],
    maxAttempts: 5,
  });
  const catalogue = createGrpcClient(catalogueV1.CatalogueServiceClient, addresses.catalogue, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['ListItems'],
    maxAttempts: 5,
  });
  const review = createGrpcClient(jointReviewV1.JointReviewServiceClient, addresses.jointReview, {
    serviceName: 'govhall.joint_review.v1.JointReviewService',
    idempotentMethods: ['GetJointReview'],
    maxAttempts: 5,
  });
  const payments = createGrpcClient(paymentsV1.PaymentsServiceClient, addresses.payments, {
    serviceName: 'govhall.payments.v1.PaymentsService',
    idempotentMethods: ['GetAssessment', 'AssessFees'],
    maxAttempts: 5,
  });
  const identity = identitySeedClient({ address: addresses.identity, logins });
  // Documents (PDFs with Chinese fonts) are rendered inside some acts: give them time on a busy machine.
  const acting = new Map<object, ReturnType<typeof actingCalls>>(
    [cases, catalogue, review, payments].map((client) => [client, actingCalls(client, { logins, deadlineMs: 30_000 })]),
  );
  function call<Res>(client: object, rpc: string, request: object, as: string): Promise<Res> {
    const method = (client as Record<string, UnaryMethod<object, Res>>)[rpc]!;
    return acting.get(client)!<object, Res>(rpc, method, request, as);
  }
  const fonts = defaultFonts();
  const pauseMs = options.pauseMs ?? 500;

  return {
    async publishedItemId(tenant, basicCode, as) {
      const items = await listPublishedItems(acting.get(catalogue)!, catalogue, tenant, as);
      const item = items.find((i) => i.basicCode === basicCode);
      if (!item)
        throw new Error(`the catalogue of ${tenant} publishes no item ${basicCode} (did the catalogue seed run?)`);
      return item.id;
    },
    async ensureStaff({ admin, ...staff }) {
      const res = await identity.call<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
        'CreateStaff',
        identity.client.createStaff,
        identityV1.CreateStaffRequest.fromPartial({
          ...staff,
          roles: [...staff.roles],
          initialPassword: options.staffPassword,
          permanentPassword: true,
        }),
        admin,
      );
      if (
        res.staff?.department !== staff.department ||
        res.staff.status !== identityV1.StaffStatus.STAFF_STATUS_ACTIVE
      ) {
        throw new Error(`staff ${staff.username} is not an active member of ${staff.department}`);
      }
    },
    async caseAct(rpc, request, as) {
      const res = await call<{ case?: applicationsV1.Case }>(cases, rpc, request, as);
      if (!res.case) throw new Error(`${rpc}: the answer holds no case`);
      return res.case;
    },
    async windowClerk(windowId, as) {
      const res = await identity.call<identityV1.GetWindowResponsibleRequest, identityV1.GetWindowResponsibleResponse>(
        'GetWindowResponsible',
        identity.client.getWindowResponsible,
        { windowId, date: '' },
        as,
      );
      return res.responsible?.username ?? '';
    },
    async jointReview(caseId, as) {
      try {
        const res = await call<jointReviewV1.GetJointReviewResponse>(review, 'getJointReview', { id: '', caseId }, as);
        return res.review;
      } catch (e) {
        if (isRefusal(e, status.NOT_FOUND, ['JOINT_REVIEW_NOT_FOUND'])) return undefined;
        throw e;
      }
    },
    async submitOpinion(request, as) {
      await call(review, 'submitOpinion', request, as);
    },
    async concludeJointReview(request, as) {
      await call(review, 'concludeJointReview', request, as);
    },
    assessment: (caseId, as) => call<paymentsV1.GetAssessmentResponse>(payments, 'getAssessment', { caseId }, as),
    async assessFees(request, as) {
      return (await call<paymentsV1.AssessFeesResponse>(payments, 'assessFees', request, as)).notice;
    },
    materialPdf: (material) =>
      renderOfficialDocument(fonts, {
        issuingBody: '张三',
        title: material,
        blocks: [
          { kind: 'paragraph', text: `本文件为办理“存量房转移登记一件事”提交的“${material}”。` },
          { kind: 'paragraph', text: '演示数据：本材料由GovHall演示种子生成，内容均为虚构，不具有任何法律效力。' },
        ],
        createdAt: new Date('2026-01-05T09:00:00+08:00'),
        subject: material,
      }),
    pause: () => new Promise((resolve) => setTimeout(resolve, pauseMs)),
    close() {
      for (const client of [cases, catalogue, review, payments, identity.client]) client.close();
    },
  };
}
