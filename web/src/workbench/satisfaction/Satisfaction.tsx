import { Button, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import type { paths } from '../../api/schema';
import { dateTime } from '../../shared/format';
import { PagedTable } from '../../shared/paged-table';
import { Panel, usePaged, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import { RATING_CHANNELS } from '../../shared/rating-levels';
import { useFileViewer } from '../case/FileViewer';
import { RecordRating } from './RecordRating';
import { usePeriodReport, type Period } from '../../shared/period-report';
import { SatisfactionFigures } from '../../shared/satisfaction-figures';

type RatingRow = paths['/api/v1/ratings']['get']['responses'][200]['content']['application/json']['ratings'][number];

/** Who sees what (the complaints service decides it): said above the figures. */
function scopeText(roles: readonly string[]): string {
  if (roles.some((r) => ['center_admin', 'supervisor', 'complaint_handler'].includes(r))) return '本地区全部评价';
  if (roles.includes('department_head')) return '本部门的评价';
  return '对本人的评价';
}

function RatingList({ period }: { period: Period }) {
  const view = useFileViewer();
  const paged = usePaged<RatingRow>(
    (pageToken) =>
      call(api.GET('/api/v1/ratings', { params: { query: { ...period, ...(pageToken ? { pageToken } : {}) } } })).then(
        (r) => ({ items: r.ratings, total: r.total, nextPageToken: r.nextPageToken }),
      ),
    [period.from, period.to],
  );
  return (
    <>
      {view.viewer}
      <PagedTable<RatingRow>
        paged={paged}
        loadingText="正在读取评价…"
        emptyText="期间内没有评价"
        summary={(total) => `共 ${total} 条评价`}
        scrollX={900}
        columns={[
          { title: '评价时间', key: 'ratedAt', render: (_v, r) => dateTime(r.ratedAt) },
          {
            title: '评价对象',
            key: 'subject',
            render: (_v, r) =>
              r.subject === 'visit'
                ? `窗口服务${r.itemName ? `（${r.itemName}）` : ''}`
                : `${r.itemName}${r.caseNumber ? `（${r.caseNumber}）` : ''}`,
          },
          {
            title: '评价',
            key: 'level',
            render: (_v, r) => (
              <Tag color={r.level <= 2 ? 'red' : r.level >= 4 ? 'green' : 'default'}>{r.levelName}</Tag>
            ),
          },
          { title: '理由', dataIndex: 'reason', render: (v: string) => v || '—' },
          { title: '渠道', key: 'channel', render: (_v, r) => RATING_CHANNELS[r.channel] ?? r.channel },
          {
            title: '被评价人员',
            key: 'staff',
            render: (_v, r) => r.staff.map((s) => `${s.username}（${s.part}）`).join('、') || '—',
          },
          {
            title: '意见卡',
            key: 'scan',
            render: (_v, r) =>
              r.hasScan ? (
                <Button
                  size="small"
                  loading={view.loading === `/api/v1/ratings/${r.id}/scan`}
                  onClick={() =>
                    void view.open(`/api/v1/ratings/${r.id}/scan`, `意见卡扫描件：${r.caseNumber}`, `意见卡-${r.id}`)
                  }
                >
                  查看扫描件 {r.caseNumber}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}

/** 满意度统计 (C6): the figures and ratings of a period, as far as the person may see them. */
function SatisfactionReport({ roles }: { roles: readonly string[] }) {
  const { form, shown } = usePeriodReport((period) =>
    call(api.GET('/api/v1/ratings/satisfaction', { params: { query: period } })),
  );
  return (
    <>
      <Typography.Paragraph type="secondary">
        统计范围：{scopeText(roles)}（按评价日期，北京时间）。
      </Typography.Paragraph>
      {form}
      {shown ? (
        <>
          <Panel title="满意度">
            <SatisfactionFigures s={shown.figures} />
          </Panel>
          <Panel title="评价明细">
            <RatingList period={shown.period} />
          </Panel>
        </>
      ) : null}
    </>
  );
}

/** Who enters follow-up and suggestion-box ratings (the complaints service's rule, C4). */
const RECORDERS = ['center_admin', 'supervisor', 'complaint_handler'];

export default function Satisfaction({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage title="满意度统计" me={me}>
      {(staff) => (
        <>
          {staff.roles.some((r) => RECORDERS.includes(r)) ? <RecordRating /> : null}
          <SatisfactionReport roles={staff.roles} />
        </>
      )}
    </StaffPage>
  );
}
