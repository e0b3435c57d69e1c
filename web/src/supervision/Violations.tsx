import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Descriptions, Form, Input, Select, Tag, message } from 'antd';
import { api, call } from '../shared/api';
import { useAuth } from '../shared/auth';
import { dateTime } from '../shared/format';
import { PageTitle } from '../shared/layout';
import { messageOf } from '../shared/problem';
import { ErrorAlert, Loading, Panel, useLoad, usePaged } from '../shared/states';
import { FilteredList, useAddressFilters } from './FilteredList';
import { VIOLATION_KIND_NAMES, VIOLATION_STATE_NAMES } from './labels';
import { photoUrl } from './photos';
import type { Violation, ViolationKind } from './types';

const KIND_OPTIONS = Object.entries(VIOLATION_KIND_NAMES).map(([value, label]) => ({ value, label }));
const STATE_OPTIONS = Object.entries(VIOLATION_STATE_NAMES).map(([value, label]) => ({ value, label }));

/** 违规: the list with its filters in the address (?kind=&state=). */
export function ViolationList() {
  const [params, set] = useAddressFilters();
  const kind = (params.get('kind') ?? undefined) as ViolationKind | undefined;
  const state = (params.get('state') ?? undefined) as Violation['state'] | undefined;
  const paged = usePaged(
    async (pageToken) => {
      const page = await call(
        api.GET('/api/v1/supervision/violations', {
          params: { query: { kind, state, includeSubordinates: true, pageSize: 50, pageToken } },
        }),
      );
      return { items: page.violations, total: page.total, nextPageToken: page.nextPageToken };
    },
    [kind, state],
  );
  return (
    <FilteredList<Violation>
      title="违规记录"
      paged={paged}
      emptyText="没有违规记录"
      filters={
        <>
          <Select
            aria-label="违规类别"
            allowClear
            placeholder="全部类别"
            style={{ minWidth: 200 }}
            value={kind}
            options={KIND_OPTIONS}
            onChange={(v) => set('kind', v)}
          />
          <Select
            aria-label="处理状态"
            allowClear
            placeholder="全部状态"
            style={{ minWidth: 160 }}
            value={state}
            options={STATE_OPTIONS}
            onChange={(v) => set('state', v)}
          />
        </>
      }
      columns={[
        { title: '日期', dataIndex: 'occurredDate' },
        { title: '类别', render: (_, v) => <Link to={`/violations/${v.id}`}>{VIOLATION_KIND_NAMES[v.kind]}</Link> },
        { title: '情况', dataIndex: 'summary' },
        {
          title: '办件',
          render: (_, v) => (v.matterId ? <Link to={`/clocks/${v.matterId}`}>{v.caseNumber}</Link> : '—'),
        },
        { title: '责任人', render: (_, v) => v.person ?? '—' },
        { title: '状态', render: (_, v) => <Tag>{VIOLATION_STATE_NAMES[v.state]}</Tag> },
      ]}
    />
  );
}

function Photo({ fileId }: { fileId: string }) {
  const { user } = useAuth();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let made: string | undefined;
    photoUrl(fileId, user?.access_token).then((u) => setUrl((made = u)), setError);
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [fileId, user?.access_token]);
  if (error) return <span>{messageOf(error)}</span>;
  return url ? <img src={url} alt="检查现场照片" style={{ maxWidth: '100%', maxHeight: 320 }} /> : <Loading />;
}

/** One violation with its evidence (facts and photos), and dismissing it with the reason. */
export function ViolationDetail() {
  const { id = '' } = useParams();
  const loaded = useLoad(
    () => call(api.GET('/api/v1/supervision/violations/{id}', { params: { path: { id } } })),
    [id],
  );
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const v = loaded.data.violation;
  const dismiss = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await call(
        api.POST('/api/v1/supervision/violations/{id}/dismiss', {
          params: { path: { id } },
          body: { reason, version: v.version },
        }),
      );
      void message.success('已认定不构成违规');
      loaded.reload();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [messageOf(e)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle title={`违规：${VIOLATION_KIND_NAMES[v.kind]}`} extra={<Tag>{VIOLATION_STATE_NAMES[v.state]}</Tag>} />
      <Panel>
        <p>{v.summary}</p>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="发生日期">{v.occurredDate}</Descriptions.Item>
          <Descriptions.Item label="记录时间">{dateTime(v.recordedAt)}</Descriptions.Item>
          <Descriptions.Item label="办件">
            {v.matterId ? <Link to={`/clocks/${v.matterId}`}>{v.caseNumber}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="事项">{v.itemName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="部门">{v.department ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="责任人">{v.person ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发现方式">
            {v.recordedBy === 'automatic' ? '系统自动发现' : `检查人 ${v.recordedBy}`}
          </Descriptions.Item>
          {v.dismissedReason ? (
            <Descriptions.Item label="不构成违规的理由">{v.dismissedReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Panel>
      <Panel title="证据">
        <ul>
          {v.evidence.map((e, i) => (
            <li key={i}>
              {e.label}：{e.value}
              {e.fileId ? (
                <div>
                  <Photo fileId={e.fileId} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Panel>
      {v.state === 'open' ? (
        <Panel title="认定不构成违规">
          <Form form={form} layout="vertical" onFinish={dismiss}>
            <Form.Item
              name="reason"
              label="理由"
              rules={[{ required: true, min: 2, message: '请写明理由（至少2个字）' }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              认定不构成违规
            </Button>
          </Form>
          <p style={{ marginTop: 16 }}>
            需要追究责任时，请到<Link to={`/accountability?violation=${v.id}`}>责任追究</Link>提出处理意见。
          </p>
        </Panel>
      ) : null}
    </>
  );
}
