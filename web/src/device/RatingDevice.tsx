import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { api, call } from '../shared/api';
import { useAuth } from '../shared/auth';
import { RatingForm } from '../shared/RatingForm';
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

function InvitedRating({ invitation, onRated }: { invitation: Invitation; onRated: () => void }) {
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
      <RatingForm
        large
        send={async (body) => {
          await call(
            api.POST('/api/v1/ratings/invitations/{invitationId}/rating', {
              params: { path: { invitationId: invitation.id } },
              body,
            }),
          );
          onRated();
        }}
      />
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
        <InvitedRating key={invitation.id} invitation={invitation} onRated={() => setThanks(true)} />
      ) : (
        <Typography.Title level={2} style={{ fontWeight: 400 }}>
          欢迎您！办理完成后，请对我们的服务作出评价。
        </Typography.Title>
      )}
    </main>
  );
}
