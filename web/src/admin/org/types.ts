import type { paths } from '../../api/schema';

// The organisation area's shapes, named from the client generated from the gateway's OpenAPI document (never
// written by hand; see src/api/types.ts for the shared names).

type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer B } } } }
    ? B
    : never;

export type Calendar = Ok<'/api/v1/catalogue/calendars/{tenant}/{year}', 'get'>;
export type CalendarDayKind = Calendar['specialDays'][number]['kind'];
export type StaffMember = Ok<'/api/v1/identity/staff/{id}', 'get'>;
export type StaffRoleCode = NonNullable<
  paths['/api/v1/identity/staff']['post']['requestBody']
>['content']['application/json']['roles'][number];
export type ServiceAccount = Ok<'/api/v1/identity/tenants/{code}/service-accounts', 'get'>['serviceAccounts'][number];
export type CreatedServiceAccount = Ok<'/api/v1/identity/tenants/{code}/service-accounts', 'post'>;
export type Responsible = Ok<'/api/v1/identity/windows/{id}/responsible', 'get'>;
export type WindowKind = Ok<'/api/v1/identity/tenants/{code}/windows', 'get'>['windows'][number]['kind'];
