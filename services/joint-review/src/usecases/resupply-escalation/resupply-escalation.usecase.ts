import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { requireState, type Escalation } from '../../domain/escalations/escalation';
import { resupplyEscalation } from '../../domain/escalations/sender';
import { requireActor, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

export interface ResupplyRequest {
  id: string;
  expectedVersion: number;
  note: string;
  attachmentIds: string[];
  caseFileIds: string[];
}

/**
 * Answers the parent's return: a note and files of the case's materials (sent again or for the first time) go up
 * as a new round; the transfer runs after the write.
 */
export function resupplyEscalationUseCase(deps: Pick<EscalationDeps, 'escalations' | 'cases' | 'clock'>) {
  return async (request: ResupplyRequest, actor: Principal): Promise<Escalation> =>
    writeEscalation(
      deps.escalations,
      request.id,
      request.expectedVersion,
      actor,
      (e) => requireActor(actor, e, 'sender'),
      async (e) => {
        requireState(e, ['returned']);
        // Supplements go up as case files; an uploaded attachment cannot be sent to the parent yet.
        if (request.attachmentIds.length > 0) {
          throw new ValidationError([
            { path: 'attachmentIds.0', message: '补充材料请选择办件中的材料文件', reason: 'ATTACHMENT_UNKNOWN' },
          ]);
        }
        if (request.caseFileIds.length > 50) {
          throw new ValidationError([{ path: 'caseFileIds', message: '材料文件最多50个', reason: 'TOO_MANY' }]);
        }
        const { files } = await deps.cases.snapshot(e.tenant, e.case.caseId);
        const unknown = request.caseFileIds.filter((id) => !files.some((f) => f.id === id));
        if (unknown.length > 0) {
          throw new ValidationError(
            unknown.map((id) => ({
              path: `caseFileIds.${request.caseFileIds.indexOf(id)}`,
              message: '办件材料中没有该文件',
              reason: 'UNKNOWN',
            })),
          );
        }
        const chosen = files.filter((f) => request.caseFileIds.includes(f.id));
        // A file sent again in a later round is listed again under its id and round.
        return resupplyEscalation(e, { note: request.note, files: chosen, by: actor.username, at: deps.clock.now() });
      },
    );
}
