import { lazy } from 'react';
import { useLocation } from 'react-router';
import { ConfigProvider } from 'antd';
import { OrgTenantProvider } from '../org/tenant';

const AgreementsPage = lazy(() => import('./AgreementsPage'));
const StatisticsPage = lazy(() => import('./StatisticsPage'));

/** The same darker error red as the organisation area (WCAG AA on white). */
const ERROR_RED = { token: { colorError: '#cf1322' } };

/** 代受理 (J7, J8) in the admin console: `/delegation` (代受理协议) and `/delegation-statistics` (代受理量统计). */
export default function DelegationRoutes() {
  const { pathname } = useLocation();
  const statistics = pathname.split('/').filter(Boolean)[0] === 'delegation-statistics';
  return (
    <ConfigProvider theme={ERROR_RED}>
      <OrgTenantProvider>{statistics ? <StatisticsPage /> : <AgreementsPage />}</OrgTenantProvider>
    </ConfigProvider>
  );
}
