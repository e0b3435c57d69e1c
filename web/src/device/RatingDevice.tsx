import { useEffect, useState } from 'react';
import { Button, Form, Input, Radio, Typography } from 'antd';
import { api, call } from '../shared/api';
import { useAuth } from '../shared/auth';
import { chosen } from '../shared/chosen';
import { FormMessages, showOnForm } from '../shared/form-messages';
import { isBadLevel, ratingChoices } from '../shared/rating-levels';
import { subscribeInvitations, type FeedStatus, type Invitation } from './invitation-feed';

/** How long the thanks stay on the device after a rating, unless the next invitation comes first. */
const THANKS_MS = 8_000;

/** The device's window, from its token (claim `window`, ADR 0063). */
function windowClaim(profile: Record<string, unknown> | undefined): string {
  const w = profile?.window;
  return typeof w === 'string' ? w : '';
}

function Status({ status }: { status: FeedStatus }) {
  if (status.state === 'open') return null;
  const text = status.state === 'retrying' ? status.message : '正在连接…';
  return (
    <p role="status" style={{ color: '#ad4e00', fontSize: 18 }}>
      {text}
    </p>
  );
}

function RatingForm({ invitation, onRated }: { invitation: Invitation; onRated: () => void }) {
  const [form] = Form.useForm<{ level?: number; reason?: string }>();
  const level = Form.useWatch('level', form);
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const bad = isBadLevel(level);
  const submit = async (v: { level?: number; reason?: string }) => {
    setBusy(true);
    setMessages([]);
    try {
      const reason = v.reason?.trim();
      await call(
        api.POST('/api/v1/ratings/invitations/{invitationId}/rating', {
          params: { path: { invitationId: invitation.id } },
          body: { level: v.level ?? 0, ...(reason ? { reason } : {}) },
        }),
      );
      onRated();
    } catch (e) {
      setMessages(showOnForm(form, e, ['level', 'reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Title level={2}>请您对本次服务作出评价</Typography.Title>
      {invitation.itemName ? (
        <p style={{ fontSize: 20 }}>
          办理事项：{invitation.itemName}
          {invitation.caseNumber ? `（办件编号 ${invitation.caseNumber}）` : ''}
        </p>
      ) : null}
      {invitation.clerkName ? <p style={{ fontSize: 20 }}>为您服务的工作人员：{invitation.clerkName}</p> : null}
      <FormMessages messages={messages} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="评价本次服务" size="large">
        <Form.Item name="level" label="满意程度" rules={chosen('请选择满意程度')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={ratingChoices()} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={bad ? '不满意的理由（必填）' : '意见和建议（选填）'}
          rules={bad ? [{ required: true, whitespace: true, min: 2, message: '请说明不满意的理由（至少2个字）' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          提交评价
        </Button>
      </Form>
    </>
  );
}

/**
 * 窗口评价器 (一次一评, ADR 0063): the tablet at a window, signed in once with the window's device account. It waits
 * for the clerk's invitation, shows the rating form for it, thanks the person and waits again. Nobody operates it
 * but the person rating: no navigation, large type.
 */
export default function RatingDevice() {
  const { user } = useAuth();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [status, setStatus] = useState<FeedStatus>({ state: 'connecting' });
  const [thanks, setThanks] = useState(false);
  useEffect(() => subscribeInvitations(setInvitation, setStatus), []);
  useEffect(() => {
    if (!thanks) return;
    const t = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(t);
  }, [thanks]);
  // A new invitation ends the thanks at once; the window's name stays in the title once an invitation named it.
  const [lastId, setLastId] = useState('');
  const [windowTitle, setWindowTitle] = useState('');
  if (invitation && invitation.id !== lastId) {
    setLastId(invitation.id);
    setWindowTitle(`${invitation.windowNumber}号窗口 ${invitation.windowName}`);
    setThanks(false);
  }
  const own = windowClaim(user?.profile);
  return (
    <main style={{ maxWidth: 880, margin: '0 auto', padding: 32, fontSize: 18 }}>
      <header style={{ borderBottom: '1px solid #d9d9d9', marginBottom: 24 }}>
        <Typography.Title level={1} style={{ fontSize: 32 }}>
          {windowTitle || (own ? `${own}号窗口` : '窗口评价器')}
        </Typography.Title>
      </header>
      <Status status={status} />
      {thanks ? (
        <div role="status">
          <Typography.Title level={2}>感谢您的评价！</Typography.Title>
        </div>
      ) : invitation && !invitation.rated ? (
        <RatingForm key={invitation.id} invitation={invitation} onRated={() => setThanks(true)} />
      ) : (
        <Typography.Title level={2} style={{ fontWeight: 400 }}>
          欢迎您！办理完成后，请对我们的服务作出评价。
        </Typography.Title>
      )}
    </main>
  );
}
