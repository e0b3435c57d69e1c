import type { Principal } from '@govhall/auth';
import { chinaDate } from '@govhall/identifiers';
import { accept, reject, reply, type Complaint, type ComplaintFinding } from '../../../domain/complaints/complaint';
import type { Calendars, Clock } from '../../ports';
import { changeComplaint } from '../change-complaint';
import { requireHandler } from '../complaint-access';
import type { ComplaintRepository } from '../ports';

interface Deps {
  complaints: ComplaintRepository;
  calendars: Calendars;
  clock: Clock;
  legalAffairsOf: (tenant: string) => string;
  replyWorkingDays: number;
}

const handlerOnly = (deps: Deps) => (actor: Principal, c: Complaint) =>
  requireHandler(actor, c, deps.legalAffairsOf(c.tenant));

/** 受理 by the handling office: the answer is due `replyWorkingDays` working days on. */
export function acceptComplaintUseCase(deps: Deps) {
  return (command: { id: string; expectedVersion: number }, actor: Principal) =>
    changeComplaint(deps, command, actor, {
      permit: handlerOnly(deps),
      async apply(current) {
        const now = deps.clock.now();
        const calendar = await deps.calendars.forTenant(current.tenant);
        const replyBy = calendar.addWorkingDaysProvisional(chinaDate(now), deps.replyWorkingDays).date;
        return accept(current, actor.username, replyBy, now);
      },
    });
}

/** 不予受理 by the handling office, with the reason the complainant is told. */
export function rejectComplaintUseCase(deps: Deps) {
  return (command: { id: string; expectedVersion: number; reason: string }, actor: Principal) =>
    changeComplaint(deps, command, actor, {
      permit: handlerOnly(deps),
      apply: async (current) => reject(current, command.reason, actor.username, deps.clock.now()),
    });
}

/** The handling office's answer, classed 合理 / 无效 / 错误 (C13). */
export function replyComplaintUseCase(deps: Deps) {
  return (
    command: { id: string; expectedVersion: number; finding: ComplaintFinding | undefined; text: string },
    actor: Principal,
  ) =>
    changeComplaint(deps, command, actor, {
      permit: handlerOnly(deps),
      apply: async (current) =>
        reply(current, { finding: command.finding, text: command.text }, actor.username, deps.clock.now()),
    });
}
