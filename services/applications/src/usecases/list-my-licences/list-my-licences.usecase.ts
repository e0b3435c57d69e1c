import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import type { Licence } from '../../domain/licence';
import type { HandlingDeps } from '../handling.deps';

export interface ListMyLicencesQuery {
  /** Legal person (or organisation) the caller acts for; '' = the caller as a natural person. */
  onBehalfOf: string;
  offset: number;
  limit: number;
}

const PERSON_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The caller's licences (电子证照), newest first: their own as a natural person, or those of a legal person they hold
 * or act for. An agent sees the licences of the departments identity's acting check allows them (their grant's
 * scope); with none allowed, PERMISSION_DENIED with identity's reason.
 */
export function listMyLicencesUseCase(deps: Pick<HandlingDeps, 'licences' | 'acting'>) {
  return async (
    query: ListMyLicencesQuery,
    actor: Principal,
    authorization: string,
  ): Promise<{ licences: Licence[]; total: number }> => {
    if (actor.kind !== 'user' || !actor.subject) {
      throw new ForbiddenError('APPLICANT_REQUIRED', '请以申请人身份登录后查看本人的电子证照');
    }
    const page = { offset: query.offset, limit: query.limit };
    const onBehalfOf = query.onBehalfOf.trim();
    if (!onBehalfOf) return deps.licences.listByHolder({ subject: actor.subject }, page);
    if (!PERSON_ID.test(onBehalfOf)) {
      throw new ValidationError([{ path: 'onBehalfOf', reason: 'PATTERN', message: '单位标识格式不正确' }]);
    }
    const departments = await deps.licences.departmentsOfHolder(onBehalfOf);
    if (departments.length === 0) return { licences: [], total: 0 };
    const answers = await Promise.all(
      departments.map(async (department) => ({
        department,
        answer: await deps.acting.checkActing(authorization, { legalPersonId: onBehalfOf, department, itemCode: '' }),
      })),
    );
    const allowed = answers.filter((a) => a.answer.allowed).map((a) => a.department);
    if (allowed.length === 0) {
      const refused = answers[0]!.answer;
      throw new ForbiddenError(
        refused.reason || 'NOT_AUTHORISED_AGENT',
        refused.message || '您无权以该单位名义查看证照',
      );
    }
    return deps.licences.listByHolder({ personId: onBehalfOf, departments: allowed }, page);
  };
}
