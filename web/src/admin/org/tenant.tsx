import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Alert } from 'antd';
import { api, call } from '../../shared/api';
import { tenantOf, useAuth } from '../../shared/auth';
import { ErrorAlert, Loading, useLoad } from '../../shared/states';
import type { Tenant } from '../../api/types';

interface OrgTenant {
  /** The administrator's own tenant: the only one they may change. */
  own: Tenant;
  /** The tenant being looked at: their own, or (for a city's administrator) one of its districts and counties. */
  current: Tenant;
  /** Every tenant the administrator may look at: their own first, then its children. */
  all: Tenant[];
  choose: (code: string) => void;
  /** Changes are allowed (the API refuses writes to any tenant but one's own). */
  editable: boolean;
}

const Context = createContext<OrgTenant | null>(null);

export function useOrgTenant(): OrgTenant {
  const value = useContext(Context);
  if (!value) throw new Error('useOrgTenant outside OrgTenantProvider');
  return value;
}

/** Loads the administrator's tenant and its children, and keeps which one the pages show. */
export function OrgTenantProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const code = tenantOf(user);
  const [chosen, setChosen] = useState<string>();
  const loaded = useLoad(async () => {
    if (!code) return undefined;
    const [own, below] = await Promise.all([
      call(api.GET('/api/v1/identity/tenants/{code}', { params: { path: { code } } })),
      call(api.GET('/api/v1/identity/tenants', { params: { query: { parentCode: code } } })),
    ]);
    return [own, ...below.tenants];
  }, [code]);
  const value = useMemo<OrgTenant | undefined>(() => {
    const all = loaded.data;
    if (!all?.[0]) return undefined;
    const own = all[0];
    const current = all.find((t) => t.code === chosen) ?? own;
    return { own, current, all, choose: setChosen, editable: current.code === own.code };
  }, [loaded.data, chosen]);

  if (!code) {
    return (
      <Alert type="warning" showIcon message="您的账号未关联政务服务中心，无法管理机构与人员。请联系运维管理员。" />
    );
  }
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!value) return <Loading />;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The tenant the page shows, and for a city's administrator a choice of its districts and counties. */
export function TenantSwitch() {
  const { all, current, choose, editable } = useOrgTenant();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '0 0 12px' }}>
      {all.length > 1 ? (
        <>
          <label htmlFor="org-tenant">查看的中心</label>
          <select
            id="org-tenant"
            value={current.code}
            onChange={(e) => choose(e.target.value)}
            style={{ height: 32, padding: '0 8px', border: '1px solid #d9d9d9', borderRadius: 4 }}
          >
            {all.map((t) => (
              <option key={t.code} value={t.code}>
                {t.center.name}（{t.code}）
              </option>
            ))}
          </select>
        </>
      ) : (
        <span>{current.center.name}</span>
      )}
      {editable ? null : <span style={{ color: '#873800' }}>下级中心的信息仅供查看，由该中心的管理员维护。</span>}
    </div>
  );
}
