import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { startApp } from '../shared/bootstrap';
import { LoginCallback } from '../shared/auth';
import { RequireLogin } from '../shared/require-login';
import { Loading } from '../shared/states';

const RatingDevice = lazy(() => import('./RatingDevice'));

/**
 * The window's rating device (窗口评价器) at /device/: signed in once with the window's device account (role
 * rating_device, ADR 0063), then it runs by itself: the clerk's invitation, the rating, thanks, waiting again.
 */
function DeviceApp() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/callback" element={<LoginCallback />} />
        <Route
          path="*"
          element={
            <RequireLogin why="评价器需使用本窗口的评价器账号登录一次后使用。">
              <RatingDevice />
            </RequireLogin>
          }
        />
      </Routes>
    </Suspense>
  );
}

startApp('device', () => <DeviceApp />);
