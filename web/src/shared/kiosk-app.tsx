import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router';
import { LoginCallback, type AppName } from './auth';
import { startApp } from './bootstrap';
import { RequireLogin } from './require-login';
import { Loading } from './states';

/**
 * An app that runs by itself once signed in (the hall's big screen, a window's rating device): one page, no
 * navigation, the login callback, and `why` said until a login is there.
 */
export function startKioskApp(name: AppName, Page: LazyExoticComponent<ComponentType>, why: string): void {
  startApp(name, () => (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/callback" element={<LoginCallback />} />
        <Route
          path="*"
          element={
            <RequireLogin why={why}>
              <Page />
            </RequireLogin>
          }
        />
      </Routes>
    </Suspense>
  ));
}
