import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { api, call, downloadWithToken } from '../../shared/api';
import type { Notice } from '../../api/types';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { HOW_TO_PAY, NOTICE_STATE, NOTICE_STATE_COLOR, yuan } from '../../shared/payments';
import { messageOf } from '../../shared/problem';
import { RequireLogin } from '../../shared/require-login';
import { EmptyState, ErrorAlert, Loading, MoreButton, usePaged } from '../../shared/states';

/** States in which the applicant still has to pay (a registered slip waits for the bank, not for the applicant). */
const PAYABLE: readonly Notice['state'][] = ['issued'];

function Downloads({ n }: { n: Notice }) {
  const [error, setError] = useState<string>();
  const download = (kind: 'notice' | 'receipt', name: string) =>
    downloadWithToken(`/api/v1/payments/notices/${n.id}/document?kind=${kind}`, `${name}-${n.number}.pdf`).catch(
      (e: unknown) => setError(messageOf(e)),
    );
  return (
    <>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} /> : null}
      <Space wrap>
        <Button onClick={() => void download('notice', '缴款通知书')}>下载缴款通知书</Button>
        {n.state === 'paid' ? (
          <Button onClick={() => void download('receipt', '缴费凭证')}>下载缴费凭证（票据）</Button>
        ) : null}
      </Space>
    </>
  );
}

function NoticeCard({ n }: { n: Notice }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-notice={n.number}
      title={
        <Space wrap>
          <span>缴款通知书 {n.number}</span>
          <Tag color={NOTICE_STATE_COLOR[n.state]}>{NOTICE_STATE[n.state]}</Tag>
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="办理事项">
          <Link to={`/my/cases/${n.caseId}`}>{n.itemName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="办件编号">{n.caseNumber}</Descriptions.Item>
        <Descriptions.Item label="应缴金额">
          <Typography.Text strong>{yuan(n.totalFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="金额大写">{n.totalCapitals}</Descriptions.Item>
        <Descriptions.Item label="缴款码">
          <Typography.Text copyable={{ text: n.paymentCode, tooltips: ['复制缴款码', '已复制'] }}>
            {n.paymentCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="缴款期限">{n.deadline}</Descriptions.Item>
        <Descriptions.Item label="执收单位">{n.collectingBody}</Descriptions.Item>
        {n.payment ? (
          <Descriptions.Item label="银行确认时间">
            {dateTime(n.payment.confirmedAt ?? n.payment.paidAt)}
          </Descriptions.Item>
        ) : null}
        {n.payment?.receiptNumber ? (
          <Descriptions.Item label="票据号码">
            {n.payment.receiptCode} {n.payment.receiptNumber}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Table
        size="small"
        style={{ margin: '8px 0 12px' }}
        rowKey="feeCode"
        pagination={false}
        dataSource={n.lines}
        columns={[
          { title: '收费项目', dataIndex: 'name' },
          { title: '数量', render: (_: unknown, l: Notice['lines'][number]) => (l.formula ? '按公式' : l.quantity) },
          { title: '金额', align: 'right', render: (_: unknown, l: Notice['lines'][number]) => yuan(l.amountFen) },
        ]}
      />
      {PAYABLE.includes(n.state) ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="去缴费" description={HOW_TO_PAY} />
      ) : null}
      {n.state === 'slip_registered' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="窗口已登记您的缴费回执，等待银行确认到账"
          description="银行确认前不视为已缴费；确认后本页显示“已缴费”。"
        />
      ) : null}
      <Downloads n={n} />
    </Card>
  );
}

function Notices() {
  const paged = usePaged<Notice>(
    (pageToken) =>
      call(
        api.GET('/api/v1/payments/my-notices', {
          params: { query: { pageSize: 20, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.notices, total: r.total, nextPageToken: r.nextPageToken })),
    [],
  );
  if (paged.first.error) return <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} />;
  if (!paged.first.data) return <Loading text="正在读取缴款通知书…" />;
  if (paged.items.length === 0) {
    return <EmptyState text="暂无缴款通知书。收费事项准予许可并核定收费后，缴款通知书会出现在这里。" />;
  }
  return (
    <>
      <Typography.Paragraph type="secondary">共 {paged.total} 份缴款通知书</Typography.Paragraph>
      {paged.items.map((n) => (
        <NoticeCard key={n.id} n={n} />
      ))}
      <MoreButton paged={paged} />
    </>
  );
}

/** 我的缴费: the applicant's payment notices, how to pay them at the bank, and the notice and receipt PDFs. */
export default function MyPayments() {
  return (
    <>
      <PageTitle title="我的缴费" extra="收缴分离：费用由银行代收，缴款以银行确认为准。" />
      <RequireLogin why="登录后可查看您的缴款通知书。">
        <Notices />
      </RequireLogin>
    </>
  );
}
