import { rolesOf, tenantOf, useAuth } from '../../shared/auth';

/** Who is working in the catalogue: their tenant (region code), whether they may edit and whether review. */
export function useCatalogueSession(): { tenant: string | undefined; canEdit: boolean; canReview: boolean } {
  const { user } = useAuth();
  const roles = rolesOf(user);
  return {
    tenant: tenantOf(user),
    canEdit: roles.includes('center_admin'),
    canReview: roles.includes('center_admin') || roles.includes('reviewer'),
  };
}
