import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert, List, Space, Tabs, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { CaseSummary, MyCaseList } from '../../api/types';
import { timeLeft } from '../../shared/days-left';
import { CASE_STATUS, CASE_STATUS_COLOR, MY_CASE_LIST } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { RequireLogin } from '../../shared/require-login';
import { EmptyState, ErrorAlert, Loading, MoreButton, usePaged } from '../../shared/states';

/** The lists of the plans (submitted / in progress / completed), and the drafts not yet submitted. */
const LIST_NAMES: Record<MyCaseList, string> = { ...MY_CASE_LIST, drafts: '草稿' };
type ListName = MyCaseList;
const LISTS = Object.keys(LIST_NAMES) as ListName[];

function CaseRow({ c }: { c: CaseSummary }) {
  const left = timeLeft(c.workingDaysLeft, c.clockRunning);
  return (
    <List.Item style={{ background: '#fff', padding: 16, marginBottom: 8, borderRadius: 4 }}>
      <List.Item.Meta
        title={<Link to={`/my/cases/${c.id}`}>{c.itemName}</Link>}
        description={
          <Space wrap size={[12, 4]}>
            <span>办件编号：{c.caseNumber ?? '尚未编号'}</span>
            {c.submittedDate ? <span>提交日期：{c.submittedDate}</span> : null}
            {c.dueDate ? <span>办结期限：{c.dueDate}</span> : null}
          </Space>
        }
      />
      <Space wrap>
        <Tag color={CASE_STATUS_COLOR[c.status]}>{CASE_STATUS[c.status]}</Tag>
        {c.clockRunning ? <Tag color={left.color}>{left.text}</Tag> : null}
      </Space>
    </List.Item>
  );
}

function CaseList({ list }: { list: ListName }) {
  const paged = usePaged<CaseSummary>(
    (pageToken) =>
      call(
        api.GET('/api/v1/cases/mine', {
          params: { query: { list, pageSize: 20, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.cases, total: r.total, nextPageToken: r.nextPageToken })),
    [list],
  );
  const { first, items: cases } = paged;
  if (first.error) return <ErrorAlert error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loading text="正在读取办件…" />;
  if (cases.length === 0) return <EmptyState text={`没有${LIST_NAMES[list]}的办件`} />;
  return (
    <>
      <Typography.Paragraph type="secondary">共 {first.data.total} 件</Typography.Paragraph>
      <List dataSource={cases} renderItem={(c) => <CaseRow key={c.id} c={c} />} />
      <MoreButton paged={paged} />
    </>
  );
}

/** 我的办件: the signed-in applicant's cases, submitted / in progress / completed. */
export default function MyCases() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('list') as ListName | null;
  const list: ListName = asked && LISTS.includes(asked) ? asked : 'submitted';
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  return (
    <>
      <PageTitle title="我的办件" extra="查看您提交的申请、正在办理和已经办结的办件。" />
      {deleted ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          message={`已删除“${deleted}”的草稿`}
        />
      ) : null}
      <RequireLogin why="登录后可查看您的办件。">
        <Tabs
          activeKey={list}
          onChange={(key) => setParams({ list: key }, { replace: true })}
          items={LISTS.map((key) => ({
            key,
            label: LIST_NAMES[key],
            children: list === key ? <CaseList list={key} /> : null,
          }))}
        />
      </RequireLogin>
    </>
  );
}
