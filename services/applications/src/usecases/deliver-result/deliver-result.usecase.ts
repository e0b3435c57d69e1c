import type { Principal } from '@govhall/auth';
import { timingSafeEqual } from 'node:crypto';
import { PreconditionError, type Violation } from '@govhall/errors';
import { normalizeText } from '@govhall/identifiers';
import type { Case, Delivery, DeliveryMethod } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { activeStep, finishStep, stepKind } from '../../domain/handling';
import { WINDOW_ACTS, stepPolicy, throwIfInvalid } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, loadForCaseAct, pinnedEdition } from '../handling.shared';

export interface DeliverResultCommand {
  id: string;
  expectedVersion: number;
  /** '' = the method planned when the result was issued. */
  method: DeliveryMethod | '';
  pickupCode: string;
  trackingNumber: string;
}

const TRACKING_NUMBER = /^[A-Za-z0-9-]{6,40}$/;

function delivererRole(c: Case): string {
  const step = activeStep(c);
  return step && stepKind(step) === 'delivery' ? step.role : 'window_clerk';
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * 送达 (A13): the result (licence, or the denial decision) reaches the applicant → DELIVERED. Window pickup needs the
 * applicant's pickup code (a wrong code is INVALID_ARGUMENT and changes nothing); post needs the tracking number;
 * electronic delivery needs nothing. The method is the one planned, or another the edition offers (not a pickup
 * when no code was made).
 */
export function deliverResultUseCase(deps: HandlingDeps) {
  return async (command: DeliverResultCommand, actor: Principal): Promise<Case> => {
    const c = await loadForCaseAct(deps, command, actor, (x) =>
      delivererRole(x) === 'window_clerk' ? WINDOW_ACTS : stepPolicy(delivererRole(x)),
    );
    ensureStatus(c, ['completed'], '送达');
    const planned = c.delivery;
    const method = command.method || planned?.method || '';
    const violations: Violation[] = [];
    if (!method) violations.push({ path: 'method', reason: 'REQUIRED', message: '请选择送达方式' });
    if (method && method !== planned?.method) {
      const edition = await pinnedEdition(deps, c);
      if (edition.deliveryOptions.length > 0 && !edition.deliveryOptions.includes(method)) {
        violations.push({ path: 'method', reason: 'NOT_OFFERED', message: '该事项不提供所选的送达方式' });
      }
    }
    if (method === 'window_pickup') {
      if (!planned?.pickupCode) {
        throw new PreconditionError('NO_PICKUP_CODE', '该办件未生成取件码，不能窗口领取；请改用办件确定的送达方式');
      }
      if (!sameCode(command.pickupCode.trim(), planned.pickupCode)) {
        violations.push({
          path: 'pickupCode',
          reason: 'MISMATCH',
          message: '取件码不正确，请核对申请人收到的6位取件码',
        });
      }
    }
    const trackingNumber = command.trackingNumber.trim();
    if (method === 'post' && !TRACKING_NUMBER.test(trackingNumber)) {
      violations.push({ path: 'trackingNumber', reason: 'REQUIRED', message: '邮寄送达须填写6至40位的快递单号' });
    }
    throwIfInvalid(violations);
    const at = deps.clock.now();
    const delivery: Delivery = {
      method: method as DeliveryMethod,
      pickupCode: planned?.pickupCode ?? '',
      trackingNumber: method === 'post' ? normalizeText(trackingNumber) : '',
      address: planned?.address ?? '',
      deliveredAt: at,
      deliveredBy: actor.username,
    };
    const role = delivererRole(c);
    const step = activeStep(c);
    const finished =
      step && stepKind(step) === 'delivery'
        ? finishStep(c.steps, step.index, { at, by: actor.username, opinion: '已送达' }, () => '')
        : undefined;
    const { case: next, event } = transition(c, {
      action: { window_pickup: '窗口领取送达', post: '邮寄送达', electronic: '电子送达' }[delivery.method],
      transition: 'delivered',
      to: 'delivered',
      actor: actorAs(actor, role),
      at,
      detail: { delivery: { ...delivery, pickupCode: '' }, ...(finished ? { step: finished.finished } : {}) },
      changes: { delivery, steps: finished?.steps ?? c.steps, responsible: '' },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
