/** The catalogue's codes (实施清单 elements, shared/design/domain.md). */

export type ItemKindCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';

/** 事项类型, in their order (a list: an object would put the integer-like keys 10 and 20 first). */
export const ITEM_KINDS: readonly (readonly [ItemKindCode, string])[] = [
  ['01', '行政许可'],
  ['02', '行政处罚'],
  ['03', '行政强制'],
  ['04', '行政征收'],
  ['05', '行政给付'],
  ['06', '行政检查'],
  ['07', '行政确认'],
  ['08', '行政奖励'],
  ['09', '行政裁决'],
  ['10', '其他行政权力'],
  ['20', '公共服务'],
];
export const ITEM_KIND_NAMES = Object.fromEntries(ITEM_KINDS) as Readonly<Record<ItemKindCode, string>>;

export type HandlingCategoryCode = 'immediate' | 'promised' | 'joint' | 'escalated';
export const HANDLING_CATEGORY_NAMES: Readonly<Record<HandlingCategoryCode, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export type ServiceObjectCode = 'person' | 'enterprise' | 'both';
export const SERVICE_OBJECT_NAMES: Readonly<Record<ServiceObjectCode, string>> = {
  person: '自然人',
  enterprise: '法人',
  both: '自然人、法人',
};

export type OnlineDepthCode = 'fully_online' | 'online_pre_review' | 'disclosure_only';
export const ONLINE_DEPTH_NAMES: Readonly<Record<OnlineDepthCode, string>> = {
  fully_online: '全程网办',
  online_pre_review: '网上预审',
  disclosure_only: '仅公开办事指南',
};

export type DeliveryOptionCode = 'window_pickup' | 'post' | 'electronic';
export const DELIVERY_OPTION_NAMES: Readonly<Record<DeliveryOptionCode, string>> = {
  window_pickup: '窗口领取',
  post: '邮寄送达',
  electronic: '电子送达',
};

export type MaterialFormCode = 'original' | 'copy' | 'original_and_copy' | 'electronic';
export const MATERIAL_FORM_NAMES: Readonly<Record<MaterialFormCode, string>> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件和复印件',
  electronic: '电子件',
};

/** Administrative levels of a tenant or an item (1 national … 6 village). */
export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: '国家级',
  2: '省级',
  3: '市级',
  4: '县级',
  5: '乡级',
  6: '村级',
};

export type TimeUnitCode = 'working_day' | 'natural_day';
export const TIME_UNIT_NAMES: Readonly<Record<TimeUnitCode, string>> = {
  working_day: '工作日',
  natural_day: '自然日',
};
