import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, PreconditionError } from '@govhall/errors';
import type { Notice, NoticeState } from '../../domain/notices/notice';
import { noticeNotFound, requireSeen, requireTenantStaff } from '../access/payments.access';
import type { NoticeDocuments, NoticeRepository, Page, PageQuery } from '../ports';

/** One notice, to whoever may see it (its applicant, staff of the tenant, supervisors above). */
export function getNoticeUseCase(deps: { notices: NoticeRepository }) {
  return async (request: { id: string }, actor: Principal): Promise<Notice> =>
    requireSeen(actor, request.id ? await deps.notices.findById(request.id) : null);
}

/** The case's notice: staff of the case's tenant (the caller's) and the applicant. */
export function getCaseNoticeUseCase(deps: { notices: NoticeRepository }) {
  return async (request: { caseId: string }, actor: Principal): Promise<Notice> => {
    const found = request.caseId && actor.tenant ? await deps.notices.findByCase(actor.tenant, request.caseId) : null;
    return requireSeen(actor, found);
  };
}

/** Staff and supervisors: a tenant's notices, newest first. */
export function listNoticesUseCase(deps: { notices: NoticeRepository }) {
  return async (
    request: { tenant: string; states: NoticeState[]; page: PageQuery },
    actor: Principal,
  ): Promise<Page<Notice>> => {
    const tenant = request.tenant || actor.tenant;
    requireTenantStaff(actor, tenant);
    return deps.notices.list(tenant, request.states, request.page);
  };
}

/** The applicant's own notices. */
export function listMyNoticesUseCase(deps: { notices: NoticeRepository }) {
  return async (request: { page: PageQuery }, actor: Principal): Promise<Page<Notice>> => {
    if (actor.kind !== 'user' || !hasAnyRole(actor, ['applicant'])) {
      throw new ForbiddenError('ROLE_REQUIRED', '请以申请人身份登录后查看我的缴费');
    }
    return deps.notices.listByApplicant(actor.subject, request.page);
  };
}

/** 缴款通知书 (issued or later) or 缴费凭证 (paid) as PDF. */
export function getNoticeDocumentUseCase(deps: { notices: NoticeRepository; documents: NoticeDocuments }) {
  return async (
    request: { id: string; kind: 'notice' | 'receipt' },
    actor: Principal,
  ): Promise<{ pdf: Buffer; fileName: string }> => {
    const notice = requireSeen(actor, request.id ? await deps.notices.findById(request.id) : null);
    if (!notice.number) throw new PreconditionError('WRONG_STATE', '缴款通知书尚未开具');
    if (request.kind === 'receipt') {
      if (notice.state !== 'paid') throw new PreconditionError('WRONG_STATE', '银行确认缴款后才有缴费凭证');
      return { pdf: await deps.documents.receipt(notice), fileName: `缴费凭证-${notice.caseNumber}.pdf` };
    }
    if (!notice) throw noticeNotFound();
    return { pdf: await deps.documents.notice(notice), fileName: `缴款通知书-${notice.caseNumber}.pdf` };
  };
}
