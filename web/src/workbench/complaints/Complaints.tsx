import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Complaint, ComplaintStatus, Profile } from '../../api/types';
import {
  COMPLAINT_KIND,
  COMPLAINT_STATUS,
  COMPLAINT_STATUS_COLOR,
  COMPLAINT_TYPE,
  complaintClock,
  HANDLING_OFFICE,
  readsComplaints,
} from '../../shared/complaint-format';
import { chinaToday, dateTime } from '../../shared/format';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { usePaged, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';

type Period = { from: string; to: string };

/** Who sees which (the complaints service decides it), said above the list. */
function scopeText(roles: readonly string[]): string {
  if (roles.some((r) => ['center_admin', 'supervisor'].includes(r))) return '本地区全部投诉';
  if (roles.includes('complaint_handler')) return '本部门受理的投诉';
  return '涉及本部门的投诉';
}

/** The last 30 days in Beijing dates, today included. */
export function lastThirtyDays(now: Date): Period {
  return { from: chinaToday(new Date(now.getTime() - 29 * 86_400_000)), to: chinaToday(now) };
}

const STATUS_FILTERS: { value: string; label: string; statuses: ComplaintStatus[] }[] = [
  { value: 'open', label: '待办理', statuses: ['received', 'accepted'] },
  { value: 'received', label: COMPLAINT_STATUS.received, statuses: ['received'] },
  { value: 'accepted', label: COMPLAINT_STATUS.accepted, statuses: ['accepted'] },
  { value: 'done', label: '已办结', statuses: ['rejected', 'replied', 'closed'] },
  { value: 'all', label: '全部', statuses: [] },
];

function ComplaintList({ roles }: { roles: readonly string[] }) {
  // The state filter is in the address (?status=), so a reload or the way back from a complaint keeps it.
  const [params, setParams] = useSearchParams();
  const chosen = STATUS_FILTERS.find((f) => f.value === params.get('status')) ?? STATUS_FILTERS[0]!;
  const initial = useMemo(() => lastThirtyDays(new Date()), []);
  const [period, setPeriod] = useState<Period>(initial);
  const [form] = Form.useForm<Period>();
  const paged = usePaged<Complaint>(
    (pageToken) =>
      call(
        api.GET('/api/v1/complaints', {
          params: {
            // The period is always sent: an empty date is the service's to refuse, at its field.
            query: {
              ...pageQuery({ status: chosen.statuses.length > 0 ? chosen.statuses : undefined }, pageToken),
              ...period,
            },
          },
        }),
      ).then((r) => ({ items: r.complaints, total: r.total, nextPageToken: r.nextPageToken })),
    [period.from, period.to, chosen.value],
  );
  const filter = (
    <Space direction="vertical" style={{ marginBottom: 16 }}>
      <Form<Period>
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={(v) => setPeriod({ from: v.from ?? '', to: v.to ?? '' })}
        aria-label="收到日期"
        style={{ rowGap: 8 }}
      >
        <Form.Item name="from" label="收到日期从">
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="to" label="至">
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Button htmlType="submit">查询</Button>
      </Form>
      <Radio.Group
        aria-label="投诉状态"
        optionType="button"
        value={chosen.value}
        onChange={(e) => setParams(new URLSearchParams({ status: e.target.value as string }), { replace: true })}
        options={STATUS_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
      />
    </Space>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">
        范围：{scopeText(roles)}
        。投诉应在收到后1个工作日内受理、受理后5个工作日内答复；行政效能投诉由效能监察室办理，行政执法和行政复议由法制办窗口办理，其他由综合协调办公室办理。
      </Typography.Paragraph>
      <PagedTable<Complaint>
        paged={paged}
        filter={filter}
        loadingText="正在读取投诉…"
        emptyText="没有符合条件的投诉"
        summary={(total) => `共 ${total} 件`}
        scrollX={1100}
        columns={[
          {
            title: '编号',
            key: 'number',
            render: (_v, c) => (
              <Link to={`/complaints/${c.id}`}>
                {COMPLAINT_TYPE[c.type]} {c.number}
              </Link>
            ),
          },
          { title: '收到时间', key: 'receivedAt', render: (_v, c) => dateTime(c.receivedAt) },
          { title: '类别', key: 'kind', render: (_v, c) => COMPLAINT_KIND[c.kind] },
          { title: '投诉对象', key: 'target', render: (_v, c) => c.target.name || '不指定' },
          { title: '受理部门', key: 'office', render: (_v, c) => HANDLING_OFFICE[c.office] },
          {
            title: '期限',
            key: 'clock',
            render: (_v, c) => {
              const clock = complaintClock(c);
              return clock.late ? <Typography.Text type="danger">{clock.text}</Typography.Text> : clock.text;
            },
          },
          {
            title: '状态',
            key: 'status',
            render: (_v, c) => <Tag color={COMPLAINT_STATUS_COLOR[c.status]}>{COMPLAINT_STATUS[c.status]}</Tag>,
          },
        ]}
      />
    </>
  );
}

/**
 * 投诉处理: the complaints the member of staff may read, newest first, the open ones unless told; 登记投诉 for a
 * complaint received in person, by phone, by letter or from the suggestion box (any staff, who may read no list).
 */
export default function Complaints({ me }: { me: Loaded<Profile | undefined> }) {
  const navigate = useNavigate();
  return (
    <StaffPage
      title="投诉处理"
      me={me}
      extra={
        // Any member of staff of the tenant enters one (the complaints service's rule).
        me.data?.staff ? (
          <Button type="primary" onClick={() => void navigate('/complaints/new')}>
            登记投诉
          </Button>
        ) : null
      }
    >
      {(staff) =>
        readsComplaints(staff.roles) ? (
          <ComplaintList roles={staff.roles} />
        ) : (
          <Typography.Paragraph type="secondary">
            投诉由效能监察室、法制办窗口和综合协调办公室办理。接到来访、来电、来信或意见箱中的投诉，请点击“登记投诉”如实登记（登记人为首问责任人），并将投诉编号告知投诉人。
          </Typography.Paragraph>
        )
      }
    </StaffPage>
  );
}
