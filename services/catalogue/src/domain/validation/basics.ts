import { DELIVERY_OPTION_NAMES, ONLINE_DEPTH_NAMES, SERVICE_OBJECT_NAMES } from '@govhall/labels';
import type { DeliveryOption, ItemContent, OnlineDepth, ServiceObject } from '../item-content';
import type { ItemKind } from '../item';
import { duplicateIndexes, filled, Violations } from './violations';

export const SERVICE_OBJECTS: Readonly<Record<ServiceObject, string>> = SERVICE_OBJECT_NAMES;
export const ONLINE_DEPTHS: Readonly<Record<OnlineDepth, string>> = ONLINE_DEPTH_NAMES;
export const DELIVERY_OPTIONS: Readonly<Record<DeliveryOption, string>> = DELIVERY_OPTION_NAMES;

/** Kinds whose power comes from a law and must cite it: 01 许可 … 09 裁决 (10 其他 and 20 公共服务 need not). */
const KINDS_NEEDING_LEGAL_BASIS: ReadonlySet<ItemKind> = new Set([
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
]);

const SHORT = 100;
const LONG = 2000;
const LEGAL_TEXT = 5000;

export function checkBasicsShape(content: ItemContent, v: Violations): void {
  v.oneOf('content.serviceObject', content.serviceObject, '服务对象', SERVICE_OBJECTS);
  v.oneOf('content.onlineDepth', content.onlineDepth, '网办深度', ONLINE_DEPTHS);
  content.deliveryOptions.forEach((option, i) =>
    v.oneOf(`content.deliveryOptions.${i}`, option, '送达方式', DELIVERY_OPTIONS),
  );
  for (const i of duplicateIndexes(content.deliveryOptions, (o) => o)) {
    v.add(`content.deliveryOptions.${i}`, 'DUPLICATE', '送达方式重复');
  }
  v.maxEntries('content.legalBases', content.legalBases, '设定依据', 50);
  content.legalBases.forEach((basis, i) => {
    v.maxLength(`content.legalBases.${i}.law`, basis.law, '法律法规名称', 200);
    v.maxLength(`content.legalBases.${i}.article`, basis.article, '条款', SHORT);
    v.maxLength(`content.legalBases.${i}.text`, basis.text, '条款内容', LEGAL_TEXT, true);
  });
  v.maxEntries('content.acceptanceConditions', content.acceptanceConditions, '受理条件', 50);
  content.acceptanceConditions.forEach((c, i) =>
    v.maxLength(`content.acceptanceConditions.${i}`, c, '受理条件', LONG, true),
  );
  const { location } = content;
  v.maxLength('content.location.windowLocation', location.windowLocation, '办理地点', 200);
  v.maxLength('content.location.hours', location.hours, '办理时间', 200);
  v.maxLength('content.location.consultationPhone', location.consultationPhone, '咨询电话', 40);
  v.maxLength('content.location.complaintPhone', location.complaintPhone, '投诉电话', 40);
  v.maxEntries('content.faq', content.faq, '常见问题', 100);
  content.faq.forEach((faq, i) => {
    v.maxLength(`content.faq.${i}.question`, faq.question, '问题', 500);
    v.maxLength(`content.faq.${i}.answer`, faq.answer, '解答', LONG, true);
  });
}

export function checkBasicsComplete(item: { kind: ItemKind; content: ItemContent }, v: Violations): void {
  const { content } = item;
  if (content.deliveryOptions.length === 0) {
    v.add('content.deliveryOptions', 'REQUIRED', '请至少选择一种送达方式（窗口领取、邮寄或电子证照）');
  }
  if (content.legalBases.length === 0 && KINDS_NEEDING_LEGAL_BASIS.has(item.kind)) {
    v.add('content.legalBases', 'REQUIRED', '行政权力事项应至少列明一项设定依据（法律法规名称及条款）');
  }
  content.legalBases.forEach((basis, i) => {
    if (!filled(basis.law)) v.add(`content.legalBases.${i}.law`, 'REQUIRED', '请填写设定依据的法律法规名称');
    if (!filled(basis.article)) v.add(`content.legalBases.${i}.article`, 'REQUIRED', '请填写设定依据的具体条款');
  });
  content.acceptanceConditions.forEach((c, i) => {
    if (!filled(c)) v.add(`content.acceptanceConditions.${i}`, 'REQUIRED', '受理条件不能为空，请填写或删除该项');
  });
  const { location } = content;
  if (!filled(location.windowLocation))
    v.add('content.location.windowLocation', 'REQUIRED', '请填写办理地点（窗口位置）');
  if (!filled(location.hours)) v.add('content.location.hours', 'REQUIRED', '请填写办理时间');
  if (!filled(location.consultationPhone)) v.add('content.location.consultationPhone', 'REQUIRED', '请填写咨询电话');
  if (!filled(location.complaintPhone)) v.add('content.location.complaintPhone', 'REQUIRED', '请填写投诉电话');
  content.faq.forEach((faq, i) => {
    if (!filled(faq.question)) v.add(`content.faq.${i}.question`, 'REQUIRED', '请填写问题或删除该项');
    if (!filled(faq.answer)) v.add(`content.faq.${i}.answer`, 'REQUIRED', '请填写解答或删除该项');
  });
}
