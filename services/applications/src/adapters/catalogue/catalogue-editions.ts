import { LRUCache } from 'lru-cache';
import { CatalogueGuides } from '@govhall/catalogue-guides';
import { catalogueV1, enumSpelling } from '@govhall/proto';
import { isDuplicateKeyError, mongoose, type Connection, type Model } from '@govhall/mongo';
import type { DeliveryMethod, HandlingCategory } from '../../domain/case';
import type { Edition, TimeLimit } from '../../domain/edition';
import type { Editions } from '../../usecases/ports';

const pb = catalogueV1;
const category = enumSpelling(pb.HandlingCategory, 'HANDLING_CATEGORY_');
const itemStatus = enumSpelling(pb.ItemStatus, 'ITEM_STATUS_');
const serviceObject = enumSpelling(pb.ServiceObject, 'SERVICE_OBJECT_');
const materialForm = enumSpelling(pb.MaterialForm, 'MATERIAL_FORM_');
const ruleKind = enumSpelling(pb.RuleKind, 'RULE_KIND_');
const timeUnit = enumSpelling(pb.TimeUnit, 'TIME_UNIT_');
const delivery = enumSpelling(pb.DeliveryOption, 'DELIVERY_OPTION_');

function limit(l: catalogueV1.TimeLimit | undefined): TimeLimit {
  return {
    days: l?.days ?? 0,
    unit: timeUnit.fromProto(l?.unit ?? 0) === 'natural_day' ? 'natural_day' : 'working_day',
  };
}

/** The catalogue's guide (item + names) as the edition a case pins. */
export function editionFromGuide(guide: catalogueV1.Guide): Edition {
  const item = guide.item!;
  const c = item.content!;
  return {
    id: item.id,
    tenant: item.tenant,
    name: item.name,
    basicCode: item.basicCode,
    edition: item.edition,
    status: itemStatus.fromProto(item.status) ?? '',
    handlingCategory: (category.fromProto(item.handlingCategory) ?? 'promised') as HandlingCategory,
    department: item.department,
    serviceObject: serviceObject.fromProto(c.serviceObject) ?? 'both',
    materials: c.materials.map((m) => ({
      id: m.id,
      name: m.name,
      required: m.required,
      condition: m.condition,
      form: materialForm.fromProto(m.form) ?? '',
      formats: m.formats,
      maxSizeKb: m.maxSizeKb,
      satisfiedByLicenceType: m.satisfiedByLicenceType,
    })),
    formSchema: c.form?.jsonSchema ?? '',
    rules: c.preReviewRules.map((r) => ({
      id: r.id,
      kind: ruleKind.fromProto(r.kind) ?? '',
      field: r.field,
      op: r.op,
      value: r.value,
      materialId: r.materialId,
      licenceType: r.licenceType,
      message: r.message,
    })),
    statutoryLimit: limit(c.statutoryLimit),
    promisedLimit: limit(c.promisedLimit),
    visits: c.visits,
    workflow: c.workflow.map((s) => ({
      name: s.name,
      role: s.role,
      budgetWorkingDays: s.budgetWorkingDays,
      responsibleName: s.responsibleName,
    })),
    deliveryOptions: c.deliveryOptions
      .map((d) => delivery.fromProto(d))
      .filter((d) => d !== undefined) as DeliveryMethod[],
    coDepartments: c.coDepartments,
    hasFees: c.fees.length > 0,
    departmentName: guide.departmentName,
    tenantName: guide.tenantName,
  };
}

/** Collection `editions`: the editions cases were filed under (immutable once published), by item id. */
const editionSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, edition: { type: mongoose.Schema.Types.Mixed, required: true } },
  { collection: 'editions', versionKey: false },
);

/**
 * Editions from the catalogue's public GetGuide (published or superseded editions, with the department's and the
 * tenant's names), kept in this service's database once seen as published or superseded, so a case keeps its
 * pinned edition whatever the catalogue does later. A published edition may still be retired: `status` is re-read
 * from the catalogue for new cases (see `current`).
 */
export class CatalogueEditions implements Editions {
  readonly model: Model<{ _id: string; edition: Edition }>;
  private readonly guides: CatalogueGuides;
  /**
   * Pinned copies already read: a stored copy is never changed (insertOne only), so it may be kept for the process's
   * life. A case act read its edition from the store ~20 times per lifecycle before (docs/benchmarks.md).
   */
  private readonly pinned = new LRUCache<string, Edition>({ max: 2_000 });

  constructor(connection: Connection, address: string, deadlineMs = 3_000) {
    this.model = connection.model('Edition', editionSchema) as never;
    // Nothing kept there: the pinned copies are kept here, and `current` must see the status now.
    this.guides = new CatalogueGuides(address, { deadlineMs, cacheSize: 0 });
  }

  /** The pinned copy when this service has one, else the catalogue's. */
  async get(itemId: string): Promise<Edition | null> {
    const cached = this.pinned.get(itemId);
    if (cached) return structuredClone(cached);
    const stored = await this.model.findById(itemId).lean<{ edition: Edition }>();
    if (!stored) return this.current(itemId);
    this.pinned.set(itemId, stored.edition);
    return structuredClone(stored.edition);
  }

  /** The catalogue's answer now (a new case needs the edition to be published at this moment). */
  async current(itemId: string): Promise<Edition | null> {
    const guide = await this.guides.current(itemId);
    if (!guide?.item) return null;
    const edition = editionFromGuide(guide);
    if (edition.status === 'published' || edition.status === 'superseded') {
      await this.model.collection.insertOne({ _id: itemId, edition } as never).catch((e: unknown) => {
        if (!isDuplicateKeyError(e)) throw e;
      });
    }
    return edition;
  }

  close(): void {
    this.guides.close();
  }
}
