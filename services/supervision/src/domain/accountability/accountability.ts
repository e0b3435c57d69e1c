import { PreconditionError, ValidationError, type Violation as FieldViolation } from '@govhall/errors';
import type { Violation } from '../violations/violation';

/** The seven sanctions of 责任追究制度 (S19, 篇一 L73); 黄牌警告 is one of them, not the automatic signal. */
export type Sanction =
  | 'criticism_and_education'
  | 'admonitory_talk'
  | 'written_self_examination'
  | 'disqualified_from_commendation'
  | 'circulated_criticism'
  | 'yellow_card_warning'
  | 'suggest_reassignment';

export const SANCTIONS: readonly Sanction[] = [
  'criticism_and_education',
  'admonitory_talk',
  'written_self_examination',
  'disqualified_from_commendation',
  'circulated_criticism',
  'yellow_card_warning',
  'suggest_reassignment',
];

export type AccountabilityState = 'proposed' | 'decided' | 'dismissed';
export type AccountabilityTarget = 'person' | 'window';

/** An accountability record (责任追究): violations → proposal (处理意见, S20) → decision with sanctions (S19). */
export interface Accountability {
  id: string;
  tenant: string;
  violationIds: string[];
  targetKind: AccountabilityTarget;
  targetId: string;
  state: AccountabilityState;
  proposedSanctions: Sanction[];
  proposal: string;
  proposedBy: string;
  proposedAt: Date;
  sanctions: Sanction[];
  decision: string;
  decidedBy: string;
  decidedAt?: Date;
  /** The year the sanctions count in (取消评先资格 bars 优秀 that year). */
  year: number;
  version: number;
}

export const MAX_VIOLATIONS = 50;
const MAX_TEXT = 1000;
const TARGET_ID = /^[A-Za-z0-9._@-]{1,64}$/;

export interface ProposeInput {
  tenant: string;
  violationIds: string[];
  targetKind: AccountabilityTarget | undefined;
  targetId: string;
  proposedSanctions: (Sanction | undefined)[];
  proposal: string;
}

function sanctionProblems(path: string, sanctions: (Sanction | undefined)[]): FieldViolation[] {
  const problems: FieldViolation[] = [];
  sanctions.forEach((s, i) => {
    if (!s) problems.push({ path: `${path}.${i}`, reason: 'ENUM', message: '处理方式不在七种责任追究方式之内' });
    else if (sanctions.indexOf(s) !== i)
      problems.push({ path: `${path}.${i}`, reason: 'DUPLICATE', message: '同一处理方式只能选择一次' });
  });
  return problems;
}

function textProblems(path: string, text: string, what: string): FieldViolation[] {
  if (!text.trim()) return [{ path, reason: 'REQUIRED', message: `请填写${what}` }];
  if (text.length > MAX_TEXT) return [{ path, reason: 'TOO_LONG', message: `${what}不能超过${MAX_TEXT}个字` }];
  return [];
}

/** The form of a proposal: every problem found, with its field (nothing is read yet). */
export function proposalProblems(input: ProposeInput): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (input.violationIds.length === 0) {
    problems.push({ path: 'violationIds', reason: 'REQUIRED', message: '请选择处理意见所依据的违规记录' });
  } else if (input.violationIds.length > MAX_VIOLATIONS) {
    problems.push({ path: 'violationIds', reason: 'TOO_MANY', message: `一次最多处理${MAX_VIOLATIONS}条违规记录` });
  }
  input.violationIds.forEach((id, i) => {
    if (!/^[A-Za-z0-9._-]{1,160}$/.test(id))
      problems.push({ path: `violationIds.${i}`, reason: 'PATTERN', message: '违规记录标识格式不正确' });
    else if (input.violationIds.indexOf(id) !== i)
      problems.push({ path: `violationIds.${i}`, reason: 'DUPLICATE', message: '同一违规记录只能选择一次' });
  });
  if (!input.targetKind)
    problems.push({ path: 'targetKind', reason: 'REQUIRED', message: '请选择追究对象是人员还是窗口' });
  if (!TARGET_ID.test(input.targetId))
    problems.push({ path: 'targetId', reason: 'PATTERN', message: '请填写被追究的人员账号或窗口标识' });
  if (input.proposedSanctions.length === 0) {
    problems.push({ path: 'proposedSanctions', reason: 'REQUIRED', message: '请至少提出一种处理方式' });
  }
  problems.push(...sanctionProblems('proposedSanctions', input.proposedSanctions));
  problems.push(...textProblems('proposal', input.proposal, '处理意见'));
  return problems;
}

/**
 * A proposal over violations of one target: each must be open, of the proposal's tenant, and concern the target
 * (its person, or its window). Answers the record and the violations moved to PROPOSED.
 */
export function proposeAccountability(
  input: ProposeInput,
  violations: Violation[],
  context: { id: string; proposedBy: string; now: Date; year: number },
): { accountability: Accountability; violations: Violation[] } {
  const problems = proposalProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const target = input.targetKind!;
  input.violationIds.forEach((id, i) => {
    const v = violations.find((x) => x.id === id);
    if (!v || v.tenant !== input.tenant) {
      problems.push({ path: `violationIds.${i}`, reason: 'NOT_FOUND', message: '违规记录不存在或不属于本地区' });
    } else if ((target === 'person' ? v.person : v.windowId) !== input.targetId) {
      problems.push({
        path: `violationIds.${i}`,
        reason: 'OTHER_TARGET',
        message: target === 'person' ? '该违规记录不涉及所选人员' : '该违规记录不涉及所选窗口',
      });
    }
  });
  if (problems.length) throw new ValidationError(problems);
  const notOpen = violations.find((v) => v.state !== 'open' && v.accountabilityId !== context.id);
  if (notOpen) {
    throw new PreconditionError('VIOLATION_NOT_OPEN', `违规记录${notOpen.id}已处理或已撤销，不能再提出处理意见`, {
      violationId: notOpen.id,
      currentState: notOpen.state,
    });
  }
  return {
    accountability: {
      id: context.id,
      tenant: input.tenant,
      violationIds: [...input.violationIds],
      targetKind: target,
      targetId: input.targetId,
      state: 'proposed',
      proposedSanctions: input.proposedSanctions as Sanction[],
      proposal: input.proposal.trim(),
      proposedBy: context.proposedBy,
      proposedAt: context.now,
      sanctions: [],
      decision: '',
      decidedBy: '',
      year: context.year,
      version: 1,
    },
    violations: violations.map((v) => ({ ...v, state: 'proposed', accountabilityId: context.id })),
  };
}

export interface DecideInput {
  sanctions: (Sanction | undefined)[];
  decision: string;
  dismiss: boolean;
}

/** The decision on a proposal: sanctions (at least one), or dismissed (none applies), with the reasons. */
export function decideAccountability(
  a: Accountability,
  input: DecideInput,
  context: { decidedBy: string; now: Date },
): Accountability {
  const problems = [
    ...sanctionProblems('sanctions', input.sanctions),
    ...textProblems('decision', input.decision, '处理决定'),
  ];
  if (input.dismiss && input.sanctions.length > 0) {
    problems.push({ path: 'sanctions', reason: 'NOT_ALLOWED', message: '决定不予追究时不能选择处理方式' });
  }
  if (!input.dismiss && input.sanctions.length === 0) {
    problems.push({ path: 'sanctions', reason: 'REQUIRED', message: '请至少选择一种处理方式，或决定不予追究' });
  }
  if (problems.length) throw new ValidationError(problems);
  if (a.state !== 'proposed') {
    throw new PreconditionError('ACCOUNTABILITY_ALREADY_DECIDED', '该责任追究已作出决定', { currentState: a.state });
  }
  return {
    ...a,
    state: input.dismiss ? 'dismissed' : 'decided',
    sanctions: input.sanctions as Sanction[],
    decision: input.decision.trim(),
    decidedBy: context.decidedBy,
    decidedAt: context.now,
  };
}

/** The violations a decision rests on, marked DECIDED (also when no sanction applies: the matter is handled). */
export function violationsDecided(a: Accountability, violations: Violation[]): Violation[] {
  return violations
    .filter((v) => v.accountabilityId === a.id && v.state === 'proposed')
    .map((v) => ({ ...v, state: 'decided' }));
}
