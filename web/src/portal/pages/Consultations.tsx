import { useState } from 'react';
import { Button, Card } from 'antd';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import type { Consultation } from '../../api/types';
import { PageTitle } from '../../shared/layout';
import { Notice, usePaged } from '../../shared/states';
import { AskForm } from '../consultations/AskForm';
import { ConsultationList } from '../consultations/ConsultationList';
import { useTenant } from '../tenant';
import { TenantChoice } from '../common/tenant-choice';

function Mine({ asked }: { asked: number }) {
  const paged = usePaged<Consultation>(
    (pageToken) =>
      call(
        api.GET('/api/v1/consultations/mine', {
          params: { query: { pageSize: 20, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.consultations, total: r.total, nextPageToken: r.nextPageToken })),
    [asked],
  );
  return <ConsultationList paged={paged} mine emptyText="您还没有咨询或来信" />;
}

function Room({ tenant }: { tenant: string }) {
  const paged = usePaged<Consultation>(
    (pageToken) =>
      call(
        api.GET('/api/v1/consultations/public', {
          params: { query: { tenant, pageSize: 10, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.consultations, total: r.total, nextPageToken: r.nextPageToken })),
    [tenant],
  );
  return <ConsultationList paged={paged} mine={false} emptyText="暂无公开答疑" />;
}

/**
 * 咨询: the signed-in person's questions and letters with their answers, the leader mailbox (领导信箱, C20), and the
 * public room of the region (公开答疑室, C21). Questions about an item are asked on its guide.
 */
export default function Consultations() {
  const { user, login } = useAuth();
  const { current } = useTenant();
  const [asked, setAsked] = useState(0);
  return (
    <>
      <PageTitle
        title="咨询和领导信箱"
        extra="事项的咨询请在该事项的办事指南页提出；对政务服务的意见和建议可写信给领导信箱。"
      />
      {!user ? (
        <Notice title="请先登录" text="登录后可以查看您的咨询和答复，并给领导信箱写信。">
          <Button type="primary" onClick={() => void login('/consultations')}>
            登录
          </Button>
        </Notice>
      ) : (
        <>
          <Card title="我的咨询" style={{ marginBottom: 16 }}>
            <Mine asked={asked} />
          </Card>
          <TenantChoice id="consultation-tenant" label="所在地区" />
          {current ? (
            <>
              <Card title="领导信箱" style={{ marginBottom: 16 }}>
                <AskForm
                  tenant={current.code}
                  label="来信内容"
                  button="提交来信"
                  onAsked={() => setAsked((n) => n + 1)}
                />
              </Card>
              <Card title={`公开答疑室（${current.name}）`} style={{ marginBottom: 16 }}>
                <Room tenant={current.code} />
              </Card>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
