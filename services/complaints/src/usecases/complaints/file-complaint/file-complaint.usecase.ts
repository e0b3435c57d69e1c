import { hasAnyRole, STAFF_ROLES, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError, type Violation } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import { attachmentUse, unknownAttachment, type ComplaintAttachment } from '../../../domain/complaints/attachment';
import {
  checkFiling,
  complaintNumber,
  fileComplaint,
  STAFF_CHANNELS,
  type Complaint,
  type ComplaintTarget,
  type FilingInput,
} from '../../../domain/complaints/complaint';
import type { Calendars, Clock, IdGenerator } from '../../ports';
import type { ComplaintAttachments, ComplaintRepository, ComplaintTargets } from '../ports';

export interface FileComplaintCommand extends FilingInput {
  tenant: string;
  /** Made once by the filer: filing again with it answers the same complaint. */
  requestId: string;
}

const TENANT = /^\d{6}$/;
const REQUEST_ID = /^[\w.:-]{8,100}$/;

/**
 * Files a complaint (C8, C9): online by anyone (a signed-in person can follow it and vote on the answer), by an
 * Open311 service account of the tenant, or entered by staff of the tenant for a visit, a call, a letter or a box
 * slip (the caller is its 首问责任人). The target is looked up in the tenant (a target elsewhere is refused at
 * `target.id`); the kind routes it; it is due to be accepted `acceptWorkingDays` working days on. Its attachments
 * are the filer's own uploads in the tenant, unused (any other id is refused at `attachmentIds[i]`); filing binds
 * them to it.
 */
export function fileComplaintUseCase(deps: {
  complaints: ComplaintRepository;
  attachments: ComplaintAttachments;
  targets: ComplaintTargets;
  calendars: Calendars;
  clock: Clock;
  ids: IdGenerator;
  legalAffairsOf: (tenant: string) => string;
  acceptWorkingDays: number;
  /** The tenants this deployment hosts (GOVHALL_TENANTS); empty: any. */
  hostedTenants: readonly string[];
}) {
  return async (command: FileComplaintCommand, actor: Principal | undefined): Promise<Complaint> => {
    const v: Violation[] = [];
    if (!TENANT.test(command.tenant ?? '')) v.push({ path: 'tenant', reason: 'PATTERN', message: '请选择投诉的地区' });
    else if (deps.hostedTenants.length > 0 && !deps.hostedTenants.includes(command.tenant)) {
      v.push({ path: 'tenant', reason: 'NOT_FOUND', message: '本平台没有该地区的政务服务中心' });
    }
    if (!REQUEST_ID.test(command.requestId ?? '')) {
      v.push({ path: 'requestId', reason: 'PATTERN', message: '请求标识应为8至100位字母、数字或 . _ : -' });
    }
    if (v.length > 0) throw new ValidationError(v);
    const input = checkFiling({ ...command, attachmentIds: command.attachmentIds ?? [] });
    const receivedBy = whoReceives(input.channel!, command.tenant, actor);
    // A retried filing answers the complaint it made (without taking a number); the same key from anyone else, or
    // with other content, is refused rather than answered.
    const again = await deps.complaints.findByRequest(command.tenant, command.requestId);
    if (again) {
      const subject = actor?.kind === 'user' && input.channel === 'online' ? actor.subject : '';
      const same =
        again.channel === input.channel &&
        again.content === input.content &&
        again.complainant.subject === subject &&
        again.receivedBy === receivedBy &&
        again.attachments.map((a) => a.id).join() === input.attachmentIds.join();
      if (same) return again;
      throw new ValidationError([
        { path: 'requestId', reason: 'DUPLICATE', message: '该请求标识已用于另一件投诉，请重新提交' },
      ]);
    }
    let target: ComplaintTarget = { kind: 'none', id: '', name: '', department: '' };
    if (input.target.kind !== 'none') {
      const found = await deps.targets.resolve(command.tenant, input.target.kind!, input.target.id);
      if (!found) {
        throw new ValidationError([
          { path: 'target.id', reason: 'NOT_FOUND', message: '在该地区找不到所选的投诉对象' },
        ]);
      }
      target = found;
    }
    const id = deps.ids.newId();
    const attachments = await bindAttachments(deps.attachments, input.attachmentIds, id, {
      tenant: command.tenant,
      uploader: actor?.kind === 'user' ? actor.subject : '',
    });
    try {
      const now = deps.clock.now();
      const today = chinaDate(now);
      const calendar = await deps.calendars.forTenant(command.tenant);
      const sequence = await deps.complaints.nextSequence(command.tenant, today);
      const { complaint, events } = fileComplaint(input, {
        id,
        number: complaintNumber(command.tenant, today, sequence),
        tenant: command.tenant,
        target,
        subject: actor?.kind === 'user' && input.channel === 'online' ? actor.subject : '',
        receivedBy,
        legalAffairs: deps.legalAffairsOf(command.tenant),
        acceptBy: calendar.addWorkingDaysProvisional(today, deps.acceptWorkingDays).date,
        requestId: command.requestId,
        attachments,
        now,
      });
      const filed = await deps.complaints.insert(complaint, events, actor);
      // A concurrent retry filed it first: this filing's attachments stay free.
      if (filed.id !== id) await deps.attachments.release(input.attachmentIds, id);
      return filed;
    } catch (e) {
      await deps.attachments.release(input.attachmentIds, id);
      throw e;
    }
  };
}

/**
 * The attachments `ids` name, checked (the uploader's own in the tenant, unused) and bound to complaint `id`, each
 * atomically: one another filing took meanwhile is refused as unknown, and the others are freed again.
 */
async function bindAttachments(
  store: ComplaintAttachments,
  ids: readonly string[],
  id: string,
  by: { tenant: string; uploader: string },
): Promise<ComplaintAttachment[]> {
  if (ids.length === 0) return [];
  const { violations, attachments } = attachmentUse(ids, await store.find(ids), by);
  if (violations.length > 0) throw new ValidationError(violations);
  const bound = await store.claim(ids, id);
  if (bound.length < ids.length) {
    await store.release(bound, id);
    throw new ValidationError(ids.flatMap((a, i) => (bound.includes(a) ? [] : [unknownAttachment(i)])));
  }
  return attachments;
}

/** Who may file by `channel`, and the 首问责任人 it records ('' but for staff channels). */
function whoReceives(channel: string, tenant: string, actor: Principal | undefined): string {
  if (channel === 'online') return '';
  if (channel === 'open311') {
    if (actor?.kind !== 'service' || actor.tenant !== tenant) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的部门系统服务账号可以通过 Open311 提交投诉');
    }
    return '';
  }
  if ((STAFF_CHANNELS as readonly string[]).includes(channel)) {
    if (actor?.kind !== 'user' || !hasAnyRole(actor, STAFF_ROLES) || actor.tenant !== tenant) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的工作人员可以登记来访、来电、来信和意见箱投诉');
    }
    return actor.username;
  }
  return '';
}
