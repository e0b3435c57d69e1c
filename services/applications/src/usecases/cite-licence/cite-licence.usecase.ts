import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Case, LicenceCitation, ProvidedMaterial } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { licenceValidOn, type Licence } from '../../domain/licence';
import { APPLICANT_ACTS, loadForAct, throwIfInvalid } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { pinnedEdition, todayOf } from '../handling.shared';

export interface CiteLicenceCommand {
  id: string;
  expectedVersion: number;
  materialId: string;
  licenceNumber: string;
}

const LICENCE_NUMBER = /^[0-9A-Za-z-]{6,60}$/;

/** The same holder: the same identity record, or the same ID number / credit code. */
function heldBy(l: Licence, c: Case): boolean {
  return (
    (l.holderPersonId !== '' && l.holderPersonId === c.applicant.personId) || l.holderIdCode === c.applicant.idCode
  );
}

/** Why this licence cannot stand for this material (one violation at licenceNumber), or undefined. */
function citationProblem(l: Licence | null, licenceType: string, c: Case, today: string): string | undefined {
  if (!l) return '电子证照库中没有该证照编号，请核对';
  if (l.licenceType !== licenceType) return `该证照（${l.name}）不能替代此项材料`;
  if (!heldBy(l, c)) return '该证照的持证人不是本办件的申请人';
  if (l.revoked) return '该证照已被注销或撤销，不能引用';
  if (!licenceValidOn(l, today)) return `该证照不在有效期内（${l.validFrom}至${l.validUntil || '长期'}）`;
  return undefined;
}

/**
 * Satisfies a material by a licence from the e-licence library instead of an upload (item 1, A18): the applicant,
 * while the case is theirs to change (DRAFT, RETURNED, SUPPLEMENT), names the licence number; the licence must be
 * of the material's `satisfiedByLicenceType` (an item's basic code, ADR 0025), held by the applicant, unexpired and
 * not revoked. The citation records that it was checked, and when.
 */
export function citeLicenceUseCase(deps: HandlingDeps) {
  return async (command: CiteLicenceCommand, actor: Principal): Promise<Case> => {
    const shape: Violation[] = [];
    const number = command.licenceNumber.trim();
    if (!LICENCE_NUMBER.test(number)) {
      shape.push({ path: 'licenceNumber', reason: 'PATTERN', message: '请填写证照编号（6至60位字母、数字或连字符）' });
    }
    if (!command.materialId.trim())
      shape.push({ path: 'materialId', reason: 'REQUIRED', message: '请选择要替代的材料' });
    const c = await loadForAct(deps, command, actor, APPLICANT_ACTS, shape);
    ensureStatus(c, ['draft', 'returned', 'supplement'], '引用电子证照');
    const edition = await pinnedEdition(deps, c);
    const material = edition.materials.find((m) => m.id === command.materialId);
    if (!material) {
      throwIfInvalid([{ path: 'materialId', reason: 'NOT_FOUND', message: '该事项没有这项材料' }]);
    }
    if (!material!.satisfiedByLicenceType) {
      throwIfInvalid([
        { path: 'materialId', reason: 'NOT_SATISFIABLE', message: '这项材料不能以电子证照替代，请上传材料' },
      ]);
    }
    const licence = await deps.licences.findByNumber(number);
    const problem = citationProblem(licence, material!.satisfiedByLicenceType, c, todayOf(deps));
    if (problem) throwIfInvalid([{ path: 'licenceNumber', reason: 'LICENCE_NOT_ACCEPTED', message: problem }]);
    const at = deps.clock.now();
    const citation: LicenceCitation = {
      licenceId: licence!.id,
      licenceNumber: licence!.licenceNumber,
      licenceType: licence!.licenceType,
      holderName: licence!.holderName,
      ...(licence!.validUntil ? { validUntil: new Date(`${licence!.validUntil}T15:59:59.999Z`) } : {}),
      checkedAt: at,
      valid: true,
    };
    const existing = c.materials.find((m) => m.materialId === material!.id);
    const provided: ProvidedMaterial = existing
      ? { ...existing, licence: citation }
      : { materialId: material!.id, name: material!.name, required: material!.required, files: [], licence: citation };
    const materials = existing
      ? c.materials.map((m) => (m.materialId === material!.id ? provided : m))
      : [...c.materials, provided];
    // Before (re)submission nothing is published: the citation travels with the next submission's facts.
    const { case: next } = transition(c, {
      action: `引用电子证照：${material!.name}（${licence!.licenceNumber}）`,
      actor: { username: actor.username, role: 'applicant' },
      at,
      changes: { materials },
    });
    return deps.cases.save(next, c.version, [], actor);
  };
}
