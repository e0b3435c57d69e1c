import type { ApplicantBase, SharedCase, SharedFile } from '../cases/shared-case';
import type { Attachment, Task } from '../tasks/task';
import type { JointReview } from './joint-review';

/**
 * J14 / J11: what one viewer of a joint case sees of it. The lead and the center see the whole form, every
 * department's part and every material; a co-department sees its own part of the form (its task's form fields;
 * none named: the whole form) and the materials marked for it (none marked: all). Every viewer sees each
 * department's result so far.
 */
export type SharedViewer = { kind: 'whole' } | { kind: 'department'; department: string };

export interface SharedViewMaterial {
  materialId: string;
  name: string;
  files: SharedFile[];
  licenceNumber: string;
  licenceValid: boolean;
  /** Departments whose flow marks the material for their review. */
  markedFor: string[];
}

export interface FormPart {
  department: string;
  /** JSON text: an object holding only the department's paths. */
  formData: string;
}

/** A task's dossier (DepartmentSystemService.PullTasks) and the shared view's body (GetSharedView). */
export interface TaskDossier {
  caseId: string;
  caseNumber: string;
  itemName: string;
  casePromisedDueDate: string;
  acceptedAt?: Date;
  /** Absent when the case could not be read (a dossier still lists the results). */
  applicant?: ApplicantBase;
  materials: SharedViewMaterial[];
  /** The whole form for the lead and the center; '' for a co-department. */
  formData: string;
  formParts: FormPart[];
  /** Every department's task with its opinion or decision so far. */
  results: Task[];
}

/** The review's own identity and results, without the case's data (when the cases service is not asked). */
export function dossierOf(review: JointReview): TaskDossier {
  return {
    caseId: review.caseId,
    caseNumber: review.caseNumber,
    itemName: review.itemName,
    casePromisedDueDate: review.casePromisedDueDate,
    materials: [],
    formData: '',
    formParts: [],
    results: review.tasks,
  };
}

/**
 * The object of `formData` (JSON text) holding only `paths` (dotted: "shop.address"); a path the form lacks is left
 * out. An empty list: the whole form. A form that is not a JSON object gives "{}" to a part.
 */
export function formPart(formData: string, paths: readonly string[]): string {
  if (paths.length === 0) return formData;
  let form: unknown;
  try {
    form = JSON.parse(formData);
  } catch {
    return '{}';
  }
  const part: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split('.');
    let value: unknown = form;
    for (const k of keys) {
      value = isObject(value) && Object.hasOwn(value, k) ? value[k] : undefined;
    }
    if (value === undefined) continue;
    let into = part;
    keys.slice(0, -1).forEach((k) => {
      if (!isObject(into[k])) into[k] = {};
      into = into[k] as Record<string, unknown>;
    });
    into[keys[keys.length - 1]!] = value;
  }
  return JSON.stringify(part);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The departments whose task marks the material (a task marking none marks every material). */
function markedFor(review: JointReview, materialId: string): string[] {
  return [
    ...new Set(
      review.tasks
        .filter((t) => !t.materialIds || t.materialIds.length === 0 || t.materialIds.includes(materialId))
        .map((t) => t.department),
    ),
  ];
}

/** The department's latest task of the review (a department has one co-review task; reopening keeps it). */
function taskOf(review: JointReview, department: string): Task | undefined {
  return review.tasks.filter((t) => t.department === department).at(-1);
}

/** What `viewer` sees of the case `shared` under its joint review. */
export function sharedDossier(review: JointReview, shared: SharedCase, viewer: SharedViewer): TaskDossier {
  const whole = viewer.kind === 'whole' || viewer.department === review.leadDepartment;
  const own = viewer.kind === 'department' ? taskOf(review, viewer.department) : undefined;
  const materials = shared.materials
    .map((m) => ({ ...m, files: [...m.files], markedFor: markedFor(review, m.materialId) }))
    .filter((m) => whole || !own?.materialIds?.length || own.materialIds.includes(m.materialId));
  const parts: FormPart[] = whole
    ? review.tasks.map((t) => ({ department: t.department, formData: formPart(shared.formData, t.formFields ?? []) }))
    : own
      ? [{ department: own.department, formData: formPart(shared.formData, own.formFields ?? []) }]
      : [];
  return {
    ...dossierOf(review),
    ...(shared.acceptedAt ? { acceptedAt: shared.acceptedAt } : {}),
    applicant: shared.applicant,
    materials,
    formData: whole ? shared.formData : '',
    formParts: parts,
  };
}

/** The attachments of the review's acts: opinions, decisions, the conclusion and its meetings' minutes. */
export function reviewAttachments(review: JointReview, minutes: readonly Attachment[] = []): Attachment[] {
  return [
    ...review.tasks.flatMap((t) => [...(t.opinion?.attachments ?? []), ...(t.decision?.attachments ?? [])]),
    ...(review.conclusion?.attachments ?? []),
    ...minutes,
  ];
}

/** A file of a material the dossier's viewer sees, or undefined. */
export function materialFile(dossier: TaskDossier, fileId: string): SharedFile | undefined {
  return dossier.materials.flatMap((m) => m.files).find((f) => f.id === fileId);
}
