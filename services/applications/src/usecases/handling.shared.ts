import type { AccessPolicy, Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { PreconditionError, type Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';
import type { Case, CaseDocument, DeliveryMethod, Delivery } from '../domain/case';
import type { CaseActor } from '../domain/case-events';
import type { Edition } from '../domain/edition';
import { approvalSeal, licenceName, licenceNumber, type Licence } from '../domain/licence';
import { activeStep } from '../domain/handling';
import {
  caseResource,
  ensureVersion,
  expectedVersionViolations,
  idViolations,
  requireVisibleCase,
  stepPolicy,
  throwIfInvalid,
} from './case.policies';
import type { HandlingDeps } from './handling.deps';

/** Who acted, under the role the act needed (the history and the events record it). */
export function actorAs(principal: Principal, role: string): CaseActor {
  return { username: principal.username, role };
}

/** Today in China Standard Time (the tenant calendars' dates). */
export function todayOf(deps: Pick<HandlingDeps, 'clock'>): string {
  return chinaToday(deps.clock.now());
}

/** A human-entered text (opinion, reason …): the shared text rule, stored normalised. */
export function textField(path: string, value: string, label: string, min: number, max: number, multiline = true) {
  return {
    violations: textViolations(path, value, { label, min, max, multiline }) as Violation[],
    value: normalizeText(value, multiline),
  };
}

/** A list of texts (reasons, remedies): each checked at path[i]. */
export function textList(path: string, values: readonly string[], label: string, max = 500) {
  const checked = values.map((v, i) => textField(`${path}[${i}]`, v, label, 1, max));
  return { violations: checked.flatMap((c) => c.violations), values: checked.map((c) => c.value) };
}

/** The case's pinned edition (it must exist: the case was opened on it). */
export async function pinnedEdition(deps: Pick<HandlingDeps, 'editions'>, c: Case): Promise<Edition> {
  const edition = await deps.editions.get(c.itemId);
  if (!edition) throw new PreconditionError('EDITION_UNAVAILABLE', '办件所依据的事项版本暂时无法读取，请稍后重试');
  return edition;
}

/**
 * How the result reaches the applicant: the requested method if the edition offers it (or the edition offers
 * none), else the edition's first; a pickup code when it is collected at the window. `undefined` request = plan.
 */
export function plannedDelivery(
  deps: Pick<HandlingDeps, 'codes'>,
  edition: Pick<Edition, 'deliveryOptions'>,
  requested: DeliveryMethod | '' | undefined,
  address = '',
): { delivery?: Delivery; violations: Violation[] } {
  const options = edition.deliveryOptions;
  if (requested && options.length > 0 && !options.includes(requested)) {
    return {
      violations: [
        {
          path: 'deliveryMethod',
          reason: 'NOT_OFFERED',
          message: '该事项不提供所选的送达方式，请选择事项公布的送达方式',
        },
      ],
    };
  }
  const method: DeliveryMethod = requested || options[0] || 'window_pickup';
  if (method === 'post' && !address.trim()) {
    return { violations: [{ path: 'address', reason: 'REQUIRED', message: '邮寄送达须填写收件地址' }] };
  }
  return {
    violations: [],
    delivery: {
      method,
      pickupCode: method === 'window_pickup' ? deps.codes.pickupCode() : '',
      trackingNumber: '',
      address: method === 'post' ? normalizeText(address) : '',
      deliveredBy: '',
    },
  };
}

/**
 * Puts the case's licence into the library with its licence document (one per case: a retry gets the licence
 * stored the first time and its documents). The licence holds the applicant (the legal person and the agent who
 * applied for it), the item, the issuing department and its approval seal (A30), validity and a verification code.
 * Returns the licence and the documents to add to the case (those it does not hold yet).
 */
export async function putLicence(
  deps: Pick<HandlingDeps, 'licences' | 'codes' | 'ids' | 'clock' | 'documents'>,
  c: Case,
  edition: Edition,
  issue: { validUntil: string; issuedBy: string; decisionDocumentIds: string[] },
): Promise<{ licence: Licence; documents: CaseDocument[] }> {
  const existing = await deps.licences.findByCase(c.id);
  if (existing) {
    const held = new Set(c.documents.map((d) => d.id));
    const documents: CaseDocument[] = [];
    for (const id of existing.documentIds.filter((d) => !held.has(d))) {
      const stored = await deps.documents.get(c.id, id);
      if (stored) documents.push(stored.document);
    }
    return { licence: existing, documents };
  }
  const issuedAt = deps.clock.now();
  const validFrom = chinaToday(issuedAt);
  const year = Number(validFrom.slice(0, 4));
  const seq = await deps.licences.nextSequence(c.tenant, c.itemBasicCode, year);
  const draft: Licence = {
    id: deps.ids.newId(),
    licenceNumber: licenceNumber(c.tenant, c.itemBasicCode, year, seq),
    licenceType: c.itemBasicCode,
    name: licenceName(c.itemName),
    holderKind: c.applicant.kind,
    holderName: c.applicant.name,
    holderIdCode: c.applicant.idCode,
    holderPersonId: c.applicant.personId,
    holderSubject: c.applicant.kind === 'natural_person' ? c.applicant.subject : '',
    agentPersonId: c.applicant.agentPersonId,
    agentName: c.applicant.agentName,
    tenant: c.tenant,
    itemId: c.itemId,
    itemName: c.itemName,
    caseId: c.id,
    caseNumber: c.caseNumber,
    issuingDepartment: c.department,
    issuingDepartmentName: edition.departmentName,
    seal: approvalSeal(edition.departmentName),
    validFrom,
    validUntil: issue.validUntil,
    verificationCode: deps.codes.verificationCode(),
    issuedAt,
    issuedBy: issue.issuedBy,
    revoked: false,
    documentIds: [],
  };
  const document = await deps.documents.issue(c, 'licence', issue.issuedBy, {
    licenceId: draft.id,
    licence: {
      name: draft.name,
      number: draft.licenceNumber,
      validFrom,
      validUntil: draft.validUntil,
      verificationCode: draft.verificationCode,
    },
  });
  const licence = await deps.licences.insertForCase({
    ...draft,
    documentIds: [document.id, ...issue.decisionDocumentIds],
  });
  return { licence, documents: licence.id === draft.id ? [document] : [] };
}

/** valid_until of a licence: '' (no expiry) or a real date after today. */
export function validUntilViolations(validUntil: string, today: string): Violation[] {
  if (validUntil === '') return [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || Number.isNaN(Date.parse(`${validUntil}T00:00:00Z`))) {
    return [{ path: 'validUntil', reason: 'PATTERN', message: '有效期截止日期应为YYYY-MM-DD格式的日期' }];
  }
  if (validUntil <= today) {
    return [{ path: 'validUntil', reason: 'OUT_OF_RANGE', message: '有效期截止日期应晚于今天' }];
  }
  return [];
}

/**
 * loadForAct with the policy taken from the case itself (e.g. the active step's role): shapes, visibility (hidden
 * → CASE_NOT_FOUND), the version, then the policy. The version comes before a policy read from the case: a caller
 * whose read is stale (a retry whose first attempt was stored before the answer was lost: the next step is active
 * now) is told the case changed (ABORTED, re-read), not refused a role for a state they have not seen.
 */
export async function loadForCaseAct(
  deps: Pick<HandlingDeps, 'cases' | 'authorizer'>,
  command: { id: string; expectedVersion: number },
  actor: Principal,
  policyOf: (c: Case) => AccessPolicy,
  extraViolations: Violation[] = [],
): Promise<Case> {
  throwIfInvalid([
    ...idViolations(command.id),
    ...expectedVersionViolations(command.expectedVersion),
    ...extraViolations,
  ]);
  const c = await requireVisibleCase(deps, command.id, actor);
  ensureVersion(c, command.expectedVersion);
  deps.authorizer.ensure(actor, 'write', caseResource(c), policyOf(c));
  return c;
}

/** The active step's role in the case's department (no active step: nobody, the status check then explains). */
export function activeStepPolicy(c: Case): AccessPolicy {
  return stepPolicy(activeStep(c)?.role ?? '');
}
