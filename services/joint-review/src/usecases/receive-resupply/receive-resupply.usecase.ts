import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { Escalation } from '../../domain/escalations/escalation';
import { receiveResupply } from '../../domain/escalations/receiver';
import { requireTransferOn } from '../escalations/escalation.access';
import type { EscalationDeps, ParentCenter } from '../escalations/escalation.ports';
import { completeRound } from '../escalations/handling-start';

export type ResupplyCall = Parameters<ParentCenter['receiveResupply']>[0];

const MAX_FILES = 50;

/** The lower center's supplement to a RETURNED record: a new round listing its files (none: complete at once). */
export function receiveResupplyUseCase(deps: EscalationDeps) {
  return async (call: ResupplyCall, actor: Principal): Promise<Escalation> => {
    const e = requireTransferOn(actor, call.escalationId ? await deps.escalations.findById(call.escalationId) : null);
    if (call.files.length > MAX_FILES) {
      throw new ValidationError([{ path: 'files', message: `文件最多${MAX_FILES}个`, reason: 'TOO_MANY' }]);
    }
    const at = deps.clock.now();
    const change = receiveResupply(e, { ...call, at });
    if (change.events.length === 0) return e;
    return deps.sequencer.next(e.tenant, async (sequence) => {
      const complete = await completeRound(deps, change.escalation, sequence, at);
      return deps.escalations.save(complete.escalation, e.version, [...change.events, ...complete.events], actor);
    });
  };
}
