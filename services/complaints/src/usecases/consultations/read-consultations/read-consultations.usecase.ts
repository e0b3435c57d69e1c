import { hasAnyRole, tenantScope, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Consultation, ConsultationStatus } from '../../../domain/consultations/consultation';
import { ANSWERING_ROLES, mayRead, visibleTo } from '../consultation-access';
import type { ConsultationFilter, ConsultationRepository } from '../ports';

type Page = { pageSize?: number; pageToken?: string };

const everyConsultation = (tenant: string): ConsultationFilter => ({
  tenant,
  kind: '',
  department: undefined,
  itemCode: '',
  visibility: '',
  status: '',
  askerSubject: '',
  curatedOnly: false,
});

async function page(
  consultations: ConsultationRepository,
  filter: ConsultationFilter,
  request: Page,
  actor: Principal | undefined,
) {
  const size = pageSize(request.pageSize, { max: 100, defaultSize: 20 });
  const offset = decodePageToken(request.pageToken);
  const { items, total } = await consultations.list(filter, offset, size);
  const next = offset + items.length;
  return {
    consultations: items.map((c) => visibleTo(actor, c)),
    total,
    nextPageToken: next < total ? encodePageToken(next) : '',
  };
}

const signedIn = (actor: Principal | undefined): Principal => {
  if (actor?.kind !== 'user') throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
  return actor;
};

const requireTenant = (tenant: string) => {
  if (!/^\d{6}$/.test(tenant ?? '')) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '请选择地区（6位行政区划代码）' }]);
  }
};

/** One consultation, as the caller may read it (C21); one they may not is not found. */
export function getConsultationUseCase(deps: { consultations: ConsultationRepository }) {
  return async (id: string, actor: Principal | undefined): Promise<Consultation> => {
    const c = await deps.consultations.find(id);
    if (!c || !mayRead(actor, c)) throw new NotFoundError('CONSULTATION_NOT_FOUND', '找不到该咨询');
    return visibleTo(actor, c);
  };
}

/** The public room (C21): the tenant's answered public questions, newest first, or one item's; signed-in users. */
export function listPublicConsultationsUseCase(deps: { consultations: ConsultationRepository }) {
  return async (request: { tenant: string; itemCode: string } & Page, actor: Principal | undefined) => {
    signedIn(actor);
    requireTenant(request.tenant);
    return page(
      deps.consultations,
      {
        ...everyConsultation(request.tenant),
        kind: 'question',
        itemCode: request.itemCode ?? '',
        visibility: 'public',
        status: 'answered',
      },
      request,
      actor,
    );
  };
}

/** The caller's own questions and letters, newest first. */
export function listMyConsultationsUseCase(deps: { consultations: ConsultationRepository }) {
  return async (request: Page, actor: Principal | undefined) => {
    const me = signedIn(actor);
    return page(deps.consultations, { ...everyConsultation(''), askerSubject: me.subject }, request, actor);
  };
}

/**
 * The staff's queue, open ones first: a department's staff their items' questions; the center (and supervisors,
 * reading) every consultation of the tenant, the mailbox's letters among them.
 */
export function listConsultationQueueUseCase(deps: { consultations: ConsultationRepository }) {
  return async (request: { tenant: string; status: ConsultationStatus | '' } & Page, actor: Principal | undefined) => {
    const me = signedIn(actor);
    const tenant = request.tenant || me.tenant;
    const overseer = (['center_admin', 'supervisor'] as const).filter((r) => me.roles.includes(r));
    const filter = { ...everyConsultation(tenant), status: request.status };
    if (overseer.length > 0 && tenantScope(me, overseer, 'read', tenant)) {
      return page(deps.consultations, filter, request, actor);
    }
    if (hasAnyRole(me, ANSWERING_ROLES) && me.tenant === tenant && me.department) {
      return page(deps.consultations, { ...filter, kind: 'question', department: me.department }, request, actor);
    }
    throw new ForbiddenError('ROLE_REQUIRED', '只有事项所属部门的工作人员和中心管理员可以查看咨询');
  };
}

/** The FAQ curated from an item's consultations (C19): public, what the public guide shows. */
export function listItemFaqsUseCase(deps: { consultations: ConsultationRepository }) {
  return async (request: { tenant: string; itemCode: string }) => {
    requireTenant(request.tenant);
    if (!request.itemCode) {
      throw new ValidationError([{ path: 'itemCode', reason: 'REQUIRED', message: '请指定事项' }]);
    }
    const { items } = await deps.consultations.list(
      { ...everyConsultation(request.tenant), itemCode: request.itemCode, curatedOnly: true },
      0,
      100,
    );
    return items
      .filter((c) => c.faq)
      .map((c) => ({
        consultationId: c.id,
        question: c.faq!.question,
        answer: c.faq!.answer,
        curatedAt: c.faq!.curatedAt,
      }));
  };
}
