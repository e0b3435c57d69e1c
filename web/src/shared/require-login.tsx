import type { ReactNode } from 'react';
import { Button } from 'antd';
import { useAuth } from './auth';
import { Loading, Notice } from './states';

/** Shows `children` to a signed-in person; anyone else is asked to log in (and comes back here afterwards). */
export function RequireLogin({ why, children }: { why: string; children: ReactNode }) {
  const { user, ready, login } = useAuth();
  if (!ready) return <Loading />;
  if (!user) {
    return (
      <Notice title="请先登录" text={why}>
        <Button type="primary" onClick={() => void login()}>
          登录
        </Button>
      </Notice>
    );
  }
  return <>{children}</>;
}
