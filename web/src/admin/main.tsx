import { lazy } from 'react';
import { Link, Route } from 'react-router';
import { startApp } from '../shared/bootstrap';
import { ConsoleApp } from '../shared/console-app';

// Four areas, each its own chunk: the catalogue (items, forms, rules, editions, review queue), the organisation
// (calendar, tenants, departments, windows, staff and leave, service accounts), 联办设置 (joint-review settings and
// the joint items' flows) and delegated acceptance (代受理 agreements and their statistics).
const CatalogueRoutes = lazy(() => import('./catalogue/CatalogueRoutes'));
const OrgRoutes = lazy(() => import('./org/OrgRoutes'));
const JointRoutes = lazy(() => import('./joint/JointRoutes'));
const DelegationRoutes = lazy(() => import('./delegation/DelegationRoutes'));

const NAV = [
  { to: '/', label: '概览' },
  { to: '/catalogue', label: '事项目录' },
  { to: '/reviews', label: '审核发布' },
  { to: '/calendar', label: '工作日历' },
  { to: '/org', label: '机构与窗口' },
  { to: '/staff', label: '工作人员' },
  { to: '/service-accounts', label: '服务账号' },
  { to: '/delegation', label: '代受理协议' },
  { to: '/delegation-statistics', label: '代受理量统计' },
  { to: '/joint', label: '联办设置' },
];

function Overview() {
  return (
    <>
      <h1 style={{ fontSize: 24, margin: '8px 0 16px' }}>管理后台</h1>
      <ul>
        {NAV.slice(1).map((n) => (
          <li key={n.to}>
            <Link to={n.to}>{n.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The admin console (管理后台) of center administrators. */
function AdminApp() {
  return (
    <ConsoleApp appName="管理后台" nav={NAV} why="管理后台仅供政务服务中心管理人员使用，请先登录。">
      <Route path="/" element={<Overview />} />
      <Route path="/catalogue/*" element={<CatalogueRoutes />} />
      <Route path="/reviews/*" element={<CatalogueRoutes />} />
      <Route path="/calendar/*" element={<OrgRoutes />} />
      <Route path="/org/*" element={<OrgRoutes />} />
      <Route path="/staff/*" element={<OrgRoutes />} />
      <Route path="/service-accounts/*" element={<OrgRoutes />} />
      <Route path="/joint/*" element={<JointRoutes />} />
      <Route path="/delegation/*" element={<DelegationRoutes />} />
      <Route path="/delegation-statistics/*" element={<DelegationRoutes />} />
    </ConsoleApp>
  );
}

startApp('admin', () => <AdminApp />);
