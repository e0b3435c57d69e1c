import { status } from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { ActingAuthority } from '../../usecases/handling.ports';

/**
 * identity's acting check (CheckActingAuthority), asked with the caller's own token so identity judges the caller
 * (the account holder or an agent with a grant covering the department). identity down → UNAVAILABLE.
 */
export class IdentityActingAuthority implements ActingAuthority {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['CheckActingAuthority'],
    });
  }

  async check(request: { legalPersonId: string; department: string; itemCode?: string }, authorization: string) {
    try {
      const answer = await callUnary<identityV1.CheckActingAuthorityRequest, identityV1.CheckActingAuthorityResponse>(
        this.client.checkActingAuthority.bind(this.client),
        {
          legalPersonId: request.legalPersonId,
          department: request.department,
          itemCode: request.itemCode ?? '',
          agentSubject: '',
        },
        { authorization, deadlineMs: this.deadlineMs },
      );
      return { allowed: answer.allowed, reason: answer.reason, message: answer.message };
    } catch (e) {
      if (isServiceError(e) && e.code === status.NOT_FOUND) {
        return { allowed: false, reason: 'LEGAL_PERSON_NOT_FOUND', message: '未找到该单位' };
      }
      if (isServiceError(e) && (e.code === status.UNAVAILABLE || e.code === status.DEADLINE_EXCEEDED)) {
        throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时无法访问，请稍后重试');
      }
      throw e;
    }
  }

  close(): void {
    this.client.close();
  }
}
