import { actsInTenant, hasAnyRole, type Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { newComplaint, validateNewComplaint, type NewComplaintInput, type Complaint } from '../../domain/complaint';
import type { Clock, IdGenerator, ComplaintRepository } from '../ports';

export type CreateComplaintCommand = NewComplaintInput;

/**
 * A center administrator creates a complaint in their own tenant; titles are unique per tenant.
 * `hostedTenants` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any.
 */
export function createComplaintUseCase(deps: {
  complaints: ComplaintRepository;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateComplaintCommand, actor: Principal): Promise<Complaint> => {
    const violations = validateNewComplaint(command);
    if (violations.length > 0) throw new ValidationError(violations);
    if (!hasAnyRole(actor, ['center_admin']) || !actsInTenant(actor, command.tenant)) {
      throw new ForbiddenError('COMPLAINTS_WRITE_FORBIDDEN', '只有本级政务服务中心管理员可以执行此操作');
    }
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}，请到其所属平台办理`);
    }
    const { complaint, events } = newComplaint(command, deps.ids.newId(), deps.clock.now(), actor.username);
    if (!(await deps.complaints.insert(complaint, events, actor))) {
      throw new ConflictError('COMPLAINT_TITLE_TAKEN', '本级已有同名记录，请换一个标题');
    }
    return complaint;
  };
}
