import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConfigProvider } from 'antd';
import { Notice } from '../../shared/states';
import { OrgTenantProvider } from '../org/tenant';

const SettingsPage = lazy(() => import('./SettingsPage'));
const FlowPage = lazy(() => import('./FlowPage'));

/** antd's error red (#ff4d4f) gives 3.2:1 on white: a darker red reaches WCAG AA (as in the organisation area). */
const ERROR_RED = { token: { colorError: '#cf1322' } };

/**
 * 联办设置 of the admin console: `/joint` (the tenant's settings and its joint items) and `/joint/flows/<series id>`
 * (one item's flow). A city's administrator looks at its districts' settings read-only.
 */
export default function JointRoutes() {
  return (
    <ConfigProvider theme={ERROR_RED}>
      <OrgTenantProvider>
        <Routes>
          <Route index element={<SettingsPage />} />
          <Route path="flows/:seriesId" element={<FlowPage />} />
          <Route path="*" element={<Notice title="页面不存在" text="您访问的页面不存在或已经移动。" />} />
        </Routes>
      </OrgTenantProvider>
    </ConfigProvider>
  );
}
