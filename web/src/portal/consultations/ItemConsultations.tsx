import { useState } from 'react';
import { Button, Card, List, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import type { Consultation } from '../../api/types';
import { useLoad, usePaged } from '../../shared/states';
import { AskForm } from './AskForm';
import { ConsultationList } from './ConsultationList';
import { LiveStart } from './LiveStart';

interface OwnFaq {
  question: string;
  answer: string;
}

/**
 * 常见问题 of an item: its own (from the catalogue's content) and those curated from its consultations (C19), which
 * anyone reads.
 */
export function ItemFaqs({ tenant, itemCode, own }: { tenant: string; itemCode: string; own: OwnFaq[] }) {
  const curated = useLoad(
    () =>
      call(api.GET('/api/v1/consultations/faqs', { params: { query: { tenant, itemCode } } })).then(
        (r) => r.faqs,
        // The guide does without the curated ones when the consultations cannot be read.
        () => [],
      ),
    [tenant, itemCode],
  );
  const all = [...own, ...(curated.data ?? [])];
  if (all.length === 0) return null;
  return (
    <Card title="常见问题" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={all}
        renderItem={(q) => (
          <List.Item>
            <div>
              <strong>问：{q.question}</strong>
              <div>答：{q.answer}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * 咨询 on an item's guide (C18, C21): the signed-in person asks (公开答疑 or 单独答疑) and reads the answered public
 * questions of the item; a visitor is asked to log in.
 */
export function ItemConsultations({ tenant, itemId, itemCode }: { tenant: string; itemId: string; itemCode: string }) {
  const { user, login } = useAuth();
  const [asked, setAsked] = useState(0);
  const room = usePaged<Consultation>(
    (pageToken) =>
      user
        ? call(
            api.GET('/api/v1/consultations/public', {
              params: { query: { tenant, itemCode, pageSize: 10, ...(pageToken ? { pageToken } : {}) } },
            }),
          ).then((r) => ({ items: r.consultations, total: r.total, nextPageToken: r.nextPageToken }))
        : Promise.resolve({ items: [], total: 0 }),
    [tenant, itemCode, user?.access_token !== undefined, asked],
  );
  return (
    <Card title="咨询" style={{ marginBottom: 16 }}>
      {user ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            在线咨询窗口人员
          </Typography.Title>
          <LiveStart tenant={tenant} itemId={itemId} />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            留言咨询
          </Typography.Title>
          <AskForm
            tenant={tenant}
            itemId={itemId}
            label="我要咨询"
            button="提交咨询"
            onAsked={() => setAsked((n) => n + 1)}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            公开答疑
          </Typography.Title>
          <ConsultationList paged={room} mine={false} emptyText="该事项暂无公开答疑" />
        </>
      ) : (
        <Typography.Paragraph>
          登录后可以在线咨询窗口人员、向办理部门留言咨询，并查看其他办事群众的公开答疑。{' '}
          <Button onClick={() => void login(window.location.pathname.replace(/^\/+/, '/'))}>登录</Button>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
