import { lazy, Suspense } from 'react';
import { Route, Routes, Link } from 'react-router';
import type { WebConfig } from '../shared/config';
import { LoginCallback } from '../shared/auth';
import { Shell } from '../shared/layout';
import { Loading, Notice } from '../shared/states';
import { TenantProvider, useTenant } from './tenant';
import { Home } from './pages/Home';

// The first page (search) is in the entry chunk; every other page loads when it is opened.
const ItemGuide = lazy(() => import('./pages/ItemGuide'));
const MyCases = lazy(() => import('./pages/MyCases'));
const CaseDetail = lazy(() => import('./pages/CaseDetail'));
const ProgressQuery = lazy(() => import('./pages/ProgressQuery'));

const NAV = [
  { to: '/', label: '首页' },
  { to: '/progress', label: '进度查询' },
  { to: '/my', label: '我的办件' },
];

function Frame() {
  const { current } = useTenant();
  const center = current?.center;
  return (
    <Shell
      appName="网上办事大厅"
      centerName={center?.name}
      nav={NAV}
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
          <Route path="/progress" element={<ProgressQuery />} />
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
