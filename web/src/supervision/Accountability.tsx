import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input, Radio, Select, Space, Table, Tag, message } from 'antd';
import { api, call } from '../shared/api';
import { tenantOf, useAuth } from '../shared/auth';
import { dateTime } from '../shared/format';
import { PageTitle } from '../shared/layout';
import { messageOf } from '../shared/problem';
import { ErrorAlert, MoreButton, Panel, usePaged } from '../shared/states';
import { ACCOUNTABILITY_STATE_NAMES, SANCTION_NAMES } from './labels';
import type { Accountability, Sanction } from './types';

const SANCTION_OPTIONS = Object.entries(SANCTION_NAMES).map(([value, label]) => ({ value, label }));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ProposeValues {
  violationIds: string[];
  targetKind: 'person' | 'window';
  targetId: string;
  proposedSanctions: Sanction[];
  proposal: string;
}

function ProposeForm({ violation, onDone }: { violation?: string; onDone: () => void }) {
  const { user } = useAuth();
  const [form] = Form.useForm<ProposeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [requestId] = useState(() => crypto.randomUUID());
  const submit = async (values: ProposeValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(
        api.POST('/api/v1/supervision/accountabilities', {
          body: { ...values, tenant: tenantOf(user) ?? '', requestId },
        }),
      );
      void message.success('处理意见已提出');
      form.resetFields();
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ violationIds: violation ? [violation] : [], targetKind: 'person' }}
    >
      <Form.Item
        name="violationIds"
        label="依据的违规记录（标识）"
        rules={[
          { required: true, type: 'array', min: 1, message: '请至少填一条违规记录' },
          {
            validator: async (_, ids: string[] = []) => {
              if (ids.some((id) => !UUID.test(id))) throw new Error('违规记录标识格式不正确');
            },
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
      </Form.Item>
      <Form.Item name="targetKind" label="追究对象">
        <Radio.Group
          options={[
            { value: 'person', label: '个人' },
            { value: 'window', label: '窗口' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="targetId"
        label="工作人员用户名或窗口标识"
        rules={[
          { required: true, pattern: /^(?:[a-z][a-z0-9-]{2,39}|[0-9a-f-]{36})$/, message: '请填写用户名或窗口标识' },
        ]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="proposedSanctions"
        label="建议的处理方式"
        rules={[{ required: true, message: '请至少选一种处理方式' }]}
      >
        <Select mode="multiple" options={SANCTION_OPTIONS} />
      </Form.Item>
      <Form.Item name="proposal" label="处理意见" rules={[{ required: true, min: 2, message: '请写明处理意见' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        提出处理意见
      </Button>
    </Form>
  );
}

function DecideForm({ record, onDone }: { record: Accountability; onDone: () => void }) {
  const [form] = Form.useForm<{ sanctions: Sanction[]; decision: string; dismiss: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (v: { sanctions?: Sanction[]; decision: string; dismiss?: boolean }) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(
        api.POST('/api/v1/supervision/accountabilities/{id}/decide', {
          params: { path: { id: record.id } },
          body: v.dismiss
            ? { dismiss: true, decision: v.decision, version: record.version }
            : { sanctions: v.sanctions ?? [], decision: v.decision, version: record.version },
        }),
      );
      void message.success('已作出决定');
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ sanctions: record.proposedSanctions, dismiss: false }}
    >
      <Form.Item name="dismiss" label="决定">
        <Radio.Group
          options={[
            { value: false, label: '给予处理' },
            { value: true, label: '不予处理' },
          ]}
        />
      </Form.Item>
      <Form.Item name="sanctions" label="处理方式">
        <Select mode="multiple" options={SANCTION_OPTIONS} />
      </Form.Item>
      <Form.Item name="decision" label="决定内容" rules={[{ required: true, min: 2, message: '请写明决定内容' }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Button htmlType="submit" loading={busy}>
        作出决定
      </Button>
    </Form>
  );
}

/** 责任追究 (S19, S20): proposals on violations, decisions with the seven sanctions, the records. */
export default function AccountabilityPage() {
  const [params] = useSearchParams();
  const violation = params.get('violation') ?? undefined;
  const [state, setState] = useState<Accountability['state'] | undefined>('proposed');
  const paged = usePaged(
    async (pageToken) => {
      const page = await call(
        api.GET('/api/v1/supervision/accountabilities', {
          params: { query: { state, includeSubordinates: true, pageSize: 50, pageToken } },
        }),
      );
      return { items: page.accountabilities, total: page.total, nextPageToken: page.nextPageToken };
    },
    [state],
  );
  return (
    <>
      <PageTitle title="责任追究" />
      <Panel title="提出处理意见">
        <ProposeForm violation={violation} onDone={paged.first.reload} />
      </Panel>
      <Panel title="责任追究记录">
        <Space style={{ marginBottom: 16 }}>
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ minWidth: 160 }}
            value={state}
            options={Object.entries(ACCOUNTABILITY_STATE_NAMES).map(([value, label]) => ({ value, label }))}
            onChange={(v) => setState(v)}
          />
        </Space>
        {paged.first.error ? <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} /> : null}
        <Table<Accountability>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={paged.first.loading}
          pagination={false}
          dataSource={paged.items}
          locale={{ emptyText: '没有记录' }}
          expandable={{
            rowExpandable: (r) => r.state === 'proposed',
            expandedRowRender: (r) => <DecideForm record={r} onDone={paged.first.reload} />,
          }}
          columns={[
            { title: '对象', render: (_, r) => `${r.targetKind === 'person' ? '个人' : '窗口'} ${r.targetId}` },
            {
              title: '违规',
              render: (_, r) =>
                r.violationIds.map((id, i) => (
                  <Link key={id} to={`/violations/${id}`} style={{ marginRight: 8 }}>
                    违规{i + 1}
                  </Link>
                )),
            },
            { title: '处理意见', dataIndex: 'proposal' },
            {
              title: '处理方式',
              render: (_, r) =>
                (r.state === 'proposed' ? r.proposedSanctions : r.sanctions).map((s) => (
                  <Tag key={s}>{SANCTION_NAMES[s]}</Tag>
                )),
            },
            { title: '状态', render: (_, r) => ACCOUNTABILITY_STATE_NAMES[r.state] },
            { title: '时间', render: (_, r) => dateTime(r.decidedAt ?? r.proposedAt) },
          ]}
        />
        <MoreButton paged={paged} />
      </Panel>
    </>
  );
}
