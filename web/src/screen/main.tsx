import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { startApp } from '../shared/bootstrap';
import { LoginCallback } from '../shared/auth';
import { RequireLogin } from '../shared/require-login';
import { Loading } from '../shared/states';

const Screen = lazy(() => import('./Screen'));

/**
 * The hall's big screen (大屏) at /screen/: logged in once with the hall's screen account (role hall_screen, ADR 0049;
 * a supervisor's login works too), then it runs by itself (no navigation, no controls), full width, large type.
 */
function ScreenApp() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/callback" element={<LoginCallback />} />
        <Route
          path="*"
          element={
            <RequireLogin why="大屏需使用本大厅的大屏账号（或监察人员账号）登录一次后使用。">
              <Screen />
            </RequireLogin>
          }
        />
      </Routes>
    </Suspense>
  );
}

startApp('screen', () => <ScreenApp />);
