import type { Role } from '@govhall/auth';

/** Who writes tenants, departments, windows, staff and service accounts (identity_service.proto); the
 * service then checks the tenant. */
export const ADMINS: readonly Role[] = ['center_admin', 'ops_admin'];

/** Who disables an applicant's login: the center administrator (the service checks it is the person's tenant). */
export const APPLICANT_ADMINS: readonly Role[] = ['center_admin'];

/** Leave is recorded by the center administrator or the person's department head (the service checks which). */
export const LEAVE_RECORDERS: readonly Role[] = ['center_admin', 'department_head'];

/**
 * Who reads which windows of a hall are served today and by whom (the hall's big screen): the hall's screen account
 * (ADR 0049), supervisors and the center's administrators; the service checks the tenant.
 */
export const ON_DUTY_READERS: readonly Role[] = ['hall_screen', 'supervisor', 'center_admin', 'ops_admin'];
