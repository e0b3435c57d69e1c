import { catalogueV1 } from '@govhall/proto';
import { enumMapping } from '../../../../lib/enum-map';

export const handlingCategory = enumMapping(
  'catalogue',
  'HandlingCategory',
  catalogueV1.HandlingCategory,
  'HANDLING_CATEGORY_',
);
export const itemStatus = enumMapping('catalogue', 'ItemStatus', catalogueV1.ItemStatus, 'ITEM_STATUS_');
export const serviceObject = enumMapping('catalogue', 'ServiceObject', catalogueV1.ServiceObject, 'SERVICE_OBJECT_');
export const onlineDepth = enumMapping('catalogue', 'OnlineDepth', catalogueV1.OnlineDepth, 'ONLINE_DEPTH_');
export const deliveryOption = enumMapping(
  'catalogue',
  'DeliveryOption',
  catalogueV1.DeliveryOption,
  'DELIVERY_OPTION_',
);
export const timeUnit = enumMapping('catalogue', 'TimeUnit', catalogueV1.TimeUnit, 'TIME_UNIT_');
export const materialForm = enumMapping('catalogue', 'MaterialForm', catalogueV1.MaterialForm, 'MATERIAL_FORM_');
export const ruleKind = enumMapping('catalogue', 'RuleKind', catalogueV1.RuleKind, 'RULE_KIND_');
export const dayKind = enumMapping('catalogue', 'DayKind', catalogueV1.DayKind, 'DAY_KIND_');
