import { ServiceTokenSource } from '@govhall/auth';
import { PreconditionError, UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import { jointReviewV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { ParentCenter, ReceiverView } from '../../usecases/escalations/escalation.ports';
import { escalationState, fromProtoUpdate, toProtoCase, toProtoFile } from '../grpc/escalation.mapper';

/** How the lower deployment reaches a parent hosted elsewhere (PARENT_CENTERS). */
export interface RemoteParent {
  targetTenant: string;
  /** host:port of the parent deployment's joint-review gRPC server. */
  address: string;
  /** The parent's Keycloak and realm, and a service account of the parent tenant (center account, ADR 0053). */
  keycloakUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
}

const MAX_MESSAGE = 24 * 1024 * 1024;

function view(e: jointReviewV1.Escalation | undefined): ReceiverView {
  if (!e) throw new UnavailableError('PARENT_UNAVAILABLE', '上级中心没有返回上报记录');
  return {
    id: e.id,
    state: escalationState.fromProto(e.state),
    transferredFileIds: e.files.filter((f) => f.round === e.round && f.transferred).map((f) => f.id),
  };
}

/** A refusal of the parent as the transfer records it: its reason code (never its message, which may hold data). */
function refused(error: unknown): Error {
  if (isServiceError(error) && error.code !== status.UNAVAILABLE && error.code !== status.DEADLINE_EXCEEDED) {
    const reason = decodeGrpcError(error).reason || `GRPC_${status[error.code]}`;
    return new PreconditionError(reason, '上级中心拒绝了本次交换');
  }
  return new UnavailableError('PARENT_UNAVAILABLE', '暂时无法连接上级中心');
}

/**
 * A parent center in another deployment, reached over gRPC (EscalationService) with a service account of the
 * parent tenant, whose tokens the parent's Keycloak issues: credentials and network access go one way, upward.
 */
export class RemoteParentCenter implements ParentCenter {
  private readonly client: jointReviewV1.EscalationServiceClient;
  private readonly tokens: ServiceTokenSource;

  constructor(
    private readonly parent: RemoteParent,
    private readonly deadlineMs = 30_000,
  ) {
    this.client = createGrpcClient(jointReviewV1.EscalationServiceClient, parent.address, {
      serviceName: 'govhall.joint_review.v1.EscalationService',
      idempotentMethods: [
        'ReceiveEscalation',
        'PutEscalationFile',
        'ReceiveResupply',
        'WithdrawEscalation',
        'PullEscalationUpdates',
        'GetEscalationFile',
      ],
      maxMessageBytes: MAX_MESSAGE,
    });
    this.tokens = new ServiceTokenSource({
      keycloakUrl: parent.keycloakUrl,
      realm: parent.realm,
      clientId: parent.clientId,
      clientSecret: parent.clientSecret,
    });
  }

  private async call<Req, Res>(method: keyof jointReviewV1.EscalationServiceClient, req: Req): Promise<Res> {
    let token: string;
    try {
      token = await this.tokens.token();
    } catch {
      throw new UnavailableError('PARENT_UNAVAILABLE', '无法取得上级中心的服务账号令牌');
    }
    const fn = (this.client as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
    try {
      return await callUnary<Req, Res>(fn.bind(this.client) as never, req, {
        authorization: `Bearer ${token}`,
        deadlineMs: this.deadlineMs,
      });
    } catch (error) {
      throw refused(error);
    }
  }

  async receive(call: Parameters<ParentCenter['receive']>[0]) {
    const files = call.files.map((f) => ({ ...f, round: 1, transferred: false }));
    const { escalation } = await this.call<
      jointReviewV1.ReceiveEscalationRequest,
      jointReviewV1.ReceiveEscalationResponse
    >('receiveEscalation', {
      requestId: call.requestId,
      targetTenant: call.targetTenant,
      targetDepartment: call.targetDepartment,
      sourceTenant: call.sourceTenant,
      sourceEscalationId: call.sourceEscalationId,
      case: toProtoCase(call.case, files),
      files: files.map(toProtoFile),
      note: call.note,
      forwardedByName: call.forwardedByName,
    });
    return view(escalation);
  }

  async putFile(escalationId: string, fileId: string, content: Buffer) {
    const { escalation } = await this.call<
      jointReviewV1.PutEscalationFileRequest,
      jointReviewV1.PutEscalationFileResponse
    >('putEscalationFile', { escalationId, fileId, content });
    return view(escalation);
  }

  async receiveResupply(call: Parameters<ParentCenter['receiveResupply']>[0]) {
    const { escalation } = await this.call<jointReviewV1.ReceiveResupplyRequest, jointReviewV1.ReceiveResupplyResponse>(
      'receiveResupply',
      {
        escalationId: call.escalationId,
        round: call.round,
        note: call.note,
        files: call.files.map((f) => toProtoFile({ ...f, round: call.round, transferred: false })),
        forwardedByName: call.forwardedByName,
      },
    );
    return view(escalation);
  }

  async withdraw(escalationId: string, reason: string) {
    await this.call<jointReviewV1.WithdrawEscalationRequest, jointReviewV1.WithdrawEscalationResponse>(
      'withdrawEscalation',
      { escalationId, reason },
    );
  }

  async getFile(escalationId: string, fileId: string) {
    const answer = await this.call<jointReviewV1.GetEscalationFileRequest, jointReviewV1.GetEscalationFileResponse>(
      'getEscalationFile',
      { escalationId, fileId },
    );
    return { fileName: answer.fileName, contentType: answer.contentType, content: Buffer.from(answer.content) };
  }

  async pullUpdates(targetTenant: string, sourceTenant: string, after: number, max: number) {
    const answer = await this.call<
      jointReviewV1.PullEscalationUpdatesRequest,
      jointReviewV1.PullEscalationUpdatesResponse
    >('pullEscalationUpdates', { targetTenant, sourceTenant, afterSequence: after, maxUpdates: max });
    return {
      updates: answer.updates.map((u) => ({
        counterpartId: u.escalationId,
        sourceEscalationId: u.sourceEscalationId,
        state: escalationState.fromProto(u.state),
        update: fromProtoUpdate(u.update!),
      })),
      lastSequence: Number(answer.lastSequence),
    };
  }

  close(): void {
    this.client.close();
  }
}

/**
 * Parses PARENT_CENTERS: "<parent tenant>=<host:port>|<keycloak url>|<realm>|<client id>:<secret>" entries separated
 * by commas. A malformed entry is a start-up error naming its position, never its secret.
 */
export function parseParentCenters(value: string): RemoteParent[] {
  return value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map((entry, i) => {
      const m = /^(\d{6}(?:\d{3}(?:\d{3})?)?)=([^|]+)\|(https?:\/\/[^|]+)\|([^|]+)\|([A-Za-z0-9_.-]+):(.+)$/.exec(
        entry,
      );
      if (!m) {
        throw new Error(
          `PARENT_CENTERS entry ${i + 1} is not "<tenant>=<host:port>|<keycloak url>|<realm>|<client id>:<secret>"`,
        );
      }
      return {
        targetTenant: m[1]!,
        address: m[2]!,
        keycloakUrl: m[3]!,
        realm: m[4]!,
        clientId: m[5]!,
        clientSecret: m[6]!,
      };
    });
}
