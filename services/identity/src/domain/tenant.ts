import type { Violation } from '@govhall/errors';
import { checkRegionParent, normalizeText, parseRegionCode, textViolations } from '@govhall/identifiers';

/** Government levels a tenant can have (a province runs no service center in GovHall). */
export const TENANT_LEVELS = ['city', 'district', 'county', 'town', 'village'] as const;
export type TenantLevel = (typeof TENANT_LEVELS)[number];

const LEVEL_NAMES: Record<TenantLevel, string> = {
  city: '市级',
  district: '市辖区',
  county: '县级',
  town: '乡镇（街道）级',
  village: '村（社区）级',
};

/** The service center (政务服务中心 / 便民服务中心 / 代办点) a tenant runs. */
export interface ServiceCenter {
  name: string;
  address: string;
  /** Opening hours as shown to visitors, e.g. "周一至周五 9:00-12:00 14:30-17:30". */
  hours: string;
  /** Consultation and complaint phone numbers. */
  phones: string[];
}

export interface Tenant {
  /** Region code (GB/T 2260), the tenant's id. */
  code: string;
  name: string;
  level: TenantLevel;
  /** Absent for a root (a city, or a county hosted on its own). */
  parentCode?: string;
  center: ServiceCenter;
  /** 1 at creation, +1 on every change (optimistic concurrency). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewTenantInput {
  code: string;
  name: string;
  /** '' = derive from the code. */
  level: string;
  /** '' or undefined = a root. */
  parentCode?: string;
  /** Missing is reported by validation. */
  center: ServiceCenter | undefined;
}

export type TenantEvent = { type: 'TenantCreated'; tenant: Tenant } | { type: 'ServiceCenterUpdated'; tenant: Tenant };

const PHONE = /^[0-9-]{5,20}$/;
const ROOT_LEVELS: readonly TenantLevel[] = ['city', 'county'];

function lengthViolation(path: string, value: string, min: number, max: number, label: string): Violation[] {
  return textViolations(path, value, { label, min, max });
}

/** Checks a service center; paths start with `prefix` ("center"). */
export function validateServiceCenter(center: ServiceCenter | undefined, prefix = 'center'): Violation[] {
  if (!center) return [{ path: prefix, reason: 'REQUIRED', message: '请填写服务中心信息' }];
  const v = [
    ...lengthViolation(`${prefix}.name`, center.name ?? '', 2, 60, '服务中心名称'),
    ...lengthViolation(`${prefix}.address`, center.address ?? '', 2, 200, '服务中心地址'),
    ...lengthViolation(`${prefix}.hours`, center.hours ?? '', 2, 100, '办公时间'),
  ];
  const phones = center.phones ?? [];
  if (phones.length < 1 || phones.length > 5) {
    v.push({ path: `${prefix}.phones`, reason: 'COUNT', message: '咨询投诉电话应填写1至5个' });
  }
  phones.forEach((phone, i) => {
    if (!PHONE.test(phone.trim())) {
      v.push({
        path: `${prefix}.phones.${i}`,
        reason: 'PATTERN',
        message: `电话“${phone}”格式不正确，应为5至20位数字或连字符，如 0935-8212345`,
      });
    }
  });
  return v;
}

/**
 * Checks a new tenant. `parent` is the tenant named by `parentCode` as the use case found it (undefined when
 * no parent was given or none exists); the code must lie directly under the parent's code, and only a city or
 * a county may stand without a parent.
 */
export function validateNewTenant(input: NewTenantInput, parent: Tenant | undefined): Violation[] {
  const v: Violation[] = [];
  const parsed = parseRegionCode(input.code);
  let level: TenantLevel | undefined;
  if (!parsed.ok) {
    v.push({ path: 'code', ...parsed.violation });
  } else if (parsed.value.level === 'province') {
    v.push({ path: 'code', reason: 'LEVEL', message: `${parsed.value.code} 是省级区划代码，省级不设租户` });
  } else {
    level = parsed.value.level;
  }

  if (input.level !== '') {
    if (!(TENANT_LEVELS as readonly string[]).includes(input.level)) {
      v.push({ path: 'level', reason: 'LEVEL', message: '租户层级应为市、区、县、乡镇（街道）或村（社区）' });
    } else if (level && input.level !== level) {
      v.push({
        path: 'level',
        reason: 'LEVEL',
        message: `租户层级与行政区划代码不符：${input.code.trim()} 是${LEVEL_NAMES[level]}代码`,
      });
    }
  }

  const parentCode = input.parentCode?.trim() ?? '';
  if (parentCode === '') {
    if (level && !ROOT_LEVELS.includes(level)) {
      v.push({
        path: 'parentCode',
        reason: 'REQUIRED',
        message: `${LEVEL_NAMES[level]}租户须指定上级租户，只有市级或县级租户可以独立设立`,
      });
    }
  } else {
    const parsedParent = parseRegionCode(parentCode);
    if (!parsedParent.ok) {
      v.push({ path: 'parentCode', ...parsedParent.violation });
    } else if (!parent) {
      v.push({ path: 'parentCode', reason: 'NOT_FOUND', message: `上级租户 ${parentCode} 不存在，请先创建上级租户` });
    } else if (parsed.ok) {
      const violation = checkRegionParent(parsed.value.code, parent.code);
      if (violation) v.push({ path: 'parentCode', ...violation });
    }
  }

  v.push(...lengthViolation('name', input.name ?? '', 2, 50, '租户名称'));
  v.push(...validateServiceCenter(input.center));
  return v;
}

function normalizeCenter(center: ServiceCenter): ServiceCenter {
  return {
    name: normalizeText(center.name),
    address: normalizeText(center.address),
    hours: normalizeText(center.hours),
    phones: center.phones.map((p) => p.trim()),
  };
}

/** Creates a tenant from input already validated by validateNewTenant. */
export function createTenant(input: NewTenantInput, now: Date): { tenant: Tenant; events: TenantEvent[] } {
  const code = input.code.trim();
  const parsed = parseRegionCode(code);
  if (!parsed.ok || parsed.value.level === 'province' || !input.center) throw new Error(`invalid tenant: ${code}`);
  const parentCode = input.parentCode?.trim();
  const tenant: Tenant = {
    code,
    name: normalizeText(input.name),
    level: parsed.value.level,
    ...(parentCode ? { parentCode } : {}),
    center: normalizeCenter(input.center),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { tenant, events: [{ type: 'TenantCreated', tenant }] };
}

/** Replaces the service center of a tenant (center already validated by validateServiceCenter). */
export function updateServiceCenter(
  tenant: Tenant,
  center: ServiceCenter,
  now: Date,
): { tenant: Tenant; events: TenantEvent[] } {
  const updated: Tenant = { ...tenant, center: normalizeCenter(center), version: tenant.version + 1, updatedAt: now };
  return { tenant: updated, events: [{ type: 'ServiceCenterUpdated', tenant: updated }] };
}
