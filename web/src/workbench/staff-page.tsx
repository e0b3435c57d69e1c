import type { ReactNode } from 'react';
import { Alert } from 'antd';
import type { Profile } from '../api/types';
import { PageTitle } from '../shared/layout';
import { RequireLogin } from '../shared/require-login';
import { ErrorAlert, Loading, type Loaded } from '../shared/states';

type Staff = NonNullable<Profile['staff']>;

/**
 * A workbench page: its title, login required, and the signed-in member of staff given to `children` once known; an
 * account that is not staff reads `notStaff`.
 */
export function StaffPage({
  title,
  extra,
  me,
  notStaff = '此账号不是工作人员账号。申请人请前往网上办事大厅办理。',
  children,
}: {
  title: string;
  extra?: ReactNode;
  me: Loaded<Profile | undefined>;
  notStaff?: string;
  children: (staff: Staff) => ReactNode;
}) {
  return (
    <>
      <PageTitle title={title} extra={extra} />
      <RequireLogin why="请使用工作人员账号登录工作台。">
        {me.error ? (
          <ErrorAlert error={me.error} onRetry={me.reload} />
        ) : !me.data ? (
          <Loading />
        ) : me.data.staff ? (
          children(me.data.staff)
        ) : (
          <Alert type="warning" showIcon message={notStaff} />
        )}
      </RequireLogin>
    </>
  );
}
