import { useState } from 'react';
import { Alert, Button, Form, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, MoreButton, useLoad, usePaged } from '../../shared/states';
import { chinaToday } from '../org/calendar-grid';
import { departmentName, departmentsOf, windowsOf } from '../org/directory';
import { NativeSelect } from '../org/NativeSelect';
import { useOrgTenant } from '../org/tenant';
import { listAll } from '../catalogue/ItemList';
import { AgreementForm, TerminateForm } from './AgreementForm';
import { AGREEMENT_STATE, AGREEMENT_STATE_COLOR, type Agreement, type AgreementState } from './agreement-format';

const STATES = Object.keys(AGREEMENT_STATE) as AgreementState[];

/**
 * 代受理协议 (J7): the center's entrustment agreements with departments that keep no window in the hall — list
 * (by department and state), record, change and terminate. The center administrator's own tenant only.
 */
export default function AgreementsPage() {
  const { own } = useOrgTenant();
  const tenant = own.code;
  const [department, setDepartment] = useState('');
  const [state, setState] = useState<AgreementState | ''>('');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Agreement>();
  const [ending, setEnding] = useState<Agreement>();
  const [notice, setNotice] = useState('');
  const directory = useLoad(async () => {
    const [departments, windows, items] = await Promise.all([
      departmentsOf(tenant),
      windowsOf(tenant),
      listAll(tenant, 'published'),
    ]);
    return { departments, windows, items };
  }, [tenant]);
  const paged = usePaged<Agreement>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/delegation/agreements', {
          params: {
            query: {
              tenant,
              pageSize: 50,
              ...(department ? { department } : {}),
              ...(state ? { state } : {}),
              ...(pageToken ? { pageToken } : {}),
            },
          },
        }),
      ).then((r) => ({ items: r.agreements, total: r.total, nextPageToken: r.nextPageToken })),
    [tenant, department, state],
  );
  const departments = directory.data?.departments ?? [];
  const windowName = (id: string) => {
    const w = directory.data?.windows.find((x) => x.id === id);
    return w ? `${w.name}（${w.number}）` : id;
  };

  const list = paged.first.error ? (
    <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} />
  ) : !paged.first.data ? (
    <Loading text="正在读取代受理协议…" />
  ) : paged.items.length === 0 ? (
    <EmptyState text="暂无代受理协议" />
  ) : (
    <>
      <Typography.Paragraph type="secondary">共 {paged.first.data.total} 份，新登记的在前。</Typography.Paragraph>
      <Table<Agreement>
        rowKey="id"
        size="middle"
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={paged.items}
        columns={[
          { title: '协议编号', dataIndex: 'agreementNumber' },
          { title: '委托部门', key: 'department', render: (_v, a) => departmentName(departments, a.department) },
          {
            title: '委托事项',
            key: 'items',
            render: (_v, a) => a.items.map((i) => i.itemName || i.itemSeriesId).join('、'),
          },
          {
            title: '代受理窗口',
            key: 'windows',
            render: (_v, a) => (a.windowIds.length > 0 ? a.windowIds.map(windowName).join('、') : '所有综合窗口'),
          },
          {
            title: '转办/回复时限',
            key: 'budgets',
            render: (_v, a) => `${a.transferWorkingDays}/${a.replyWorkingDays}个工作日`,
          },
          {
            title: '有效期',
            key: 'valid',
            render: (_v, a) => `${a.validFrom} 至 ${a.validUntil ?? '长期'}（${a.signedOn}签订）`,
          },
          {
            title: '状态',
            key: 'state',
            render: (_v, a) => (
              <>
                <Tag color={AGREEMENT_STATE_COLOR[a.state]}>{AGREEMENT_STATE[a.state]}</Tag>
                {a.terminatedReason ? (
                  <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                    {a.terminatedOn}终止：{a.terminatedReason}
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: '操作',
            key: 'acts',
            render: (_v, a) =>
              a.state === 'active' ? (
                <Space>
                  <Button
                    size="small"
                    aria-label={`修改协议：${a.agreementNumber}`}
                    onClick={() => {
                      setEditing(a);
                      setFormOpen(true);
                    }}
                  >
                    修改协议
                  </Button>
                  <Button
                    size="small"
                    danger
                    aria-label={`终止协议：${a.agreementNumber}`}
                    onClick={() => setEnding(a)}
                  >
                    终止协议
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <MoreButton paged={paged} />
    </>
  );

  return (
    <>
      <PageTitle
        title="代受理协议"
        extra="未进驻大厅的部门与中心签订委托代办协议，其事项由中心综合窗口代为受理、初审、转办和答复。"
      />
      {notice ? (
        <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={notice} closable />
      ) : null}
      {directory.error ? <ErrorAlert error={directory.error} onRetry={directory.reload} /> : null}
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="委托部门" htmlFor="agreement-department">
          <NativeSelect
            id="agreement-department"
            value={department}
            onChange={(ev) => setDepartment(ev.target.value)}
            placeholder="全部部门"
            choices={departments.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="agreement-state">
          <NativeSelect
            id="agreement-state"
            value={state}
            onChange={(ev) => setState(ev.target.value as AgreementState | '')}
            placeholder="全部"
            choices={STATES.map((s) => ({ value: s, label: AGREEMENT_STATE[s] }))}
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            disabled={!directory.data}
            onClick={() => {
              setEditing(undefined);
              setFormOpen(true);
            }}
          >
            新建协议
          </Button>
        </Form.Item>
      </Form>
      {list}
      {directory.data ? (
        <AgreementForm
          key={editing?.id ?? 'new'}
          open={formOpen}
          editing={editing}
          departments={directory.data.departments}
          windows={directory.data.windows}
          items={directory.data.items}
          onClose={() => setFormOpen(false)}
          onSaved={(a, created) => {
            setFormOpen(false);
            setNotice(`${created ? '已登记' : '已修改'}协议 ${a.agreementNumber}。`);
            paged.first.reload();
          }}
        />
      ) : null}
      <TerminateForm
        agreement={ending}
        today={chinaToday()}
        onClose={() => setEnding(undefined)}
        onDone={(a) => {
          setEnding(undefined);
          setNotice(`已终止协议 ${a.agreementNumber}。`);
          paged.first.reload();
        }}
      />
    </>
  );
}
