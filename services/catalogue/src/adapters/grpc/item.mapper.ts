import { catalogueV1 } from '@govhall/proto';
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

/**
 * Domain enums are lower_snake strings, proto enums numbers. Unknown or unspecified proto values become '' so
 * domain validation reports them with their path instead of the mapper guessing.
 */
function enumCodec<D extends string, P extends number>(table: Record<D, P>) {
  const entries = Object.entries(table) as [D, P][];
  return {
    toProto: (value: D): P => table[value] ?? (0 as P),
    fromProto: (value: P): D => (entries.find(([, v]) => v === value)?.[0] ?? '') as D,
  };
}

const category = enumCodec<HandlingCategory, catalogueV1.HandlingCategory>({
  immediate: pb.HandlingCategory.HANDLING_CATEGORY_IMMEDIATE,
  promised: pb.HandlingCategory.HANDLING_CATEGORY_PROMISED,
  joint: pb.HandlingCategory.HANDLING_CATEGORY_JOINT,
  escalated: pb.HandlingCategory.HANDLING_CATEGORY_ESCALATED,
});
const itemStatus = enumCodec<ItemStatus, catalogueV1.ItemStatus>({
  draft: pb.ItemStatus.ITEM_STATUS_DRAFT,
  submitted: pb.ItemStatus.ITEM_STATUS_SUBMITTED,
  published: pb.ItemStatus.ITEM_STATUS_PUBLISHED,
  superseded: pb.ItemStatus.ITEM_STATUS_SUPERSEDED,
  retired: pb.ItemStatus.ITEM_STATUS_RETIRED,
});
const serviceObject = enumCodec<ServiceObject, catalogueV1.ServiceObject>({
  person: pb.ServiceObject.SERVICE_OBJECT_PERSON,
  enterprise: pb.ServiceObject.SERVICE_OBJECT_ENTERPRISE,
  both: pb.ServiceObject.SERVICE_OBJECT_BOTH,
});
const onlineDepth = enumCodec<OnlineDepth, catalogueV1.OnlineDepth>({
  fully_online: pb.OnlineDepth.ONLINE_DEPTH_FULLY_ONLINE,
  online_pre_review: pb.OnlineDepth.ONLINE_DEPTH_ONLINE_PRE_REVIEW,
  disclosure_only: pb.OnlineDepth.ONLINE_DEPTH_DISCLOSURE_ONLY,
});
const delivery = enumCodec<DeliveryOption, catalogueV1.DeliveryOption>({
  window_pickup: pb.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP,
  post: pb.DeliveryOption.DELIVERY_OPTION_POST,
  electronic: pb.DeliveryOption.DELIVERY_OPTION_ELECTRONIC,
});
const timeUnit = enumCodec<TimeUnit, catalogueV1.TimeUnit>({
  working_day: pb.TimeUnit.TIME_UNIT_WORKING_DAY,
  natural_day: pb.TimeUnit.TIME_UNIT_NATURAL_DAY,
});
const materialForm = enumCodec<MaterialForm, catalogueV1.MaterialForm>({
  original: pb.MaterialForm.MATERIAL_FORM_ORIGINAL,
  copy: pb.MaterialForm.MATERIAL_FORM_COPY,
  original_and_copy: pb.MaterialForm.MATERIAL_FORM_ORIGINAL_AND_COPY,
  electronic: pb.MaterialForm.MATERIAL_FORM_ELECTRONIC,
});
const ruleKind = enumCodec<RuleKind, catalogueV1.RuleKind>({
  field_compare: pb.RuleKind.RULE_KIND_FIELD_COMPARE,
  field_resident_id: pb.RuleKind.RULE_KIND_FIELD_RESIDENT_ID,
  field_credit_code: pb.RuleKind.RULE_KIND_FIELD_CREDIT_CODE,
  material_present: pb.RuleKind.RULE_KIND_MATERIAL_PRESENT,
  licence_valid: pb.RuleKind.RULE_KIND_LICENCE_VALID,
});

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
