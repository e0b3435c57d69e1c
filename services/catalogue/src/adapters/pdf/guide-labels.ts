import { ROLE_NAMES, type Role } from '@govhall/auth';
import {
  DELIVERY_OPTION_NAMES,
  HANDLING_CATEGORY_NAMES,
  ITEM_KIND_NAMES,
  LEVEL_NAMES,
  MATERIAL_FORM_NAMES,
  ONLINE_DEPTH_NAMES as ONLINE_DEPTHS,
  SERVICE_OBJECT_NAMES as SERVICE_OBJECTS,
  TIME_UNIT_NAMES,
} from '@govhall/labels';
import type { HandlingCategory } from '../../domain/item';
import type {
  DeliveryOption,
  Material,
  MaterialForm,
  OnlineDepth,
  ServiceObject,
  TimeLimit,
} from '../../domain/item-content';

/** The Chinese words a guide uses for the catalogue's codes (@govhall/labels: the portal's guide page says the same). */

export const KIND_NAMES: Readonly<Record<string, string>> = ITEM_KIND_NAMES;
export const CATEGORY_NAMES: Readonly<Record<HandlingCategory, string>> = HANDLING_CATEGORY_NAMES;
export const SERVICE_OBJECT_NAMES: Readonly<Record<ServiceObject, string>> = SERVICE_OBJECTS;
export const ONLINE_DEPTH_NAMES: Readonly<Record<OnlineDepth, string>> = ONLINE_DEPTHS;
export const DELIVERY_NAMES: Readonly<Record<DeliveryOption, string>> = DELIVERY_OPTION_NAMES;
const FORM_NAMES: Readonly<Record<MaterialForm, string>> = MATERIAL_FORM_NAMES;

export const levelName = (level: number) => LEVEL_NAMES[level] ?? '—';

export const roleName = (role: string) => ROLE_NAMES[role as Role] ?? role;

export function timeLimit(limit: TimeLimit): string {
  if (limit.days === 0) return '即时办结';
  return `${limit.days}个${TIME_UNIT_NAMES[limit.unit]}`;
}

/** 12345 fen → 123.45元. */
export function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2)}元`;
}

/** 原件1份、复印件2份 … */
export function materialCopies(m: Material): string {
  const counts = [
    m.originalCount > 0 ? `原件${m.originalCount}份` : '',
    m.copyCount > 0 ? `复印件${m.copyCount}份` : '',
  ]
    .filter(Boolean)
    .join('，');
  return counts || FORM_NAMES[m.form];
}

/** 必要 / 非必要（委托他人代办的）. */
export function materialNecessity(m: Material): string {
  if (m.required) return '必要';
  return m.condition ? `非必要（${m.condition}）` : '非必要';
}

/** "pdf、jpg，不超过2MB". */
export function materialFormats(m: Material): string {
  const formats = m.formats.join('、');
  if (!m.maxSizeKb) return formats || '—';
  const size = m.maxSizeKb % 1024 === 0 ? `${m.maxSizeKb / 1024}MB` : `${m.maxSizeKb}KB`;
  return formats ? `${formats}，不超过${size}` : `不超过${size}`;
}
