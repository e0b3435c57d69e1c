import { catalogueV1, enumCodec, enumSpelling } from '@govhall/proto';
import type { HandlingCategory, Item, ItemKind, ItemStatus } from '../../domain/item';
import type {
  DeliveryOption,
  ItemContent,
  MaterialForm,
  OnlineDepth,
  Review,
  RuleKind,
  ServiceObject,
  TimeLimit,
  TimeUnit,
} from '../../domain/item-content';

const pb = catalogueV1;

export const category = enumCodec<HandlingCategory, catalogueV1.HandlingCategory>(
  enumSpelling(pb.HandlingCategory, 'HANDLING_CATEGORY_'),
);
const itemStatus = enumCodec<ItemStatus, catalogueV1.ItemStatus>(enumSpelling(pb.ItemStatus, 'ITEM_STATUS_'));
const serviceObject = enumCodec<ServiceObject, catalogueV1.ServiceObject>(
  enumSpelling(pb.ServiceObject, 'SERVICE_OBJECT_'),
);
export const onlineDepth = enumCodec<OnlineDepth, catalogueV1.OnlineDepth>(
  enumSpelling(pb.OnlineDepth, 'ONLINE_DEPTH_'),
);
const delivery = enumCodec<DeliveryOption, catalogueV1.DeliveryOption>(
  enumSpelling(pb.DeliveryOption, 'DELIVERY_OPTION_'),
);
export const timeUnit = enumCodec<TimeUnit, catalogueV1.TimeUnit>(enumSpelling(pb.TimeUnit, 'TIME_UNIT_'));
const materialForm = enumCodec<MaterialForm, catalogueV1.MaterialForm>(enumSpelling(pb.MaterialForm, 'MATERIAL_FORM_'));
const ruleKind = enumCodec<RuleKind, catalogueV1.RuleKind>(enumSpelling(pb.RuleKind, 'RULE_KIND_'));

/** Unknown or unspecified enum values become '' so domain validation reports them. */
export const categoryFromProto = (value: catalogueV1.HandlingCategory): string => category.fromProto(value);
/** ITEM_STATUS_UNSPECIFIED (no filter) becomes undefined; an unknown value '' (reported by validation). */
export const statusFromProto = (value: catalogueV1.ItemStatus): string | undefined =>
  value === pb.ItemStatus.ITEM_STATUS_UNSPECIFIED ? undefined : itemStatus.fromProto(value);

const limitToProto = (l: TimeLimit): catalogueV1.TimeLimit => ({ days: l.days, unit: timeUnit.toProto(l.unit) });
/** An absent limit is an empty one (0 working days); a present one with an unspecified unit is reported. */
const limitFromProto = (l: catalogueV1.TimeLimit | undefined): TimeLimit =>
  l ? { days: l.days, unit: timeUnit.fromProto(l.unit) } : { days: 0, unit: 'working_day' };

export function itemContentToProto(c: ItemContent): catalogueV1.ItemContent {
  return {
    implementationCode: c.implementationCode,
    localCodes: [...c.localCodes],
    level: c.level,
    serviceObject: serviceObject.toProto(c.serviceObject),
    legalBases: c.legalBases.map((b) => ({ ...b })),
    acceptanceConditions: [...c.acceptanceConditions],
    materials: c.materials.map((m) => ({ ...m, formats: [...m.formats], form: materialForm.toProto(m.form) })),
    form: { ...c.form },
    preReviewRules: c.preReviewRules.map((r) => ({ ...r, kind: ruleKind.toProto(r.kind) })),
    statutoryLimit: limitToProto(c.statutoryLimit),
    promisedLimit: limitToProto(c.promisedLimit),
    promiseExceptionReason: c.promiseExceptionReason,
    visits: c.visits,
    specialProcedures: c.specialProcedures.map((p) => ({ ...p, planned: limitToProto(p.planned) })),
    fees: c.fees.map((f) => ({ ...f })),
    workflow: c.workflow.map((s) => ({ ...s })),
    location: { ...c.location },
    onlineDepth: onlineDepth.toProto(c.onlineDepth),
    deliveryOptions: c.deliveryOptions.map(delivery.toProto),
    faq: c.faq.map((f) => ({ ...f })),
    coDepartments: [...c.coDepartments],
  };
}

/** The domain content of a request; absent sub-messages become empty values for validation to judge. */
export function itemContentFromProto(c: catalogueV1.ItemContent | undefined): ItemContent {
  const p = c ?? pb.ItemContent.fromPartial({});
  return {
    implementationCode: p.implementationCode,
    localCodes: [...p.localCodes],
    level: p.level,
    serviceObject: serviceObject.fromProto(p.serviceObject),
    legalBases: p.legalBases.map((b) => ({ law: b.law, article: b.article, text: b.text })),
    acceptanceConditions: [...p.acceptanceConditions],
    materials: p.materials.map((m) => ({
      id: m.id,
      name: m.name,
      required: m.required,
      condition: m.condition,
      form: materialForm.fromProto(m.form),
      originalCount: m.originalCount,
      copyCount: m.copyCount,
      formats: [...m.formats],
      maxSizeKb: m.maxSizeKb,
      blankFormFileId: m.blankFormFileId,
      sampleFileId: m.sampleFileId,
      notes: m.notes,
      satisfiedByLicenceType: m.satisfiedByLicenceType,
    })),
    form: { jsonSchema: p.form?.jsonSchema ?? '', uiSchema: p.form?.uiSchema ?? '' },
    preReviewRules: p.preReviewRules.map((r) => ({
      id: r.id,
      kind: ruleKind.fromProto(r.kind),
      field: r.field,
      op: r.op as ItemContent['preReviewRules'][number]['op'],
      value: r.value,
      materialId: r.materialId,
      licenceType: r.licenceType,
      message: r.message,
    })),
    statutoryLimit: limitFromProto(p.statutoryLimit),
    promisedLimit: limitFromProto(p.promisedLimit),
    promiseExceptionReason: p.promiseExceptionReason,
    visits: p.visits,
    specialProcedures: p.specialProcedures.map((s) => ({
      name: s.name,
      planned: limitFromProto(s.planned),
      legalBasis: s.legalBasis,
    })),
    fees: p.fees.map((f) => ({
      name: f.name,
      legalBasis: f.legalBasis,
      amountFen: f.amountFen,
      formula: f.formula,
      reductions: f.reductions,
      feeCode: f.feeCode.trim().toUpperCase(),
    })),
    workflow: p.workflow.map((s) => ({
      name: s.name,
      role: s.role,
      budgetWorkingDays: s.budgetWorkingDays,
      responsibleName: s.responsibleName,
      responsiblePhone: s.responsiblePhone,
    })),
    location: {
      windowLocation: p.location?.windowLocation ?? '',
      hours: p.location?.hours ?? '',
      consultationPhone: p.location?.consultationPhone ?? '',
      complaintPhone: p.location?.complaintPhone ?? '',
    },
    onlineDepth: onlineDepth.fromProto(p.onlineDepth),
    deliveryOptions: p.deliveryOptions.map(delivery.fromProto),
    faq: p.faq.map((f) => ({ question: f.question, answer: f.answer })),
    coDepartments: [...p.coDepartments],
  };
}

const reviewToProto = (r: Review): catalogueV1.Review => ({
  approved: r.approved,
  comments: r.comments,
  reviewer: r.reviewer,
  at: r.at,
});
const reviewFromProto = (r: catalogueV1.Review): Review => ({
  approved: r.approved,
  comments: r.comments,
  reviewer: r.reviewer,
  at: r.at ?? new Date(0),
});

export function toProtoItem(item: Item): catalogueV1.Item {
  return {
    id: item.id,
    tenant: item.tenant,
    name: item.name,
    basicCode: item.basicCode,
    kind: item.kind,
    handlingCategory: category.toProto(item.handlingCategory),
    department: item.department,
    status: itemStatus.toProto(item.status),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    createdBy: item.createdBy,
    content: itemContentToProto(item.content),
    edition: item.edition,
    seriesId: item.seriesId,
    previousId: item.previousId,
    reviews: item.reviews.map(reviewToProto),
    submittedAt: item.submittedAt,
    publishedAt: item.publishedAt,
    retiredReason: item.retiredReason ?? '',
    submittedBy: item.submittedBy ?? '',
    editedBy: [...item.editedBy],
  };
}

/** The domain item an event or another service's message carries. */
export function itemFromProto(p: catalogueV1.Item): Item {
  return {
    id: p.id,
    seriesId: p.seriesId,
    edition: p.edition,
    previousId: p.previousId,
    tenant: p.tenant,
    name: p.name,
    basicCode: p.basicCode,
    kind: p.kind as ItemKind,
    handlingCategory: category.fromProto(p.handlingCategory),
    department: p.department,
    status: itemStatus.fromProto(p.status),
    version: p.version,
    createdAt: p.createdAt ?? new Date(0),
    updatedAt: p.updatedAt ?? new Date(0),
    createdBy: p.createdBy,
    editedBy: [...p.editedBy],
    content: itemContentFromProto(p.content),
    reviews: p.reviews.map(reviewFromProto),
    ...(p.submittedAt ? { submittedAt: p.submittedAt } : {}),
    ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
    ...(p.retiredReason ? { retiredReason: p.retiredReason } : {}),
    ...(p.submittedBy ? { submittedBy: p.submittedBy } : {}),
  };
}
