import type { Role } from '@govhall/auth';

/** Drafts, submission, new editions, retirement, files and calendar overrides (catalogue_service.proto); the
 * service then checks the item's tenant. */
export const CATALOGUE_ADMINS: readonly Role[] = ['center_admin'];

/** Center review; the service also refuses the person who submitted the item. */
export const CATALOGUE_REVIEWERS: readonly Role[] = ['center_admin', 'reviewer'];
