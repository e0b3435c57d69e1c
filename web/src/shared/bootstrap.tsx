// antd 5 renders its wave effect and static messages with ReactDOM.render, which React 19 removed: the patch.
import '@ant-design/v5-patch-for-react-19';
import { StrictMode, useEffect, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { APP_BASE, AuthProvider, createUserManager, type AppName } from './auth';
import { loadWebConfig, type WebConfig } from './config';
import { useReducedMotion } from './motion';
import { Notice } from './states';
import './global.css';

/**
 * GovHall's look: a government blue, and enough contrast for all text (WCAG AA, 4.5:1): antd's secondary and
 * tertiary greys (45% black) are too light on white, so they are darkened; tags' text is darkened in global.css.
 */
const theme = {
  token: {
    colorPrimary: '#0b4aa2',
    colorLink: '#0b4aa2',
    // antd derives a lighter hover (about 4:1 on white): a link under the pointer must stay readable too.
    colorLinkHover: '#083a80',
    colorLinkActive: '#062b5f',
    borderRadius: 4,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Field messages are read at their fields: antd's #ff4d4f is 3.2:1 on white.
    colorError: '#cf1322',
  },
};

/**
 * antd's theme; its motions (dialogs zooming, drop-downs sliding) and the click wave (a 2 s ripple its motion token
 * does not reach) off for who asked for less motion.
 */
function Themed({ children }: { children: ReactNode }) {
  const still = useReducedMotion();
  const themed = useMemo(() => (still ? { token: { ...theme.token, motion: false } } : theme), [still]);
  // The static messages (message.success) render outside this tree: they take the theme from antd's global config.
  useEffect(() => ConfigProvider.config({ theme: themed }), [themed]);
  return (
    <ConfigProvider locale={zhCN} theme={themed} wave={{ disabled: still }}>
      {children}
    </ConfigProvider>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <Themed>{children}</Themed>
    </StrictMode>
  );
}

/**
 * Starts one of the apps: reads /web-config.json, sets up its login, and renders `app(config)` under the router
 * at the app's base (`/`, `/workbench/`, `/admin/`), in Chinese (antd's zh_CN locale).
 */
export function startApp(name: AppName, app: (config: WebConfig) => ReactNode): void {
  const root = createRoot(document.getElementById('root')!);
  loadWebConfig().then(
    (config) => {
      const manager = createUserManager(config, name);
      root.render(
        <Frame>
          <BrowserRouter basename={APP_BASE[name].replace(/\/$/, '') || '/'}>
            <AuthProvider manager={manager}>{app(config)}</AuthProvider>
          </BrowserRouter>
        </Frame>,
      );
    },
    () =>
      root.render(
        <Frame>
          <main>
            <Notice title="暂时无法打开" text="无法读取站点配置，请稍后刷新页面重试。" />
          </main>
        </Frame>,
      ),
  );
}
