import { catalogueV1 } from '@govhall/proto';
import { enumMapping } from '../../../../lib/enum-map';

const C = catalogueV1.HandlingCategory;
export const handlingCategory = enumMapping('catalogue', 'HandlingCategory', [
  [C.HANDLING_CATEGORY_IMMEDIATE, 'immediate'],
  [C.HANDLING_CATEGORY_PROMISED, 'promised'],
  [C.HANDLING_CATEGORY_JOINT, 'joint'],
  [C.HANDLING_CATEGORY_ESCALATED, 'escalated'],
]);

const S = catalogueV1.ItemStatus;
export const itemStatus = enumMapping('catalogue', 'ItemStatus', [
  [S.ITEM_STATUS_DRAFT, 'draft'],
  [S.ITEM_STATUS_SUBMITTED, 'submitted'],
  [S.ITEM_STATUS_PUBLISHED, 'published'],
  [S.ITEM_STATUS_SUPERSEDED, 'superseded'],
  [S.ITEM_STATUS_RETIRED, 'retired'],
]);

const O = catalogueV1.ServiceObject;
export const serviceObject = enumMapping('catalogue', 'ServiceObject', [
  [O.SERVICE_OBJECT_PERSON, 'person'],
  [O.SERVICE_OBJECT_ENTERPRISE, 'enterprise'],
  [O.SERVICE_OBJECT_BOTH, 'both'],
]);

const D = catalogueV1.OnlineDepth;
export const onlineDepth = enumMapping('catalogue', 'OnlineDepth', [
  [D.ONLINE_DEPTH_FULLY_ONLINE, 'fully_online'],
  [D.ONLINE_DEPTH_ONLINE_PRE_REVIEW, 'online_pre_review'],
  [D.ONLINE_DEPTH_DISCLOSURE_ONLY, 'disclosure_only'],
]);

const V = catalogueV1.DeliveryOption;
export const deliveryOption = enumMapping('catalogue', 'DeliveryOption', [
  [V.DELIVERY_OPTION_WINDOW_PICKUP, 'window_pickup'],
  [V.DELIVERY_OPTION_POST, 'post'],
  [V.DELIVERY_OPTION_ELECTRONIC, 'electronic'],
]);

const U = catalogueV1.TimeUnit;
export const timeUnit = enumMapping('catalogue', 'TimeUnit', [
  [U.TIME_UNIT_WORKING_DAY, 'working_day'],
  [U.TIME_UNIT_NATURAL_DAY, 'natural_day'],
]);

const F = catalogueV1.MaterialForm;
export const materialForm = enumMapping('catalogue', 'MaterialForm', [
  [F.MATERIAL_FORM_ORIGINAL, 'original'],
  [F.MATERIAL_FORM_COPY, 'copy'],
  [F.MATERIAL_FORM_ORIGINAL_AND_COPY, 'original_and_copy'],
  [F.MATERIAL_FORM_ELECTRONIC, 'electronic'],
]);

const R = catalogueV1.RuleKind;
export const ruleKind = enumMapping('catalogue', 'RuleKind', [
  [R.RULE_KIND_FIELD_COMPARE, 'field_compare'],
  [R.RULE_KIND_FIELD_RESIDENT_ID, 'field_resident_id'],
  [R.RULE_KIND_FIELD_CREDIT_CODE, 'field_credit_code'],
  [R.RULE_KIND_MATERIAL_PRESENT, 'material_present'],
  [R.RULE_KIND_LICENCE_VALID, 'licence_valid'],
]);

const K = catalogueV1.DayKind;
export const dayKind = enumMapping('catalogue', 'DayKind', [
  [K.DAY_KIND_WORKDAY, 'workday'],
  [K.DAY_KIND_WEEKEND, 'weekend'],
  [K.DAY_KIND_HOLIDAY, 'holiday'],
  [K.DAY_KIND_MAKEUP_WORKDAY, 'makeup_workday'],
  [K.DAY_KIND_LOCAL_HOLIDAY, 'local_holiday'],
  [K.DAY_KIND_LOCAL_WORKDAY, 'local_workday'],
]);
