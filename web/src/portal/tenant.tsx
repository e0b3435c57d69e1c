import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../shared/api';
import type { Tenant } from '../api/types';

interface Tenants {
  /** Tenants the portal offers: the deployment's (web-config) or, when it names none, the roots and their children. */
  tenants: Tenant[];
  /** The chosen one (its service center names the site), or none: every tenant. */
  current: Tenant | undefined;
  choose: (code: string | undefined) => void;
}

const TenantContext = createContext<Tenants>({ tenants: [], current: undefined, choose: () => undefined });
const STORAGE_KEY = 'govhall.portal.tenant';

export const useTenant = () => useContext(TenantContext);

async function offeredTenants(configured: string[]): Promise<Tenant[]> {
  if (configured.length > 0) {
    const found = await Promise.all(
      configured.map((code) =>
        call(api.GET('/api/v1/identity/tenants/{code}', { params: { path: { code } } })).catch(() => undefined),
      ),
    );
    return found.filter((t): t is Tenant => t !== undefined);
  }
  const roots = (await call(api.GET('/api/v1/identity/tenants', {}))).tenants;
  const children = await Promise.all(
    roots.map((root) =>
      call(api.GET('/api/v1/identity/tenants', { params: { query: { parentCode: root.code } } }))
        .then((r) => r.tenants)
        .catch(() => [] as Tenant[]),
    ),
  );
  return roots.flatMap((root, i) => [root, ...(children[i] ?? [])]);
}

/** The tenant the portal is for: remembered on this device, else the deployment's first. */
export function TenantProvider({ configured, children }: { configured: string[]; children: ReactNode }) {
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [code, setCode] = useState<string | undefined>(
    () => window.localStorage.getItem(STORAGE_KEY) ?? configured[0] ?? undefined,
  );
  useEffect(() => {
    offeredTenants(configured).then(setTenants, () => setTenants([]));
  }, [configured]);
  const value = useMemo<Tenants>(
    () => ({
      tenants,
      current: tenants.find((t) => t.code === code),
      choose: (next) => {
        setCode(next);
        if (next) window.localStorage.setItem(STORAGE_KEY, next);
        else window.localStorage.removeItem(STORAGE_KEY);
      },
    }),
    [tenants, code],
  );
  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}
