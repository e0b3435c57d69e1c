import { rolesOf, useAuth } from '../../shared/auth';

/** A claim of the signed-in person's access token (for display choices only: the API decides). */
function claim(token: string | undefined, name: string): unknown {
  if (!token) return undefined;
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >;
    return payload[name];
  } catch {
    return undefined;
  }
}

/** Who is working in the catalogue: their tenant (region code), whether they may edit and whether review. */
export function useCatalogueSession(): { tenant: string | undefined; canEdit: boolean; canReview: boolean } {
  const { user } = useAuth();
  const tenant = claim(user?.access_token, 'tenant');
  const roles = rolesOf(user);
  return {
    tenant: typeof tenant === 'string' ? tenant : undefined,
    canEdit: roles.includes('center_admin'),
    canReview: roles.includes('center_admin') || roles.includes('reviewer'),
  };
}
