import { lazy, Suspense } from 'react';
import { Route, Routes, Link } from 'react-router';
import type { WebConfig } from '../shared/config';
import { LoginCallback, useAuth } from '../shared/auth';
import { Shell } from '../shared/layout';
import { Loading, Notice } from '../shared/states';
import { NotificationsNavLabel } from './common/unread-badge';
import { TenantProvider, useTenant } from './tenant';
import { Home } from './pages/Home';

// The first page (search) is in the entry chunk; every other page loads when it is opened.
const ItemGuide = lazy(() => import('./pages/ItemGuide'));
const MyCases = lazy(() => import('./pages/MyCases'));
const MyProjects = lazy(() => import('./pages/MyProjects'));
const CaseDetail = lazy(() => import('./pages/CaseDetail'));
const ProgressQuery = lazy(() => import('./pages/ProgressQuery'));
const ProjectProgressQuery = lazy(() => import('./pages/ProjectProgressQuery'));
const Register = lazy(() => import('./pages/Register'));
const Apply = lazy(() => import('./pages/Apply'));
const Enterprise = lazy(() => import('./pages/Enterprise'));
const MyLicences = lazy(() => import('./pages/MyLicences'));
const MyPayments = lazy(() => import('./pages/MyPayments'));
const VerifyLicence = lazy(() => import('./pages/VerifyLicence'));
const Notifications = lazy(() => import('./pages/Notifications'));
const Complaints = lazy(() => import('./pages/Complaints'));
const Consultations = lazy(() => import('./pages/Consultations'));
const LiveConsultation = lazy(() => import('./pages/LiveConsultation'));

const NAV = [
  { to: '/', label: '首页' },
  { to: '/progress', label: '进度查询' },
  { to: '/my', label: '我的办件' },
  { to: '/projects', label: '我的项目' },
  { to: '/payments', label: '我的缴费' },
  { to: '/licences', label: '我的证照' },
  { to: '/enterprise', label: '企业与授权' },
  { to: '/consultations', label: '咨询' },
  { to: '/complaints', label: '投诉和举报' },
  { to: '/notifications', label: <NotificationsNavLabel /> },
];
/** Before login the navigation also offers registration. */
const GUEST_NAV = [...NAV.filter((n) => n.to !== '/notifications'), { to: '/register', label: '注册' }];

function Frame() {
  const { current } = useTenant();
  const { user } = useAuth();
  const center = current?.center;
  return (
    <Shell
      appName="网上办事大厅"
      centerName={center?.name}
      nav={user ? NAV : GUEST_NAV}
      footer={
        center ? (
          <p style={{ margin: '0 0 4px', display: 'flex', flexWrap: 'wrap', justifyContent: 'center', columnGap: 16 }}>
            <span>地址：{center.address}</span>
            <span>办公时间：{center.hours}</span>
            <span>咨询电话：{center.phones.join('、')}</span>
          </p>
        ) : null
      }
    >
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/items/:id" element={<ItemGuide />} />
          <Route path="/my" element={<MyCases />} />
          <Route path="/my/cases/:id" element={<CaseDetail />} />
          <Route path="/projects" element={<MyProjects />} />
          <Route path="/progress" element={<ProgressQuery />} />
          <Route path="/progress/project" element={<ProjectProgressQuery />} />
          <Route path="/register" element={<Register />} />
          <Route path="/apply/:itemId" element={<Apply />} />
          <Route path="/enterprise" element={<Enterprise />} />
          <Route path="/licences" element={<MyLicences />} />
          <Route path="/payments" element={<MyPayments />} />
          <Route path="/verify" element={<VerifyLicence />} />
          <Route path="/notifications" element={<Notifications />} />
          <Route path="/complaints" element={<Complaints />} />
          <Route path="/consultations" element={<Consultations />} />
          <Route path="/consultations/live/:id" element={<LiveConsultation />} />
          <Route path="/callback" element={<LoginCallback />} />
          <Route
            path="*"
            element={
              <Notice title="页面不存在" text="您访问的页面不存在或已经移动。">
                <Link to="/">返回首页</Link>
              </Notice>
            }
          />
        </Routes>
      </Suspense>
    </Shell>
  );
}

export function PortalApp({ config }: { config: WebConfig }) {
  return (
    <TenantProvider configured={config.tenants}>
      <Frame />
    </TenantProvider>
  );
}
