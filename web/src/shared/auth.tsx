import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'antd';
import { jwtDecode } from 'jwt-decode';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { WebConfig } from './config';
import { setTokenSource } from './api';
import { Loading, Notice } from './states';

import { APP_BASE, type AppName } from './app-base';

export { APP_BASE, type AppName };

/**
 * Login through Keycloak: authorization code with PKCE (S256), a public client per app (the portal's for
 * applicants, the workbench's for staff), back to `<origin>/<app>/callback`. The session lives in sessionStorage
 * (gone with the tab); the access token is renewed with the refresh token before it expires.
 */
export function createUserManager(config: WebConfig, app: AppName): UserManager {
  const base = `${window.location.origin}${APP_BASE[app]}`;
  return new UserManager({
    authority: `${config.keycloakUrl}/realms/${config.realm}`,
    client_id: config.clients[app],
    redirect_uri: `${base}callback`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid',
    ui_locales: 'zh-CN',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
  });
}

interface Auth {
  /** The signed-in person, or null. */
  user: User | null;
  /** False until the stored session has been read. */
  ready: boolean;
  /** Sends the browser to the login page; back at `returnTo` (a path inside the app) afterwards. */
  login: (returnTo?: string) => Promise<void>;
  logout: () => Promise<void>;
  manager: UserManager;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The name to greet a person with: never the login name, which for applicants is their ID number. */
export function displayName(user: User): string {
  const p = user.profile;
  return p.name || [p.family_name, p.given_name].filter(Boolean).join('') || '已登录用户';
}

/** The claims of the signed-in person's access token (read, not verified: for display choices only, the API decides). */
export function claimsOf(user: User | null): Record<string, unknown> {
  const token = user?.access_token;
  if (!token) return {};
  try {
    return jwtDecode<Record<string, unknown>>(token);
  } catch {
    return {};
  }
}

/** The realm roles of the signed-in person. */
export function rolesOf(user: User | null): string[] {
  const roles = (claimsOf(user).realm_access as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}

/** The tenant (region code) of the signed-in person: the token's `tenant` claim. */
export function tenantOf(user: User | null): string | undefined {
  const tenant = claimsOf(user).tenant;
  return typeof tenant === 'string' && tenant ? tenant : undefined;
}

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setTokenSource(async () => {
      const current = await manager.getUser();
      return current && !current.expired ? current.access_token : undefined;
    });
    let live = true;
    void (async () => {
      let stored = await manager.getUser();
      if (stored?.expired) stored = await manager.signinSilent().catch(() => null);
      if (live) {
        setUser(stored);
        setReady(true);
      }
    })();
    const loaded = (u: User) => setUser(u);
    const unloaded = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addSilentRenewError(unloaded);
    return () => {
      live = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
      manager.events.removeSilentRenewError(unloaded);
    };
  }, [manager]);

  const login = useCallback(
    (returnTo?: string) => manager.signinRedirect({ state: { returnTo: returnTo ?? currentPath(manager) } }),
    [manager],
  );
  const logout = useCallback(async () => {
    const current = await manager.getUser();
    if (current) await manager.signoutRedirect({ id_token_hint: current.id_token });
    else await manager.removeUser();
  }, [manager]);

  const value = useMemo(() => ({ user, ready, login, logout, manager }), [user, ready, login, logout, manager]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The current location inside the app (without the app's base), to come back to after login. */
function currentPath(manager: UserManager): string {
  const base = new URL(manager.settings.post_logout_redirect_uri ?? '/').pathname;
  const here = `${window.location.pathname}${window.location.search}`;
  return here.startsWith(base) ? `/${here.slice(base.length)}` : '/';
}

/** The `callback` route: finishes the login Keycloak sent the browser back from, then goes where it started. */
export function LoginCallback() {
  const { manager } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    manager
      .signinRedirectCallback()
      .then((user) => {
        const state = user.state as { returnTo?: string } | undefined;
        const returnTo = state?.returnTo?.startsWith('/') ? state.returnTo : '/';
        navigate(returnTo, { replace: true });
      })
      .catch(() => setFailed(true));
  }, [manager, navigate]);
  if (failed) {
    return (
      <Notice title="登录未完成" text="登录已过期或被取消，请重新登录。">
        <Button type="primary" onClick={() => void manager.signinRedirect({ state: { returnTo: '/' } })}>
          重新登录
        </Button>
      </Notice>
    );
  }
  return <Loading text="正在登录…" />;
}
