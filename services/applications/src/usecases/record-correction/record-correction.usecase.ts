import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Case, Correction } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { WINDOW_ACTS, loadForAct, throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';
import { AT_COUNTER, actorOf, cleanText, ensureAtWindow, windowTextViolations } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

export interface RecordCorrectionCommand {
  id: string;
  expectedVersion: number;
  corrections: { field: string; materialId: string; note: string }[];
  /** The corrected form; empty = unchanged. */
  formData: string;
}

function correctionViolations(cmd: RecordCorrectionCommand, materialIds: ReadonlySet<string>): Violation[] {
  if (cmd.corrections.length === 0) {
    return [{ path: 'corrections', reason: 'REQUIRED', message: '请至少记录一项当场更正的内容' }];
  }
  return cmd.corrections.flatMap((c, i): Violation[] => {
    const v = windowTextViolations(`corrections[${i}].note`, c.note, '更正说明');
    if (!c.field.trim() && !c.materialId) {
      v.push({ path: `corrections[${i}]`, reason: 'REQUIRED', message: '请指明更正的表单字段或材料' });
    }
    if (c.field.length > 200) v.push({ path: `corrections[${i}].field`, reason: 'LENGTH', message: '字段路径过长' });
    if (c.materialId && !materialIds.has(c.materialId)) {
      v.push({ path: `corrections[${i}].materialId`, reason: 'UNKNOWN', message: '该事项没有这项材料' });
    }
    return v;
  });
}

/**
 * 当场更正 (A5): a defect the applicant fixes at the counter is recorded (what, the clerk's note, who, when), the
 * form data replaced when the corrected form is given (validated against the edition's schema); the status stays.
 */
export function recordCorrectionUseCase(deps: CaseCore & WindowPorts) {
  return async (cmd: RecordCorrectionCommand, actor: Principal, caller: Caller): Promise<Case> => {
    const c = await loadForAct(deps, cmd, actor, WINDOW_ACTS);
    ensureStatus(c, AT_COUNTER, '记录当场更正');
    const edition = await deps.editions.get(c.itemId);
    throwIfInvalid([
      ...correctionViolations(cmd, new Set(edition?.materials.map((m) => m.id) ?? [])),
      ...(cmd.formData ? deps.forms.validate(edition?.formSchema ?? '', cmd.formData) : []),
    ]);
    const window = await ensureAtWindow(deps, c, actor, caller);
    const at = deps.clock.now();
    const corrections: Correction[] = cmd.corrections.map((x) => ({
      field: x.field.trim(),
      materialId: x.materialId,
      note: cleanText(x.note),
      recordedBy: actor.username,
      at,
    }));
    const { case: next, event } = transition(c, {
      action: '当场更正',
      transition: 'corrected_on_the_spot',
      actor: actorOf(actor),
      at,
      reason: corrections.map((x) => x.note).join('；'),
      changes: {
        corrections: [...c.corrections, ...corrections],
        windowId: window.window.id,
        ...(cmd.formData ? { formData: cmd.formData } : {}),
      },
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
