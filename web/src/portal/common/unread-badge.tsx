import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';

// The header's 消息 entry with the number of unread notifications. Small and in the entry chunk (the page itself is
// lazy): it asks for the count when the person is signed in and on every navigation; the notifications page tells it
// the new count after marking (announceUnread), so the badge follows at once.

const listeners = new Set<(unread: number) => void>();

/** Tells the header's badge how many notifications are unread now. */
export function announceUnread(unread: number): void {
  for (const listener of listeners) listener(unread);
}

const HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** `消息` and, when some are unread, a red count (read out as “N条未读”). */
export function NotificationsNavLabel() {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<number | undefined>();
  useEffect(() => {
    listeners.add(setUnread);
    return () => void listeners.delete(setUnread);
  }, []);
  useEffect(() => {
    if (!user) {
      setUnread(undefined);
      return;
    }
    let live = true;
    call(api.GET('/api/v1/notifications/mine', { params: { query: { pageSize: 1, unreadOnly: true } } })).then(
      (r) => live && setUnread(r.unread),
      // The badge is a hint: the page itself shows any error.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [user, pathname]);
  return (
    <span>
      消息
      {unread ? (
        <span
          className="unread-badge"
          data-testid="unread-badge"
          style={{
            display: 'inline-block',
            minWidth: 20,
            marginLeft: 4,
            padding: '0 6px',
            borderRadius: 10,
            background: '#cf1322',
            color: '#fff',
            fontSize: 12,
            lineHeight: '20px',
            textAlign: 'center',
            fontWeight: 600,
          }}
        >
          {unread > 99 ? '99+' : unread}
          <span style={HIDDEN}>条未读</span>
        </span>
      ) : null}
    </span>
  );
}
