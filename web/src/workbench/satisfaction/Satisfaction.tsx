import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Statistic, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import type { paths } from '../../api/schema';
import { dateTime } from '../../shared/format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { PagedTable } from '../../shared/paged-table';
import { Panel, usePaged, type Loaded } from '../../shared/states';
import { defaultPeriod } from '../finance/report-query';
import { StaffPage } from '../staff-page';
import { RATING_CHANNELS } from '../../shared/rating-levels';
import { useFileViewer } from '../case/FileViewer';
import { RecordRating } from './RecordRating';
import { coverage, per10000 } from './satisfaction-format';

type SatisfactionAnswer = paths['/api/v1/ratings/satisfaction']['get']['responses'][200]['content']['application/json'];
type RatingRow = paths['/api/v1/ratings']['get']['responses'][200]['content']['application/json']['ratings'][number];
type Period = { from: string; to: string };
const FIELDS: (keyof Period)[] = ['from', 'to'];

/** Who sees what (the complaints service decides it): said above the figures. */
function scopeText(roles: readonly string[]): string {
  if (roles.some((r) => ['center_admin', 'supervisor', 'complaint_handler'].includes(r))) return '本地区全部评价';
  if (roles.includes('department_head')) return '本部门的评价';
  return '对本人的评价';
}

function Figures({ s }: { s: SatisfactionAnswer }) {
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="评价总数" value={s.total} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="满意率（基本满意及以上）" value={per10000(s.satisfiedPer10000, s.total)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="办结办件评价覆盖率" value={coverage(s.ratedCases, s.completedCases)} />
            <Typography.Text type="secondary">
              办结 {s.completedCases} 件，本人评价 {s.ratedCases} 件
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="默认评价" value={s.defaultRatings} />
          </Card>
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="level"
        pagination={false}
        dataSource={s.levels}
        aria-label="各等级评价数"
        columns={[
          { title: '评价等级', dataIndex: 'levelName' },
          { title: '评价数', dataIndex: 'count', align: 'right' },
        ]}
      />
    </>
  );
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
  const [form] = Form.useForm<Partial<Period>>();
  const initial = useMemo(() => defaultPeriod(new Date()), []);
  const [shown, setShown] = useState<{ period: Period; figures: SatisfactionAnswer }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const run = async () => {
    const v = form.getFieldsValue();
    const period = { from: v.from ?? '', to: v.to ?? '' };
    setBusy(true);
    setErrors([]);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      const figures = await call(api.GET('/api/v1/ratings/satisfaction', { params: { query: period } }));
      setShown({ period, figures });
    } catch (e) {
      setShown(undefined);
      setErrors(showOnForm(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        统计范围：{scopeText(roles)}（按评价日期，北京时间）。
      </Typography.Paragraph>
      <Form<Partial<Period>>
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={() => void run()}
        style={{ marginBottom: 16, rowGap: 8 }}
        aria-label="统计期间"
      >
        <Form.Item name="from" label="开始日期">
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="to" label="结束日期">
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          统计
        </Button>
      </Form>
      <FormMessages messages={errors} />
      {shown ? (
        <>
          <Panel title="满意度">
            <Figures s={shown.figures} />
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
