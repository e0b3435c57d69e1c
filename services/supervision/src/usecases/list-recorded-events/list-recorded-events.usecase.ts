import { decide, hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import type { RecordedEvent } from '../../domain/recorded-event';
import type { EventJournal } from '../ports';

/**
 * Supervisors see the journal of their own tenant and of the tenants below it (vertical supervision: a city's
 * supervisors also see its districts and counties, never a sibling); operations admins and service accounts see
 * all of it.
 */
export function listRecordedEventsUseCase(deps: { journal: EventJournal }) {
  return async (aggregateId: string, actor: Principal): Promise<RecordedEvent[]> => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(aggregateId)) {
      throw new ValidationError([{ path: 'aggregateId', message: '业务对象标识格式不正确', reason: 'PATTERN' }]);
    }
    if (!hasAnyRole(actor, ['supervisor', 'ops_admin', 'service'])) {
      throw new ForbiddenError('SUPERVISION_READ_FORBIDDEN', '只有监察人员可以查看监察记录');
    }
    const events = await deps.journal.listByAggregate(aggregateId);
    const unrestricted = hasAnyRole(actor, ['ops_admin', 'service']);
    if (unrestricted) return events;
    const readable = (tenant: string) =>
      decide(actor, 'read', { type: 'recorded_event', tenant }, { roles: ['supervisor'] }).allowed;
    return events.filter((e) => readable(e.tenant));
  };
}
