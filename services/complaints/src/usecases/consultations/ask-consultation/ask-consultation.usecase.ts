import { hasAnyRole, STAFF_ROLES, type Principal } from '@govhall/auth';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import {
  askConsultation,
  checkAsking,
  consultationNumber,
  LOGGED_CHANNELS,
  type AskingInput,
  type Consultation,
} from '../../../domain/consultations/consultation';
import type { Clock, IdGenerator } from '../../ports';
import type { ConsultationRepository, PublishedItems, StaffNames } from '../ports';
import { tenantAndRequestViolations } from '../tenant-and-request';

export interface AskConsultationCommand extends AskingInput {
  tenant: string;
  /** Made once by the asker: asking again with it answers the same consultation. */
  requestId: string;
}

/**
 * 咨询 (C17, C18, C20, C21): a signed-in person asks about a published item of the tenant (in the public room or
 * privately) or writes to the leader mailbox; the tenant's staff log a phone, visit or hotline consultation with the
 * answer they gave. A retry with the same request id answers the same consultation; from anyone else it is refused.
 */
export function askConsultationUseCase(deps: {
  consultations: ConsultationRepository;
  items: PublishedItems;
  staffNames: StaffNames;
  clock: Clock;
  ids: IdGenerator;
  /** The tenants this deployment hosts (GOVHALL_TENANTS); empty: any. */
  hostedTenants: readonly string[];
}) {
  return async (command: AskConsultationCommand, actor: Principal | undefined): Promise<Consultation> => {
    const v = tenantAndRequestViolations(command, deps.hostedTenants);
    if (v.length > 0) throw new ValidationError(v);
    const input = checkAsking(command);
    const logged = LOGGED_CHANNELS.includes(input.channel);
    if (actor?.kind !== 'user') throw new UnauthenticatedError('TOKEN_MISSING', '请先登录后再咨询');
    if (logged && (!hasAnyRole(actor, STAFF_ROLES) || actor.tenant !== command.tenant)) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的工作人员可以登记电话、来访和热线咨询');
    }

    const again = await deps.consultations.findByRequest(command.tenant, command.requestId);
    if (again) {
      const same = logged ? again.loggedBy === actor.username : again.asker.subject === actor.subject;
      if (same && again.question === input.question) return again;
      throw new ValidationError([
        { path: 'requestId', reason: 'DUPLICATE', message: '该请求标识已用于另一件咨询，请重新提交' },
      ]);
    }
    const item = input.kind === 'question' ? await deps.items.find(command.tenant, input.itemId) : null;
    if (input.kind === 'question' && !item) {
      throw new ValidationError([{ path: 'itemId', reason: 'NOT_FOUND', message: '在该地区找不到该事项' }]);
    }
    const now = deps.clock.now();
    const sequence = await deps.consultations.nextSequence(command.tenant, chinaDate(now));
    const { consultation, events } = askConsultation(input, {
      id: deps.ids.newId(),
      number: consultationNumber(command.tenant, chinaDate(now), sequence),
      tenant: command.tenant,
      item,
      asker: { subject: logged ? '' : actor.subject, name: '' },
      staff: logged
        ? { username: actor.username, name: await deps.staffNames.nameOf(command.tenant, actor.username) }
        : null,
      requestId: command.requestId,
      now,
    });
    return deps.consultations.insert(consultation, events, actor);
  };
}
