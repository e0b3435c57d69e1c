import type { PasswordLogins } from '@govhall/auth';
import { actingCalls, createGrpcClient, type ActingCall, type UnaryMethod } from '@govhall/grpc';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import { listPublishedItems } from '@govhall/seed-kit';

/**
 * How the cases seed reaches the services: the applications service's own gRPC API for every act on a case, and
 * the reads it needs from identity (windows, who serves a window today, the filer's profile) and the catalogue
 * (the tenant's published items), each with the real Keycloak token of the person it acts as. It never opens a
 * database (one writer process per service database).
 */

/** Method names of the applications client the seed calls (camelCase, as generated). */
export type CaseRpc =
  | 'openCase'
  | 'uploadMaterial'
  | 'completeUpload'
  | 'voidDraft'
  | 'submitCase'
  | 'withdrawCase'
  | 'registerWalkIn'
  | 'recordCorrection'
  | 'issueOneTimeNotice'
  | 'passPreReview'
  | 'sendToAcceptance'
  | 'acceptCase'
  | 'refuseToAccept'
  | 'voidCase'
  | 'decideOnTheSpot'
  | 'completeStep'
  | 'suspendCase'
  | 'decideCase'
  | 'issueResult'
  | 'deliverResult'
  | 'archiveCase'
  | 'getCase';

export interface CasesSeedApi {
  /** One applications RPC as the named login; answers the case it returns. */
  act(rpc: CaseRpc, request: object, as: string): Promise<applicationsV1.Case>;
  listQueue(request: applicationsV1.ListQueueRequest, as: string): Promise<applicationsV1.ListQueueResponse>;
  /** The login's identity profile (a filer's natural person, the legal persons it holds or acts for). */
  profile(as: string): Promise<identityV1.GetMyProfileResponse>;
  /** The tenant's windows (public). */
  windows(tenant: string): Promise<identityV1.Window[]>;
  /** Username of who serves the window today, asked as a staff login of its tenant ('' when nobody). */
  responsible(windowId: string, as: string): Promise<string>;
  /** The tenant's published items (staff view, every page), asked as a staff login of the tenant. */
  publishedItems(tenant: string, as: string): Promise<catalogueV1.Item[]>;
}

export function grpcCasesSeedApi(options: {
  applicationsAddress: string;
  identityAddress: string;
  catalogueAddress: string;
  logins: PasswordLogins;
  deadlineMs?: number;
}): CasesSeedApi & { close(): void } {
  const cases = createGrpcClient(applicationsV1.ApplicationsServiceClient, options.applicationsAddress, {
    serviceName: 'govhall.applications.v1.ApplicationsService',
    // Retried while the service is briefly unreachable: reads, and writes that carry an idempotency key.
    idempotentMethods: ['GetCase', 'ListQueue', 'OpenCase', 'RegisterWalkIn'],
    maxAttempts: 5,
  });
  const identity = createGrpcClient(identityV1.IdentityServiceClient, options.identityAddress, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: ['GetMyProfile', 'ListWindows', 'GetWindowResponsible'],
    maxAttempts: 5,
  });
  const catalogue = createGrpcClient(catalogueV1.CatalogueServiceClient, options.catalogueAddress, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['ListItems'],
    maxAttempts: 5,
  });
  // Rendering documents (PDFs with Chinese fonts) takes a moment on a busy machine.
  const deadlineMs = options.deadlineMs ?? 30_000;

  const acting = new Map<object, ActingCall>(
    [cases, identity, catalogue].map((client) => [client, actingCalls(client, { logins: options.logins, deadlineMs })]),
  );
  // By the generated method's name; an empty `as` calls anonymously.
  function call<Res>(client: object, rpc: string, request: object, as?: string): Promise<Res> {
    const method = (client as Record<string, UnaryMethod<object, Res>>)[rpc]!;
    return acting.get(client)!<object, Res>(rpc, method, request, as || undefined);
  }

  return {
    async act(rpc, request, as) {
      const res = await call<{ case?: applicationsV1.Case }>(cases, rpc, request, as);
      if (!res.case) throw new Error(`${rpc}: the answer holds no case`);
      return res.case;
    },
    listQueue: (request, as) => call<applicationsV1.ListQueueResponse>(cases, 'listQueue', request, as),
    profile: (as) => call<identityV1.GetMyProfileResponse>(identity, 'getMyProfile', {}, as),
    windows: async (tenant) =>
      (await call<identityV1.ListWindowsResponse>(identity, 'listWindows', { tenant })).windows,
    async responsible(windowId, as) {
      const res = await call<identityV1.GetWindowResponsibleResponse>(
        identity,
        'getWindowResponsible',
        { windowId, date: '' },
        as,
      );
      return res.responsible?.username ?? '';
    },
    publishedItems: (tenant, as) => listPublishedItems(acting.get(catalogue)!, catalogue, tenant, as),
    close() {
      cases.close();
      identity.close();
      catalogue.close();
    },
  };
}
