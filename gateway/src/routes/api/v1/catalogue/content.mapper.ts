import type { catalogueV1 } from '@govhall/proto';
import { deliveryOption, materialForm, onlineDepth, ruleKind, serviceObject, timeUnit } from './catalogue.enums';
import type { ItemContent, ItemContentInput } from './content.schemas';

type In<K extends keyof ItemContentInput> = NonNullable<ItemContentInput[K]>;

const timeLimitToProto = (t: In<'statutoryLimit'> | undefined): catalogueV1.TimeLimit => ({
  days: t?.days ?? 0,
  unit: timeUnit.proto(t?.unit),
});

const locationToProto = (l: In<'location'> | undefined): catalogueV1.ServiceLocation => ({
  windowLocation: l?.windowLocation ?? '',
  hours: l?.hours ?? '',
  consultationPhone: l?.consultationPhone ?? '',
  complaintPhone: l?.complaintPhone ?? '',
});

/** A draft's content as sent: what is left out takes the proto default ('' / 0 / false / none). */
export function contentToProto(c: ItemContentInput): catalogueV1.ItemContent {
  return {
    implementationCode: c.implementationCode ?? '',
    localCodes: c.localCodes ?? [],
    level: c.level ?? 0,
    serviceObject: serviceObject.proto(c.serviceObject),
    legalBases: (c.legalBases ?? []).map((b) => ({ law: b.law ?? '', article: b.article ?? '', text: b.text ?? '' })),
    acceptanceConditions: c.acceptanceConditions ?? [],
    materials: (c.materials ?? []).map((m) => ({
      id: m.id ?? '',
      name: m.name ?? '',
      required: m.required ?? false,
      condition: m.condition ?? '',
      form: materialForm.proto(m.form),
      originalCount: m.originalCount ?? 0,
      copyCount: m.copyCount ?? 0,
      formats: m.formats ?? [],
      maxSizeKb: m.maxSizeKb ?? 0,
      blankFormFileId: m.blankFormFileId ?? '',
      sampleFileId: m.sampleFileId ?? '',
      notes: m.notes ?? '',
      satisfiedByLicenceType: m.satisfiedByLicenceType ?? '',
    })),
    form: { jsonSchema: c.form?.jsonSchema ?? '', uiSchema: c.form?.uiSchema ?? '' },
    preReviewRules: (c.preReviewRules ?? []).map((r) => ({
      id: r.id ?? '',
      kind: ruleKind.proto(r.kind),
      field: r.field ?? '',
      op: r.op ?? '',
      value: r.value ?? '',
      materialId: r.materialId ?? '',
      licenceType: r.licenceType ?? '',
      message: r.message ?? '',
    })),
    statutoryLimit: timeLimitToProto(c.statutoryLimit),
    promisedLimit: timeLimitToProto(c.promisedLimit),
    promiseExceptionReason: c.promiseExceptionReason ?? '',
    visits: c.visits ?? 0,
    specialProcedures: (c.specialProcedures ?? []).map((p) => ({
      name: p.name ?? '',
      planned: timeLimitToProto(p.planned),
      legalBasis: p.legalBasis ?? '',
    })),
    fees: (c.fees ?? []).map((f) => ({
      name: f.name ?? '',
      legalBasis: f.legalBasis ?? '',
      amountFen: f.amountFen ?? 0,
      formula: f.formula ?? '',
      reductions: f.reductions ?? '',
      feeCode: f.feeCode ?? '',
    })),
    workflow: (c.workflow ?? []).map((s) => ({
      name: s.name ?? '',
      role: s.role ?? '',
      budgetWorkingDays: s.budgetWorkingDays ?? 0,
      responsibleName: s.responsibleName ?? '',
      responsiblePhone: s.responsiblePhone ?? '',
    })),
    location: locationToProto(c.location),
    onlineDepth: onlineDepth.proto(c.onlineDepth),
    deliveryOptions: (c.deliveryOptions ?? []).map((d) => deliveryOption.proto(d)),
    faq: (c.faq ?? []).map((q) => ({ question: q.question ?? '', answer: q.answer ?? '' })),
    coDepartments: c.coDepartments ?? [],
  };
}

export const timeLimitToRest = (t: catalogueV1.TimeLimit | undefined) => ({
  days: t?.days ?? 0,
  unit: timeUnit.rest(t?.unit ?? 0),
});

export const locationToRest = (l: catalogueV1.ServiceLocation | undefined) => ({
  windowLocation: l?.windowLocation ?? '',
  hours: l?.hours ?? '',
  consultationPhone: l?.consultationPhone ?? '',
  complaintPhone: l?.complaintPhone ?? '',
});

/** Every field present, enums spelled; an enum the gateway does not know is a contract breach (500). */
export function contentToRest(c: catalogueV1.ItemContent): ItemContent {
  return {
    implementationCode: c.implementationCode,
    localCodes: c.localCodes,
    level: c.level,
    serviceObject: serviceObject.rest(c.serviceObject),
    legalBases: c.legalBases.map(({ law, article, text }) => ({ law, article, text })),
    acceptanceConditions: c.acceptanceConditions,
    materials: c.materials.map((m) => ({ ...m, form: materialForm.rest(m.form) })),
    form: { jsonSchema: c.form?.jsonSchema ?? '', uiSchema: c.form?.uiSchema ?? '' },
    preReviewRules: c.preReviewRules.map((r) => ({ ...r, kind: ruleKind.rest(r.kind) })),
    statutoryLimit: timeLimitToRest(c.statutoryLimit),
    promisedLimit: timeLimitToRest(c.promisedLimit),
    promiseExceptionReason: c.promiseExceptionReason,
    visits: c.visits,
    specialProcedures: c.specialProcedures.map((p) => ({ ...p, planned: timeLimitToRest(p.planned) })),
    fees: c.fees.map((f) => ({ ...f })),
    workflow: c.workflow.map((s) => ({ ...s })),
    location: locationToRest(c.location),
    onlineDepth: onlineDepth.rest(c.onlineDepth),
    deliveryOptions: c.deliveryOptions.map((d) => deliveryOption.rest(d)),
    faq: c.faq.map(({ question, answer }) => ({ question, answer })),
    coDepartments: c.coDepartments,
  };
}
