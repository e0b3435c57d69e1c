import { decide, type Principal } from '@govhall/auth';
import type { Case } from '../domain/case';
import type { CaseActor } from '../domain/case-events';
import { ensureStatus } from '../domain/case-status';
import { APPLICANT_ACTS, WINDOW_ACTS, caseResource } from './case.policies';
import type { CaseCore } from './deps';
import { EDITABLE, applicantActor } from './declaration.shared';
import { AT_COUNTER, actorOf, ensureAtWindow } from './window.acts';
import type { Caller, WindowDirectory } from './window.ports';

/** Who changes a material's files, and whether it happens at the counter. */
export interface MaterialEditor {
  actor: CaseActor;
  /** The window clerk scanning paper materials at the counter (窗口扫描): "upload complete" is not the clerk's. */
  atCounter: boolean;
}

/**
 * Who may change a case's material files, and when: the applicant while they may edit the application (drafts,
 * after a return or a one-time notice); the clerk who serves the case's window today, while the applicant is still
 * at the counter's pre-review (A4: the paper materials handed in are scanned into the case, so the department's
 * reviewers see them in the browser). Anyone else is refused as the policies say.
 */
export async function materialEditor(
  deps: Pick<CaseCore, 'authorizer' | 'clock'> & { windows: WindowDirectory },
  c: Case,
  actor: Principal,
  caller: Caller,
  act: string,
): Promise<MaterialEditor> {
  if (decide(actor, 'write', caseResource(c), APPLICANT_ACTS).allowed) {
    ensureStatus(c, EDITABLE, act);
    return { actor: applicantActor(actor), atCounter: false };
  }
  deps.authorizer.ensure(actor, 'write', caseResource(c), WINDOW_ACTS);
  ensureStatus(c, AT_COUNTER, act);
  await ensureAtWindow(deps, c, actor, caller);
  return { actor: actorOf(actor), atCounter: true };
}
