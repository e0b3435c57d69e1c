import { lazy } from 'react';
import { startKioskApp } from '../shared/kiosk-app';

/**
 * The window's rating device (窗口评价器) at /device/: signed in once with the window's device account (role
 * rating_device, ADR 0063), then it runs by itself: the clerk's invitation, the rating, thanks, waiting again.
 */
startKioskApp(
  'device',
  lazy(() => import('./RatingDevice')),
  '评价器需使用本窗口的评价器账号登录一次后使用。',
);
