import { catalogueV1 } from '@govhall/proto';
import {
  dayKind,
  deliveryOption,
  handlingCategory,
  itemStatus,
  materialForm,
  onlineDepth,
  ruleKind,
  serviceObject,
  timeUnit,
} from './catalogue.enums';

const P = catalogueV1;

describe('catalogue enum mapping', () => {
  it.each([
    [handlingCategory, P.HandlingCategory.HANDLING_CATEGORY_IMMEDIATE, 'immediate'],
    [handlingCategory, P.HandlingCategory.HANDLING_CATEGORY_PROMISED, 'promised'],
    [handlingCategory, P.HandlingCategory.HANDLING_CATEGORY_JOINT, 'joint'],
    [handlingCategory, P.HandlingCategory.HANDLING_CATEGORY_ESCALATED, 'escalated'],
    [itemStatus, P.ItemStatus.ITEM_STATUS_DRAFT, 'draft'],
    [itemStatus, P.ItemStatus.ITEM_STATUS_SUBMITTED, 'submitted'],
    [itemStatus, P.ItemStatus.ITEM_STATUS_PUBLISHED, 'published'],
    [itemStatus, P.ItemStatus.ITEM_STATUS_SUPERSEDED, 'superseded'],
    [itemStatus, P.ItemStatus.ITEM_STATUS_RETIRED, 'retired'],
    [serviceObject, P.ServiceObject.SERVICE_OBJECT_PERSON, 'person'],
    [serviceObject, P.ServiceObject.SERVICE_OBJECT_ENTERPRISE, 'enterprise'],
    [serviceObject, P.ServiceObject.SERVICE_OBJECT_BOTH, 'both'],
    [onlineDepth, P.OnlineDepth.ONLINE_DEPTH_FULLY_ONLINE, 'fully_online'],
    [onlineDepth, P.OnlineDepth.ONLINE_DEPTH_ONLINE_PRE_REVIEW, 'online_pre_review'],
    [onlineDepth, P.OnlineDepth.ONLINE_DEPTH_DISCLOSURE_ONLY, 'disclosure_only'],
    [deliveryOption, P.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP, 'window_pickup'],
    [deliveryOption, P.DeliveryOption.DELIVERY_OPTION_POST, 'post'],
    [deliveryOption, P.DeliveryOption.DELIVERY_OPTION_ELECTRONIC, 'electronic'],
    [timeUnit, P.TimeUnit.TIME_UNIT_WORKING_DAY, 'working_day'],
    [timeUnit, P.TimeUnit.TIME_UNIT_NATURAL_DAY, 'natural_day'],
    [materialForm, P.MaterialForm.MATERIAL_FORM_ORIGINAL, 'original'],
    [materialForm, P.MaterialForm.MATERIAL_FORM_COPY, 'copy'],
    [materialForm, P.MaterialForm.MATERIAL_FORM_ORIGINAL_AND_COPY, 'original_and_copy'],
    [materialForm, P.MaterialForm.MATERIAL_FORM_ELECTRONIC, 'electronic'],
    [ruleKind, P.RuleKind.RULE_KIND_FIELD_COMPARE, 'field_compare'],
    [ruleKind, P.RuleKind.RULE_KIND_FIELD_RESIDENT_ID, 'field_resident_id'],
    [ruleKind, P.RuleKind.RULE_KIND_FIELD_CREDIT_CODE, 'field_credit_code'],
    [ruleKind, P.RuleKind.RULE_KIND_MATERIAL_PRESENT, 'material_present'],
    [ruleKind, P.RuleKind.RULE_KIND_LICENCE_VALID, 'licence_valid'],
    [dayKind, P.DayKind.DAY_KIND_WORKDAY, 'workday'],
    [dayKind, P.DayKind.DAY_KIND_WEEKEND, 'weekend'],
    [dayKind, P.DayKind.DAY_KIND_HOLIDAY, 'holiday'],
    [dayKind, P.DayKind.DAY_KIND_MAKEUP_WORKDAY, 'makeup_workday'],
    [dayKind, P.DayKind.DAY_KIND_LOCAL_HOLIDAY, 'local_holiday'],
    [dayKind, P.DayKind.DAY_KIND_LOCAL_WORKDAY, 'local_workday'],
  ] as const)('%#: proto %s ⇄ "%s"', (mapping, proto, rest) => {
    const m = mapping as { rest(v: number): string; proto(v: string): number; values: readonly string[] };
    expect(m.rest(proto)).toBe(rest);
    expect(m.proto(rest)).toBe(proto);
    expect(m.values).toContain(rest);
  });

  it('spells every value the proto defines but UNSPECIFIED', () => {
    const named = (e: object) => Object.values(e).filter((v) => typeof v === 'number' && v > 0).length;
    expect(handlingCategory.values).toHaveLength(named(P.HandlingCategory));
    expect(itemStatus.values).toHaveLength(named(P.ItemStatus));
    expect(materialForm.values).toHaveLength(named(P.MaterialForm));
    expect(ruleKind.values).toHaveLength(named(P.RuleKind));
    expect(dayKind.values).toHaveLength(named(P.DayKind));
  });

  it('sends a value left out as UNSPECIFIED and treats UNSPECIFIED from the service as a contract breach', () => {
    expect(handlingCategory.proto(undefined)).toBe(P.HandlingCategory.HANDLING_CATEGORY_UNSPECIFIED);
    expect(() => itemStatus.rest(P.ItemStatus.ITEM_STATUS_UNSPECIFIED)).toThrow(/ItemStatus 0/);
    expect(() => dayKind.rest(42)).toThrow(/DayKind 42/);
  });
});
