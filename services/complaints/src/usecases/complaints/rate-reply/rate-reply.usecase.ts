import type { Principal } from '@govhall/auth';
import { rateReply, type ReplySatisfaction } from '../../../domain/complaints/complaint';
import type { Clock } from '../../ports';
import { changeComplaint } from '../change-complaint';
import { requireComplainant } from '../complaint-access';
import type { ComplaintRepository } from '../ports';

/** The signed-in complainant votes on the answer, once (C10). */
export function rateReplyUseCase(deps: {
  complaints: ComplaintRepository;
  clock: Clock;
  legalAffairsOf: (tenant: string) => string;
}) {
  return (command: { id: string; satisfaction: ReplySatisfaction | undefined }, actor: Principal) =>
    changeComplaint(deps, { id: command.id }, actor, {
      permit: requireComplainant,
      apply: async (current) => rateReply(current, command.satisfaction, deps.clock.now()),
    });
}
