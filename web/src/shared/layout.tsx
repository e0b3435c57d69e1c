import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Button, Layout, Space } from 'antd';
import { displayName, useAuth } from './auth';

export interface NavItem {
  to: string;
  label: ReactNode;
}

export interface ShellProps {
  /** The app: 网上办事大厅, 工作台, 管理后台. */
  appName: string;
  /** The service center's name (永昌县政务服务中心), when known. */
  centerName?: string;
  nav: NavItem[];
  /** The center's address and phones, under every page. */
  footer?: ReactNode;
  children: ReactNode;
}

const HEADER_BLUE = '#0b4aa2';

/**
 * Every page's frame: a skip link, the header with the center's name, the app's navigation and the login, the
 * page itself in <main>, the center's contacts in the footer. Narrow screens get the navigation under the title.
 */
export function Shell({ appName, centerName, nav, footer, children }: ShellProps) {
  const { user, ready, login, logout } = useAuth();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Header
        style={{
          background: HEADER_BLUE,
          height: 'auto',
          lineHeight: 1.4,
          padding: '10px 16px',
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 12,
        }}
      >
        <Link to="/" className="shell-brand" style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 8 }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>
            <span style={{ display: 'block', fontSize: 18, fontWeight: 600 }}>{centerName ?? '政务服务中心'}</span>
            <span style={{ display: 'block', fontSize: 13 }}>{appName}</span>
          </span>
        </Link>
        <nav aria-label="主导航" className="shell-nav">
          <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 4, listStyle: 'none', margin: 0, padding: 0 }}>
            {nav.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === '/'} className="nav-link">
                  {n.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <Space className="shell-user">
          {ready && user ? (
            <>
              <span style={{ color: '#fff' }}>{displayName(user)}</span>
              <Button size="small" onClick={() => void logout()}>
                退出登录
              </Button>
            </>
          ) : (
            <Button size="small" disabled={!ready} onClick={() => void login()}>
              登录
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: 16 }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.65)', background: '#eef1f5' }}>
        {footer}
        <span style={{ display: 'block' }}>
          {centerName ?? '政务服务中心'} · {appName}
        </span>
      </Layout.Footer>
    </Layout>
  );
}

/** A page's title (one h1 per page) with an optional line under it. */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <div style={{ margin: '8px 0 16px' }}>
      <h1 style={{ fontSize: 24, fontWeight: 600, margin: 0, color: 'rgba(0,0,0,0.88)' }}>{title}</h1>
      {extra ? <div style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.65)' }}>{extra}</div> : null}
    </div>
  );
}
