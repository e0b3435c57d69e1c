import { lazy } from 'react';
import { useLocation } from 'react-router';
import { ConfigProvider } from 'antd';
import { Notice } from '../../shared/states';
import { OrgTenantProvider } from './tenant';

const CalendarPage = lazy(() => import('./CalendarPage'));
const OrgPage = lazy(() => import('./OrgPage'));
const StaffPage = lazy(() => import('./StaffPage'));
const ServiceAccountsPage = lazy(() => import('./ServiceAccountsPage'));

/**
 * antd's error red (#ff4d4f) gives 3.2:1 on white: the messages under fields and the danger buttons (停用账号) take a
 * darker red that reaches WCAG AA (4.5:1).
 */
const ERROR_RED = { token: { colorError: '#cf1322' } };

/**
 * The organisation area of the admin console: `/calendar` (工作日历), `/org` (机构与窗口), `/staff` (工作人员 and
 * their leave), `/service-accounts` (服务账号). Each page looks at the administrator's tenant (or, for a city's
 * administrator, one of its districts and counties).
 */
export default function OrgRoutes() {
  const { pathname } = useLocation();
  const section = pathname.split('/').filter(Boolean)[0];
  const page =
    section === 'calendar' ? (
      <CalendarPage />
    ) : section === 'org' ? (
      <OrgPage />
    ) : section === 'staff' ? (
      <StaffPage />
    ) : section === 'service-accounts' ? (
      <ServiceAccountsPage />
    ) : (
      <Notice title="页面不存在" text="您访问的页面不存在或已经移动。" />
    );
  return (
    <ConfigProvider theme={ERROR_RED}>
      <OrgTenantProvider>{page}</OrgTenantProvider>
    </ConfigProvider>
  );
}
