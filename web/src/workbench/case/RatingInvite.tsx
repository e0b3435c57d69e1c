import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { ApiError } from '../../shared/problem';
import { Panel } from '../../shared/states';
import type { Case } from '../../api/types';

/** Who invites a rating at the counter. */
const INVITERS = ['window_clerk', 'department_head', 'center_admin'];

/**
 * 一次一评 (ADR 0063): the clerk who served the person at the counter asks them to rate the visit on the window's
 * rating device; the device shows the form at once. A new invitation at the window replaces the one before.
 */
export function RatingInvite({ c, roles }: { c: Case; roles: readonly string[] }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ type: 'success' | 'error'; text: string }>();
  if (!c.windowId || !roles.some((r) => INVITERS.includes(r))) return null;
  const windowId = c.windowId;
  const invite = async () => {
    setBusy(true);
    setSaid(undefined);
    try {
      const { invitation } = await call(api.POST('/api/v1/ratings/invitations', { body: { windowId, caseId: c.id } }));
      setSaid({
        type: 'success',
        text: `已在${invitation.windowNumber}号窗口的评价器上邀请办事人评价本次服务，${dateTime(invitation.expiresAt)}前有效。`,
      });
    } catch (e) {
      setSaid({ type: 'error', text: e instanceof ApiError ? e.message : '邀请评价失败，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title="邀请评价（一次一评）">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">为办事人办理完毕后，请其在窗口评价器上对本次服务作出评价。</Typography.Text>
        {said ? (
          <Alert type={said.type} showIcon role={said.type === 'error' ? 'alert' : 'status'} message={said.text} />
        ) : null}
        <Button onClick={() => void invite()} loading={busy}>
          邀请评价
        </Button>
      </Space>
    </Panel>
  );
}
