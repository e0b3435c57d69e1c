import { Link, useLocation, useParams } from 'react-router';
import { Button, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Complaint, ComplaintFinding, Profile } from '../../api/types';
import {
  COMPLAINT_CHANNEL,
  COMPLAINT_FINDING,
  COMPLAINT_KIND,
  COMPLAINT_STATUS,
  COMPLAINT_STATUS_COLOR,
  COMPLAINT_TARGET_KIND,
  COMPLAINT_TYPE,
  complaintActs,
  complaintClock,
  HANDLING_OFFICE,
  REPLY_SATISFACTION,
} from '../../shared/complaint-format';
import { attachmentPath } from '../../shared/complaint-attachments';
import { FiledNotice } from '../../shared/complaint-form';
import { dateTime, fileSize } from '../../shared/format';
import { useFileViewer } from '../case/FileViewer';
import { ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import { ActCard } from '../escalations/ActCard';
import { StaffPage } from '../staff-page';
import type { Recorded } from './RecordComplaint';

const path = (id: string) => ({ params: { path: { id } } });

/**
 * The photos and letters filed with it, each opened in `view` with the member of staff's token (the viewer lives
 * outside the Descriptions, which remounts its items when the layout's columns change).
 */
function Attachments({ c, view }: { c: Complaint; view: ReturnType<typeof useFileViewer> }) {
  return (
    <Space wrap size={4}>
      {c.attachments.map((a) => (
        <Button
          key={a.id}
          size="small"
          loading={view.loading === attachmentPath(c, a)}
          onClick={() => void view.open(attachmentPath(c, a), `投诉附件：${a.fileName}`, a.fileName)}
        >
          附件 {a.fileName}（{fileSize(a.size)}）
        </Button>
      ))}
    </Space>
  );
}

function Summary({ c }: { c: Complaint }) {
  const clock = complaintClock(c);
  const view = useFileViewer();
  const who = [c.complainant.name || '匿名', c.complainant.phone, c.complainant.email].filter(Boolean).join('，');
  return (
    <>
      {view.viewer}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label="编号">
          {COMPLAINT_TYPE[c.type]} {c.number}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Space wrap>
            <Tag color={COMPLAINT_STATUS_COLOR[c.status]}>{COMPLAINT_STATUS[c.status]}</Tag>
            {c.acceptanceOverdue ? <Tag color="red">受理超期</Tag> : null}
            {c.replyOverdue ? <Tag color="red">答复超期</Tag> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="类别">{COMPLAINT_KIND[c.kind]}</Descriptions.Item>
        <Descriptions.Item label="受理部门">{HANDLING_OFFICE[c.office]}</Descriptions.Item>
        <Descriptions.Item label="投诉对象">
          {c.target.kind === 'none' ? '不指定' : `${COMPLAINT_TARGET_KIND[c.target.kind]}：${c.target.name}`}
          {c.target.kind === 'case' ? (
            <>
              {' '}
              {/* Underlined: a link in running text is not told apart by colour alone (axe link-in-text-block). */}
              <Link to={`/cases/${c.target.id}`} style={{ textDecoration: 'underline' }}>
                查看办件
              </Link>
            </>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="渠道">
          {COMPLAINT_CHANNEL[c.channel]}
          {c.receivedBy ? `（首问责任人 ${c.receivedBy}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="投诉人">{who}</Descriptions.Item>
        <Descriptions.Item label="收到时间">{dateTime(c.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span>
        </Descriptions.Item>
        {c.attachments.length > 0 ? (
          <Descriptions.Item label="附件" span={2}>
            <Attachments c={c} view={view} />
          </Descriptions.Item>
        ) : null}
        {clock.text !== '—' ? (
          <Descriptions.Item label="期限" span={2}>
            {clock.late ? <Typography.Text type="danger">{clock.text}</Typography.Text> : clock.text}
          </Descriptions.Item>
        ) : null}
        {c.acceptedAt ? (
          <Descriptions.Item label="受理" span={2}>
            {dateTime(c.acceptedAt)}，{c.acceptedBy}
          </Descriptions.Item>
        ) : null}
        {c.status === 'rejected' ? (
          <Descriptions.Item label="不予受理的理由" span={2}>
            {c.rejectionReason}
          </Descriptions.Item>
        ) : null}
        {c.reply ? (
          <Descriptions.Item label="答复" span={2}>
            <Space direction="vertical" size={0}>
              <span>
                {COMPLAINT_FINDING[c.reply.finding]}（{c.reply.repliedBy}，{dateTime(c.reply.repliedAt)}）
              </span>
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.reply.text}</span>
            </Space>
          </Descriptions.Item>
        ) : null}
        {c.satisfaction ? (
          <Descriptions.Item label="投诉人评价" span={2}>
            {REPLY_SATISFACTION[c.satisfaction]}
            {c.ratedAt ? `（${dateTime(c.ratedAt)}）` : ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </>
  );
}

function AcceptCard({ c, onDone }: { c: Complaint; onDone: () => void }) {
  return (
    <ActCard<{ decision: 'accept' | 'reject'; reason?: string }>
      title="受理"
      fields={['decision', 'reason']}
      button="提交"
      done="已办理"
      initialValues={{ decision: 'accept' }}
      act={async (v) => {
        if (v.decision === 'reject') {
          await call(
            api.POST('/api/v1/complaints/{id}/rejection', {
              ...path(c.id),
              body: { expectedVersion: c.version, reason: (v.reason ?? '').trim() },
            }),
          );
        } else {
          await call(
            api.POST('/api/v1/complaints/{id}/acceptance', { ...path(c.id), body: { expectedVersion: c.version } }),
          );
        }
        onDone();
      }}
    >
      <Form.Item name="decision" label="受理意见">
        <Radio.Group
          options={[
            { value: 'accept', label: '受理' },
            { value: 'reject', label: '不予受理' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
        {({ getFieldValue }) =>
          getFieldValue('decision') === 'reject' ? (
            <Form.Item name="reason" label="不予受理的理由（告知投诉人）">
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </ActCard>
  );
}

function ReplyCard({ c, onDone }: { c: Complaint; onDone: () => void }) {
  return (
    <ActCard<{ finding: ComplaintFinding; text: string }>
      title="答复投诉人"
      fields={['finding', 'text']}
      button="提交答复"
      done="已答复"
      act={async (v) => {
        await call(
          api.POST('/api/v1/complaints/{id}/reply', {
            ...path(c.id),
            body: { expectedVersion: c.version, finding: v.finding, text: (v.text ?? '').trim() },
          }),
        );
        onDone();
      }}
    >
      <Form.Item name="finding" label="认定" extra="合理投诉记入被投诉对象的问责依据">
        <Radio.Group options={Object.entries(COMPLAINT_FINDING).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="text" label="答复内容（告知投诉人并公开，个人信息脱敏）">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
      </Form.Item>
    </ActCard>
  );
}

function ComplaintView({ id, roles }: { id: string; roles: readonly string[] }) {
  // Just entered by this member of staff (登记投诉): the number and the clock to tell the complainant.
  const recorded = (useLocation().state as Partial<Recorded> | null)?.recorded === true;
  const loaded = useLoad(() => call(api.GET('/api/v1/complaints/{id}', path(id))), [id]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取投诉…" />;
  const c = loaded.data.complaint;
  const acts = complaintActs(roles, c);
  return (
    <>
      {recorded ? <FiledNotice c={c} done="已登记" lead="请告知投诉人：" /> : null}
      <Summary c={c} />
      {acts.accept ? <AcceptCard c={c} onDone={loaded.reload} /> : null}
      {acts.reply ? <ReplyCard c={c} onDone={loaded.reload} /> : null}
    </>
  );
}

/** One complaint: what was complained of, the clocks, and the acts the office's staff may take in its state. */
export default function ComplaintPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage title="投诉处理" me={me} extra={<Link to="/complaints">返回列表</Link>}>
      {(staff) => <ComplaintView id={id} roles={staff.roles} />}
    </StaffPage>
  );
}
