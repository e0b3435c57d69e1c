import { Route, Routes } from 'react-router';
import { Notice } from '../shared/states';
import { startApp } from '../shared/bootstrap';
import { LoginCallback } from '../shared/auth';
import { Shell } from '../shared/layout';

/** The admin console (管理后台): its place and login; the catalogue, calendar and staff pages come next (issue 11). */
function AdminApp() {
  return (
    <Shell appName="管理后台" nav={[{ to: '/', label: '概览' }]}>
      <Routes>
        <Route
          path="/"
          element={
            <>
              <h1 style={{ fontSize: 24, margin: '8px 0 0' }}>管理后台</h1>
              <Notice title="建设中" text="事项目录与表单设计、工作日历、部门窗口与人员管理将在后续版本提供。" />
            </>
          }
        />
        <Route path="/callback" element={<LoginCallback />} />
        <Route path="*" element={<Notice title="页面不存在" />} />
      </Routes>
    </Shell>
  );
}

startApp('admin', () => <AdminApp />);
