import { lazy } from 'react';
import { startKioskApp } from '../shared/kiosk-app';

/**
 * The hall's big screen (大屏) at /screen/: logged in once with the hall's screen account (role hall_screen, ADR 0049;
 * a supervisor's login works too), then it runs by itself (no navigation, no controls), full width, large type.
 */
startKioskApp(
  'screen',
  lazy(() => import('./Screen')),
  '大屏需使用本大厅的大屏账号（或监察人员账号）登录一次后使用。',
);
