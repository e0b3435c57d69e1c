import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { api, call } from './api';
import { LoginCallback, tenantOf, useAuth } from './auth';
import { Shell, type NavItem } from './layout';
import { RequireLogin } from './require-login';
import { Loading, Notice, useLoad } from './states';

/**
 * The frame of a staff console (管理后台, 电子监察): the page frame with the signed-in person's service center in the
 * header, the login callback, and `children` (the app's <Route>s) shown to a signed-in person only (anyone else is
 * told `why` and asked to log in); an address no route knows is said to be missing.
 */
export function ConsoleApp({
  appName,
  nav,
  why,
  children,
}: {
  appName: string;
  nav: NavItem[];
  why: string;
  children: ReactNode;
}) {
  const { user } = useAuth();
  const code = tenantOf(user);
  const tenant = useLoad(
    () =>
      code
        ? call(api.GET('/api/v1/identity/tenants/{code}', { params: { path: { code } } }))
        : Promise.resolve(undefined),
    [code],
  );
  return (
    <Shell appName={appName} centerName={tenant.data?.center.name} nav={nav}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/callback" element={<LoginCallback />} />
          <Route
            path="*"
            element={
              <RequireLogin why={why}>
                <Routes>
                  {children}
                  <Route path="*" element={<Notice title="页面不存在" text="您访问的页面不存在或已经移动。" />} />
                </Routes>
              </RequireLogin>
            }
          />
        </Routes>
      </Suspense>
    </Shell>
  );
}
