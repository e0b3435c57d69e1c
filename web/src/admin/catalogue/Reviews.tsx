import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { dateTime } from '../../shared/format';
import { ItemForm } from '../../shared/item-form';
import { PageTitle } from '../../shared/layout';
import { ApiError, formErrors, messageOf } from '../../shared/problem';
import { EmptyState, ErrorAlert, Loading, Notice, Panel, useLoad } from '../../shared/states';
import { DiffView } from './DiffView';
import { ReviewHistory } from './ItemEditor';
import { ItemTable, listAll } from './ItemList';
import { ITEM_STATUS, ITEM_STATUS_COLOR, type Item } from './model';
import { useCatalogueSession } from './session';

/** 审核发布: the tenant's submitted editions, waiting for a second person. */
export function ReviewQueue() {
  const { tenant } = useCatalogueSession();
  const rows = useLoad(() => (tenant ? listAll(tenant, 'submitted') : Promise.resolve([])), [tenant]);
  if (!tenant) return <Notice title="无法确定所属地区" text="您的账号没有所属地区，请联系系统管理员。" />;
  return (
    <>
      <PageTitle
        title="审核发布"
        extra="管理员提交的事项版本，经另一名审核人员审核后发布（四眼原则：不能审核自己编辑或提交的版本）"
      />
      {rows.error ? (
        <ErrorAlert error={rows.error} onRetry={rows.reload} />
      ) : !rows.data ? (
        <Loading text="正在读取待审核事项…" />
      ) : rows.data.length === 0 ? (
        <EmptyState text="暂无待审核的事项" />
      ) : (
        <ItemTable rows={rows.data} linkTo={(r) => `/reviews/${r.id}`} />
      )}
    </>
  );
}

function ReviewForm({ item, onReviewed }: { item: Item; onReviewed: (item: Item) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<'approve' | 'reject'>();
  const [error, setError] = useState<string[]>();

  async function review(approve: boolean) {
    setError(undefined);
    form.setFields([{ name: 'comments', errors: [] }]);
    const comments = ((form.getFieldValue('comments') as string | undefined) ?? '').trim();
    if (!approve && comments.length < 2) {
      form.setFields([{ name: 'comments', errors: ['退回修改时请写明理由（2～500 字）'] }]);
      return;
    }
    setBusy(approve ? 'approve' : 'reject');
    try {
      const reviewed = await call(
        api.POST('/api/v1/catalogue/items/{id}/review', {
          params: { path: { id: item.id } },
          body: { approve, expectedVersion: item.version, ...(comments ? { comments } : {}) },
        }),
      );
      onReviewed(reviewed);
    } catch (e) {
      if (e instanceof ApiError) {
        const placed = formErrors(e.problem, ['comments']);
        form.setFields(placed.fields);
        setError(placed.rest);
      } else setError([messageOf(e)]);
    }
    setBusy(undefined);
  }

  return (
    <Form form={form} layout="vertical" onFinish={() => undefined}>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={error[0]}
          description={error.length > 1 ? error.slice(1).join('；') : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item name="comments" label="审核意见" extra="通过时可不填；退回修改时必须写明需要修改的内容和理由">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount />
      </Form.Item>
      <Space wrap>
        <Button type="primary" onClick={() => void review(true)} loading={busy === 'approve'} disabled={!!busy}>
          审核通过并发布
        </Button>
        <Button danger onClick={() => void review(false)} loading={busy === 'reject'} disabled={!!busy}>
          退回修改
        </Button>
      </Space>
    </Form>
  );
}

function ReviewDetail({ initial }: { initial: Item }) {
  const { user } = useAuth();
  const [item, setItem] = useState(initial);
  const [done, setDone] = useState<string>();
  const me = user?.profile.preferred_username;
  const own = me !== undefined && (item.createdBy === me || item.submittedBy === me);
  const form = item.content?.form;
  return (
    <>
      <PageTitle
        title={`审核：${item.name}`}
        extra={
          <Space wrap>
            <span>第 {item.edition} 版</span>
            <Tag color={ITEM_STATUS_COLOR[item.status]}>{ITEM_STATUS[item.status]}</Tag>
            <Link to={`/catalogue/${item.id}`}>查看全部内容</Link>
          </Space>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="基本编码">{item.basicCode}</Descriptions.Item>
        <Descriptions.Item label="提交人">{item.submittedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{dateTime(item.submittedAt)}</Descriptions.Item>
      </Descriptions>
      {done ? <Alert type="success" showIcon role="status" message={done} style={{ marginBottom: 16 }} /> : null}
      <Panel title="修改内容">
        {item.previousId ? (
          <DiffView from={item.previousId} to={item.id} />
        ) : (
          <Typography.Paragraph>
            这是该事项的第一版，没有可比较的上一版本，请<Link to={`/catalogue/${item.id}`}>查看全部内容</Link>。
          </Typography.Paragraph>
        )}
      </Panel>
      <Panel title="申请表单预览">
        {form?.jsonSchema ? (
          <ItemForm jsonSchema={form.jsonSchema} uiSchema={form.uiSchema} formData={{}} readOnly idPrefix="review" />
        ) : (
          <EmptyState text="该版本没有电子表单" />
        )}
      </Panel>
      <Panel title="审核">
        {item.status !== 'submitted' ? (
          <Alert type="info" showIcon message={`本版本当前状态为“${ITEM_STATUS[item.status]}”，无需审核。`} />
        ) : (
          <>
            {own ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message="您编辑或提交了本版本，按四眼原则应由另一名审核人员审核。"
              />
            ) : null}
            <ReviewForm
              item={item}
              onReviewed={(reviewed) => {
                setItem(reviewed);
                setDone(
                  reviewed.status === 'published'
                    ? '审核通过，本版本已发布，公众即日起按此版本办理。'
                    : '已退回修改，管理员修改后可重新提交。',
                );
              }}
            />
          </>
        )}
      </Panel>
      <Panel title="审核记录">
        <ReviewHistory item={item} />
      </Panel>
    </>
  );
}

/** `/reviews/:id`: one submitted edition, its changes and form, approved (published) or returned with reasons. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const item = useLoad(() => call(api.GET('/api/v1/catalogue/items/{id}', { params: { path: { id } } })), [id]);
  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data || item.data.id !== id) return <Loading text="正在读取事项…" />;
  return <ReviewDetail key={item.data.id} initial={item.data} />;
}
