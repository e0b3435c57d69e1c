import { actsInTenant, hasAnyRole, type Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import {
  newJointReview,
  validateNewJointReview,
  type NewJointReviewInput,
  type JointReview,
} from '../../domain/joint-review';
import type { Clock, IdGenerator, JointReviewRepository } from '../ports';

export type CreateJointReviewCommand = NewJointReviewInput;

/**
 * A center administrator creates a joint-review in their own tenant; titles are unique per tenant.
 * `hostedTenants` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any.
 */
export function createJointReviewUseCase(deps: {
  jointReviews: JointReviewRepository;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateJointReviewCommand, actor: Principal): Promise<JointReview> => {
    const violations = validateNewJointReview(command);
    if (violations.length > 0) throw new ValidationError(violations);
    if (!hasAnyRole(actor, ['center_admin']) || !actsInTenant(actor, command.tenant)) {
      throw new ForbiddenError('JOINT_REVIEW_WRITE_FORBIDDEN', '只有本级政务服务中心管理员可以执行此操作');
    }
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}，请到其所属平台办理`);
    }
    const { jointReview, events } = newJointReview(command, deps.ids.newId(), deps.clock.now(), actor.username);
    if (!(await deps.jointReviews.insert(jointReview, events, actor))) {
      throw new ConflictError('JOINT_REVIEW_TITLE_TAKEN', '本级已有同名记录，请换一个标题');
    }
    return jointReview;
  };
}
