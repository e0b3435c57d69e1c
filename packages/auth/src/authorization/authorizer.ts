import { metrics } from '@opentelemetry/api';
import { ForbiddenError } from '@govhall/errors';
import { maskText } from '@govhall/identifiers';
import type { Principal } from '../principal';
import { decide, type Access, type AccessPolicy, type Decision, type ResourceRef } from './decide';

/** The part of a pino logger the authorizer needs. */
export interface DenialLogger {
  warn(obj: object, msg: string): void;
}

export interface Authorizer {
  /** Returns the allowing decision, or logs the denial and throws ForbiddenError(reason, message). */
  ensure(
    principal: Principal,
    access: Access,
    resource: ResourceRef,
    policy: AccessPolicy,
  ): Extract<Decision, { allowed: true }>;
}

const denials = metrics.getMeter('@govhall/auth').createCounter('authz.denials', {
  description: 'Access denied by the authorization model, by reason, access and resource type',
});

export function createAuthorizer(logger: DenialLogger): Authorizer {
  return {
    ensure(principal, access, resource, policy) {
      const decision = decide(principal, access, resource, policy);
      if (decision.allowed) return decision;
      const { subject, username, kind, tenant, department, roles, clientId } = principal;
      logger.warn(
        {
          // An applicant's username is their ID number: logged masked.
          principal: { subject, username: maskText(username), kind, tenant, department, roles, clientId },
          access,
          resource,
          reason: decision.reason,
        },
        'access denied',
      );
      denials.add(1, { reason: decision.reason, access, 'resource.type': resource.type });
      throw new ForbiddenError(decision.reason, decision.message);
    },
  };
}
