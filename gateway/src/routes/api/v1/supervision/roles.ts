import type { Role } from '@govhall/auth';

/*
 * Roles at the edge for the supervision routes (supervision_service.proto and violation_service.proto say who may
 * call each RPC). The edge checks the role only; the supervision service checks the scope (the own tenant and the
 * tenants below, never a sibling) and answers what the caller may not see as 404 / 403.
 */

/** Clocks, signals, recorded events, violations, inspections, accountability records and the live feed. */
export const SUPERVISION_READERS: readonly Role[] = ['supervisor', 'ops_admin', 'service'];

/**
 * The hall's big screen (大屏): supervision readers and a hall screen's device account (ADR 0049), which reads its
 * own hall's figures of today, the open clocks (as the service masks them for it) and the live feed, nothing else.
 */
export const HALL_SCREEN_READERS: readonly Role[] = [...SUPERVISION_READERS, 'hall_screen'];

/** Signal rules are read by supervisors and the tenant's center administrator (and tried in a dry run). */
export const THRESHOLD_READERS: readonly Role[] = ['supervisor', 'center_admin', 'ops_admin', 'service'];

/** Signal rules are changed by the tenant's center administrator. */
export const THRESHOLD_WRITERS: readonly Role[] = ['center_admin'];

/** Dismissing a violation, the daily inspection, accountability proposals and decisions: supervisors. */
export const SUPERVISORS: readonly Role[] = ['supervisor'];
