import { ROLE_NAMES, type Role } from '@govhall/auth';
import type { HandlingCategory } from '../../domain/item';
import type {
  DeliveryOption,
  Material,
  MaterialForm,
  OnlineDepth,
  ServiceObject,
  TimeLimit,
} from '../../domain/item-content';

/** The Chinese words a guide uses for the catalogue's codes. */

export const KIND_NAMES: Readonly<Record<string, string>> = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
};

export const CATEGORY_NAMES: Record<HandlingCategory, string> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export const SERVICE_OBJECT_NAMES: Record<ServiceObject, string> = {
  person: '自然人',
  enterprise: '法人',
  both: '自然人、法人',
};

export const ONLINE_DEPTH_NAMES: Record<OnlineDepth, string> = {
  fully_online: '全程网办',
  online_pre_review: '网上预审',
  disclosure_only: '仅公开办事指南',
};

export const DELIVERY_NAMES: Record<DeliveryOption, string> = {
  window_pickup: '窗口领取',
  post: '邮寄送达',
  electronic: '电子证照',
};

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: '国家级',
  2: '省级',
  3: '市级',
  4: '县级',
  5: '乡级',
  6: '村级',
};

const FORM_NAMES: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件和复印件',
  electronic: '电子件',
};

export const levelName = (level: number) => LEVEL_NAMES[level] ?? '—';

export const roleName = (role: string) => ROLE_NAMES[role as Role] ?? role;

export function timeLimit(limit: TimeLimit): string {
  if (limit.days === 0) return '即时办结';
  return `${limit.days}个${limit.unit === 'working_day' ? '工作日' : '自然日'}`;
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
