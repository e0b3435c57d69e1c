import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import {
  checkOpening,
  liveSessionNumber,
  openLiveSession,
  type LiveSession,
} from '../../../domain/consultations/live-session';
import type { Calendars, Clock, IdGenerator } from '../../ports';
import type { PublishedItems } from '../../consultations/ports';
import { tenantAndRequestViolations } from '../../consultations/tenant-and-request';
import { signedIn } from '../live-session-access';
import type { LiveSessionRepository } from '../ports';

export interface OpenLiveSessionCommand {
  tenant: string;
  itemId: string;
  question: string;
  bookedFor: Date | undefined;
  /** Made once by the asker: opening again with it answers the same session. */
  requestId: string;
}

/**
 * 在线咨询 (C18): a signed-in person opens a live session on a published item of the tenant, at once or booked on a
 * working day (the tenant's calendar; a year not yet published counts Monday to Friday). The question is its first
 * message; the item's department's staff take it up. A retry with the same request id answers the same session.
 */
export function openLiveSessionUseCase(deps: {
  sessions: LiveSessionRepository;
  items: PublishedItems;
  calendars: Calendars;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants: readonly string[];
  changed: () => void;
}) {
  return async (command: OpenLiveSessionCommand, actor: Principal | undefined): Promise<LiveSession> => {
    const v = tenantAndRequestViolations(command, deps.hostedTenants);
    if (v.length > 0) throw new ValidationError(v);
    const now = deps.clock.now();
    const input = checkOpening(command, now);
    const asker = signedIn(actor);

    const again = await deps.sessions.findByRequest(command.tenant, command.requestId);
    if (again) {
      if (again.asker.subject === asker.subject && again.messages[0]?.text === input.question) return again;
      throw new ValidationError([
        { path: 'requestId', reason: 'DUPLICATE', message: '该请求标识已用于另一次在线咨询，请重新提交' },
      ]);
    }
    if (input.bookedFor) {
      const calendar = await deps.calendars.forTenant(command.tenant);
      if (!calendar.describeProvisional(chinaDate(input.bookedFor)).working) {
        throw new ValidationError([{ path: 'bookedFor', reason: 'NOT_WORKING_DAY', message: '预约日期不是工作日' }]);
      }
    }
    const item = await deps.items.find(command.tenant, input.itemId);
    if (!item) throw new ValidationError([{ path: 'itemId', reason: 'NOT_FOUND', message: '在该地区找不到该事项' }]);
    const sequence = await deps.sessions.nextSequence(command.tenant, chinaDate(now));
    const session = openLiveSession(input, {
      id: deps.ids.newId(),
      number: liveSessionNumber(command.tenant, chinaDate(now), sequence),
      tenant: command.tenant,
      item,
      askerSubject: asker.subject,
      requestId: command.requestId,
      now,
    });
    const stored = await deps.sessions.insert(session);
    deps.changed();
    return stored;
  };
}
