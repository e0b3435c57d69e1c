import { identityV1 } from '@govhall/proto';
import type { Department } from '../../domain/department';
import type { ServiceCenter, Tenant, TenantLevel } from '../../domain/tenant';
import type { Window, WindowKind } from '../../domain/window';
import type { ResponsibilityBasis } from '../../domain/window-responsibility';
import { toProtoStaffFact } from './staff.mapper';

const { TenantLevel: PbLevel, WindowKind: PbKind, ResponsibilityBasis: PbBasis } = identityV1;

const LEVEL_TO_PROTO: Record<TenantLevel, identityV1.TenantLevel> = {
  city: PbLevel.TENANT_LEVEL_CITY,
  district: PbLevel.TENANT_LEVEL_DISTRICT,
  county: PbLevel.TENANT_LEVEL_COUNTY,
  town: PbLevel.TENANT_LEVEL_TOWN,
  village: PbLevel.TENANT_LEVEL_VILLAGE,
};

const KIND_TO_PROTO: Record<WindowKind, identityV1.WindowKind> = {
  department: PbKind.WINDOW_KIND_DEPARTMENT,
  comprehensive: PbKind.WINDOW_KIND_COMPREHENSIVE,
};

const BASIS_TO_PROTO: Record<ResponsibilityBasis, identityV1.ResponsibilityBasis> = {
  A_POST: PbBasis.RESPONSIBILITY_BASIS_A_POST,
  B_POST: PbBasis.RESPONSIBILITY_BASIS_B_POST,
  DEPARTMENT_HEAD: PbBasis.RESPONSIBILITY_BASIS_DEPARTMENT_HEAD,
  CENTER_ADMIN: PbBasis.RESPONSIBILITY_BASIS_CENTER_ADMIN,
};

function fromProto<T extends string, P>(table: Record<T, P>, value: P): T | undefined {
  return (Object.keys(table) as T[]).find((k) => table[k] === value);
}

/** UNSPECIFIED becomes '' (derive from the code); an unknown number stays visible so validation reports it. */
export function levelFromProto(value: identityV1.TenantLevel): string {
  if (value === PbLevel.TENANT_LEVEL_UNSPECIFIED) return '';
  return fromProto(LEVEL_TO_PROTO, value) ?? `unknown(${value})`;
}

/** Unspecified or unknown kinds become '' so domain validation reports them. */
export function windowKindFromProto(value: identityV1.WindowKind): string {
  return fromProto(KIND_TO_PROTO, value) ?? '';
}

export function serviceCenterFromProto(center: identityV1.ServiceCenter | undefined): ServiceCenter | undefined {
  return center && { name: center.name, address: center.address, hours: center.hours, phones: [...center.phones] };
}

export function toProtoTenant(tenant: Tenant): identityV1.Tenant {
  return {
    code: tenant.code,
    name: tenant.name,
    level: LEVEL_TO_PROTO[tenant.level],
    parentCode: tenant.parentCode ?? '',
    center: { ...tenant.center, phones: [...tenant.center.phones] },
    version: tenant.version,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
  };
}

export function toProtoDepartment(department: Department): identityV1.Department {
  return {
    code: department.code,
    tenant: department.tenant,
    name: department.name,
    version: department.version,
    createdAt: department.createdAt,
  };
}

export function toProtoWindow(window: Window): identityV1.Window {
  return {
    id: window.id,
    tenant: window.tenant,
    number: window.number,
    name: window.name,
    kind: KIND_TO_PROTO[window.kind],
    department: window.department,
    servesDepartments: [...window.servesDepartments],
    aPostStaffId: window.aPostStaffId,
    bPostStaffId: window.bPostStaffId,
    location: window.location,
    version: window.version,
    createdAt: window.createdAt,
    updatedAt: window.updatedAt,
  };
}

export function toProtoBasis(basis: ResponsibilityBasis): identityV1.ResponsibilityBasis {
  return BASIS_TO_PROTO[basis];
}

/** The responsible person as the queue shows them: what the window rules know (see toProtoStaffFact). */
export const toProtoResponsible = toProtoStaffFact;
