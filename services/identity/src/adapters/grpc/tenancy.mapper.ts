import { enumSpelling, identityV1 } from '@govhall/proto';
import type { Department } from '../../domain/department';
import type { ServiceCenter, Tenant, TenantLevel } from '../../domain/tenant';
import type { Window, WindowKind } from '../../domain/window';
import type { ResponsibilityBasis } from '../../domain/window-responsibility';
import { toProtoStaffFact } from './staff.mapper';

const { TenantLevel: PbLevel } = identityV1;

/** Proto ⇄ domain spellings (`enumSpelling` of @govhall/proto); the domain spells responsibility bases in capitals. */
const level = enumSpelling(identityV1.TenantLevel, 'TENANT_LEVEL_');
const windowKind = enumSpelling(identityV1.WindowKind, 'WINDOW_KIND_');
const basis = enumSpelling(identityV1.ResponsibilityBasis, 'RESPONSIBILITY_BASIS_');

/** UNSPECIFIED becomes '' (derive from the code); an unknown number stays visible so validation reports it. */
export function levelFromProto(value: identityV1.TenantLevel): string {
  if (value === PbLevel.TENANT_LEVEL_UNSPECIFIED) return '';
  return level.fromProto(value) ?? `unknown(${value})`;
}

/** Unspecified or unknown kinds become '' so domain validation reports them. */
export function windowKindFromProto(value: identityV1.WindowKind): string {
  return windowKind.fromProto(value) ?? '';
}

export function serviceCenterFromProto(center: identityV1.ServiceCenter | undefined): ServiceCenter | undefined {
  return center && { name: center.name, address: center.address, hours: center.hours, phones: [...center.phones] };
}

export function toProtoTenant(tenant: Tenant): identityV1.Tenant {
  return {
    code: tenant.code,
    name: tenant.name,
    level: level.toProto(tenant.level satisfies TenantLevel),
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
    kind: windowKind.toProto(window.kind satisfies WindowKind),
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

export function toProtoBasis(responsibility: ResponsibilityBasis): identityV1.ResponsibilityBasis {
  return basis.toProto(responsibility.toLowerCase());
}

/** The responsible person as the queue shows them: what the window rules know (see toProtoStaffFact). */
export const toProtoResponsible = toProtoStaffFact;
