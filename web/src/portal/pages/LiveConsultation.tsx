import { Link, useParams } from 'react-router';
import { Button } from 'antd';
import { useAuth } from '../../shared/auth';
import { PageTitle } from '../../shared/layout';
import { LiveChat } from '../../shared/live-chat';
import { Notice } from '../../shared/states';

/** 在线咨询 (C18): the asker's side of a live session — the messages as they come, and what to say next. */
export default function LiveConsultation() {
  const { id = '' } = useParams();
  const { user, login } = useAuth();
  return (
    <>
      <PageTitle title="在线咨询" extra={<Link to="/consultations">返回我的咨询</Link>} />
      {!user ? (
        <Notice title="请先登录" text="登录后可以继续在线咨询。">
          <Button type="primary" onClick={() => void login(`/consultations/live/${id}`)}>
            登录
          </Button>
        </Notice>
      ) : (
        <LiveChat sessionId={id} side="asker" />
      )}
    </>
  );
}
