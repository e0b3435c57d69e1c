import type { Principal } from '@govhall/auth';
import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import type { Escalation } from '../../domain/escalations/escalation';
import { MAX_FILE_BYTES, receiveEscalation, receiverKey } from '../../domain/escalations/receiver';
import { requireTransferAccount } from '../escalations/escalation.access';
import { hostsTenant, type EscalationDeps, type ReceiveCall } from '../escalations/escalation.ports';
import { completeRound } from '../escalations/handling-start';

const REQUEST_ID = /^[A-Za-z0-9_:-]{8,64}$/;
const MAX_FILES = 200;

function checkCall(call: ReceiveCall): Violation[] {
  const v: Violation[] = [];
  if (!REQUEST_ID.test(call.requestId)) {
    v.push({ path: 'requestId', message: '请求编号应为8至64位字母、数字、下划线、冒号或连字符', reason: 'PATTERN' });
  }
  if (!call.sourceEscalationId)
    v.push({ path: 'sourceEscalationId', message: '请提供下级中心的上报记录编号', reason: 'REQUIRED' });
  if (!call.case.caseId) v.push({ path: 'case.caseId', message: '请提供办件编号', reason: 'REQUIRED' });
  if (call.files.length > MAX_FILES) v.push({ path: 'files', message: `文件最多${MAX_FILES}个`, reason: 'TOO_MANY' });
  call.files.forEach((f, i) => {
    if (!f.id) v.push({ path: `files.${i}.id`, message: '请提供文件编号', reason: 'REQUIRED' });
    if (!/^[0-9a-f]{64}$/.test(f.sha256)) {
      v.push({ path: `files.${i}.sha256`, message: 'SHA-256 应为64位小写十六进制', reason: 'PATTERN' });
    }
    if (f.size < 0 || f.size > MAX_FILE_BYTES) {
      v.push({ path: `files.${i}.size`, message: '单个文件不能超过20 MiB', reason: 'TOO_LARGE' });
    }
  });
  return v;
}

/**
 * The parent takes a forwarded case (from a lower deployment with a service account of the parent, or from this
 * deployment): the receiver record lists the files to come. Idempotent on (source tenant, source record).
 */
export function receiveEscalationUseCase(deps: EscalationDeps) {
  return async (call: ReceiveCall, actor: Principal): Promise<Escalation> => {
    requireTransferAccount(actor, call.targetTenant, call.targetDepartment);
    const violations = checkCall(call);
    if (violations.length > 0) throw new ValidationError(violations);
    const existing = await deps.escalations.findReceiverByKey(receiverKey(call.sourceTenant, call.sourceEscalationId));
    if (existing) return existing;
    if (!hostsTenant(deps.hosted, call.targetTenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本部署不承载地区 ${call.targetTenant}`);
    }
    if ((await deps.tenants.parentOf(call.sourceTenant)) !== call.targetTenant) {
      throw new ValidationError([
        { path: 'sourceTenant', message: '上报地区不是目标地区的下级', reason: 'NOT_A_CHILD_TENANT' },
      ]);
    }
    if (!(await deps.duty.hasDepartment(call.targetTenant, call.targetDepartment))) {
      throw new ValidationError([{ path: 'targetDepartment', message: '目标地区没有该部门', reason: 'UNKNOWN' }]);
    }
    const at = deps.clock.now();
    const received = receiveEscalation({ ...call, id: deps.ids.newId(), at });
    return deps.sequencer.next(call.targetTenant, async (sequence) => {
      const complete = await completeRound(deps, received.escalation, sequence, at);
      const events = [...received.events, ...complete.events];
      const stored = await deps.escalations.insert(complete.escalation, events, actor);
      return stored.escalation;
    });
  };
}
