import type { Principal } from '@govhall/auth';
import type { Case } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { ensureStatus } from '../../domain/case-status';
import { APPLICANT_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { EDITABLE, applicantActor } from '../declaration.shared';

/** 上传完毕 (A17): the applicant says every batch is there. A repeat is a no-op answer. */
export function completeUploadUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'clock'>) {
  return async (command: { id: string; expectedVersion: number }, actor: Principal): Promise<Case> => {
    const c = await loadForAct(deps, command, actor, APPLICANT_ACTS);
    ensureStatus(c, EDITABLE, '确认上传完毕');
    if (c.uploadComplete) return c;
    const { case: next } = transition(c, {
      action: '确认材料上传完毕',
      actor: applicantActor(actor),
      at: deps.clock.now(),
      changes: { uploadComplete: true },
    });
    return deps.cases.save(next, c.version, [], actor);
  };
}
