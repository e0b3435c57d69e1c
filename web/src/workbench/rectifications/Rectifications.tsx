import { Link, useSearchParams } from 'react-router';
import { Checkbox, Radio, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import type { paths } from '../../api/schema';
import { chinaToday, dateTime } from '../../shared/format';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { usePaged, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import { deadlineState, RECTIFICATION_STATUS, RECTIFICATION_STATUS_COLOR } from './rectification-format';

type Row =
  paths['/api/v1/rectifications']['get']['responses'][200]['content']['application/json']['rectifications'][number];
type Status = NonNullable<paths['/api/v1/rectifications']['get']['parameters']['query']>['status'];

/** Who sees which (the complaints service decides it), said above the list. */
function scopeText(roles: readonly string[]): string {
  if (roles.some((r) => ['center_admin', 'supervisor', 'complaint_handler'].includes(r))) return '本地区全部差评整改';
  if (roles.includes('department_head')) return '本部门的差评整改';
  return '指派给本人的差评整改';
}

function RectificationList({ roles }: { roles: readonly string[] }) {
  // The filter is in the address (?status=, all for every state; 整改中 unless told; &overdue=1) so a reload keeps it.
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status') ?? 'open';
  const status = (chosen === 'all' ? '' : chosen) as Status | '';
  const overdue = params.get('overdue') === '1';
  const set = (s: string, o: boolean) =>
    setParams(new URLSearchParams({ status: s || 'all', ...(o ? { overdue: '1' } : {}) }), { replace: true });
  const today = chinaToday();
  const paged = usePaged<Row>(
    (pageToken) =>
      call(
        api.GET('/api/v1/rectifications', {
          params: { query: pageQuery({ status: status || undefined, overdue: overdue || undefined }, pageToken) },
        }),
      ).then((r) => ({ items: r.rectifications, total: r.total, nextPageToken: r.nextPageToken })),
    [status, overdue],
  );
  const filter = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Radio.Group
        aria-label="整改状态"
        optionType="button"
        value={status}
        onChange={(e) => set(e.target.value as string, overdue)}
        options={[
          { value: '', label: '全部' },
          ...Object.entries(RECTIFICATION_STATUS).map(([value, label]) => ({ value, label })),
        ]}
      />
      <Checkbox checked={overdue} onChange={(e) => set(status ?? '', e.target.checked)}>
        只看已超期
      </Checkbox>
    </Space>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">
        范围：{scopeText(roles)}
        。差评（“不满意”“非常不满意”）自动生成整改，期限为差评之日起15个工作日；实名差评须回访评价人后方可办结。
      </Typography.Paragraph>
      <PagedTable<Row>
        paged={paged}
        filter={filter}
        loadingText="正在读取差评整改…"
        emptyText="没有符合条件的差评整改"
        summary={(total) => `共 ${total} 件`}
        scrollX={1000}
        columns={[
          { title: '差评时间', key: 'ratedAt', render: (_v, r) => dateTime(r.ratedAt) },
          {
            title: '评价对象',
            key: 'subject',
            render: (_v, r) => (
              <Link to={`/rectifications/${r.id}`}>
                {r.subject === 'visit'
                  ? `窗口服务${r.itemName ? `（${r.itemName}）` : ''}`
                  : `${r.itemName}（${r.caseNumber}）`}
              </Link>
            ),
          },
          { title: '评价', key: 'level', render: (_v, r) => <Tag color="red">{r.levelName}</Tag> },
          { title: '差评理由', dataIndex: 'reason', render: (v: string) => v || '—' },
          { title: '处理人', key: 'handler', render: (_v, r) => r.handlerName || r.handler || '部门负责人' },
          {
            title: '整改期限',
            key: 'deadline',
            render: (_v, r) => {
              const d = deadlineState(r.deadline, today, r.status === 'closed');
              return d.late ? <Typography.Text type="danger">{d.text}</Typography.Text> : d.text;
            },
          },
          {
            title: '状态',
            key: 'status',
            render: (_v, r) => <Tag color={RECTIFICATION_STATUS_COLOR[r.status]}>{RECTIFICATION_STATUS[r.status]}</Tag>,
          },
        ]}
      />
    </>
  );
}

/** 差评整改: the rectifications the member of staff may see, open ones first by deadline. */
export default function Rectifications({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage title="差评整改" me={me}>
      {(staff) => <RectificationList roles={staff.roles} />}
    </StaffPage>
  );
}
