import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { assign, type Rectification } from '../../../domain/rectifications/rectification';
import { changeRectification } from '../change-rectification';
import type { Clock } from '../../ports';
import type { RectificationRepository, StaffDirectory } from '../ports';
import { requireMayAssign } from '../rectification-access';

export interface AssignRectificationCommand {
  id: string;
  expectedVersion: number;
  /** The handler's login. */
  handler: string;
}

/** The department head (or a center administrator) names the handler: an active member of the rated department. */
export function assignRectificationUseCase(deps: {
  rectifications: RectificationRepository;
  staff: StaffDirectory;
  clock: Clock;
}) {
  return (command: AssignRectificationCommand, actor: Principal): Promise<Rectification> =>
    changeRectification(deps.rectifications, command, actor, {
      permit: requireMayAssign,
      async apply(current) {
        const username = (command.handler ?? '').trim();
        if (!username) {
          throw new ValidationError([{ path: 'handler', reason: 'REQUIRED', message: '请选择整改处理人' }]);
        }
        const member = await deps.staff.memberOf(current.tenant, current.department, username);
        if (!member) {
          throw new ValidationError([
            { path: 'handler', reason: 'NOT_IN_DEPARTMENT', message: '整改处理人须是被评价部门在岗的工作人员' },
          ]);
        }
        return assign(current, member, deps.clock.now());
      },
    });
}
