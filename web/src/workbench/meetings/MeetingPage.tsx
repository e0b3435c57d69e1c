import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Department, JointReview, JointTask, Meeting, MeetingPosition, Profile } from '../../api/types';
import { departmentName, departmentsOf } from '../../admin/org/directory';
import {
  JOINT_TASK_STATE,
  JOINT_TASK_STATE_COLOR,
  MEETING_KIND,
  MEETING_RESOLUTION,
  MEETING_STATE,
  MEETING_STATE_COLOR,
  OPINION_KIND,
} from '../../shared/labels';
import { dateTime } from '../../shared/format';
import { messageOf } from '../../shared/problem';
import { ErrorAlert, Loading, Panel, useLoad, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import { answeredBy, meetingActs } from './meeting-format';
import { CancelMeeting, RecordMinutes, RecordOutcome, RecordPosition, Reschedule } from './MeetingActs';
import { AttachmentFiles } from '../joint/Attachments';

type Staff = NonNullable<Profile['staff']>;

function PositionText({ p }: { p: MeetingPosition }) {
  return (
    <>
      <div>{p.text}</div>
      {p.reasons.map((r, i) => (
        <div key={`r${i}`}>理由：{r}</div>
      ))}
      {p.conditions.map((c, i) => (
        <div key={`c${i}`}>条件：{c}</div>
      ))}
    </>
  );
}

/** Each agenda item with the departments' positions on it and, once concluded, its outcome. */
function Agenda({ meeting, name }: { meeting: Meeting; name: (d: string) => string }) {
  return (
    <>
      {meeting.agenda.map((a) => {
        const outcome = meeting.outcomes.find((o) => o.agendaItemId === a.id);
        const positions = meeting.positions.filter((p) => p.agendaItemId === a.id);
        return (
          <Card
            key={a.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={`议题${a.id}：${a.title}`}
            extra={a.reviewId ? <Link to={`/joint/${a.reviewId}`}>联办件 {a.caseNumber ?? ''}</Link> : null}
          >
            {a.note ? <Typography.Paragraph type="secondary">说明：{a.note}</Typography.Paragraph> : null}
            <Table<MeetingPosition>
              rowKey={(p) => p.department}
              size="small"
              pagination={false}
              scroll={{ x: 760 }}
              dataSource={positions}
              locale={{ emptyText: '尚未登记部门意见' }}
              columns={[
                { title: '部门', dataIndex: 'department', width: 180, render: (d: string) => name(d) },
                {
                  title: '意见',
                  dataIndex: 'kind',
                  width: 110,
                  render: (k: MeetingPosition['kind']) => <strong>{OPINION_KIND[k]}</strong>,
                },
                { title: '内容', key: 'text', render: (_v, p) => <PositionText p={p} /> },
                {
                  title: '登记',
                  key: 'by',
                  width: 200,
                  render: (_v, p) => `${p.recordedBy}，${dateTime(p.recordedAt)}`,
                },
              ]}
            />
            {outcome ? (
              <Alert
                style={{ marginTop: 12 }}
                type={outcome.resolution === 'denied' ? 'warning' : 'info'}
                message={`会议结论：${MEETING_RESOLUTION[outcome.resolution]}`}
                description={
                  <>
                    <div>{outcome.text}</div>
                    {outcome.conditions.map((c, i) => (
                      <div key={i}>条件：{c}</div>
                    ))}
                  </>
                }
              />
            ) : null}
          </Card>
        );
      })}
    </>
  );
}

/** The co-review tasks of the reviews discussed that this meeting's positions answered (source: 联审会议). */
function AnsweredTasks({ meeting, name }: { meeting: Meeting; name: (d: string) => string }) {
  const reviewIds = [...new Set(meeting.agenda.map((a) => a.reviewId).filter((id): id is string => !!id))];
  const answered = useLoad(
    () =>
      Promise.allSettled(
        reviewIds.map((id) =>
          call(api.GET('/api/v1/joint-review/reviews/{id}', { params: { path: { id } } })).then((r) => r.review),
        ),
      ),
    [meeting.id, meeting.version],
  );
  if (answered.error) return <ErrorAlert error={answered.error} onRetry={answered.reload} />;
  if (!answered.data) return <Loading text="正在读取所审议的联办件…" />;
  const rows: { review: JointReview; tasks: JointTask[] }[] = [];
  const failed: string[] = [];
  answered.data.forEach((r, i) => {
    if (r.status === 'fulfilled') rows.push({ review: r.value, tasks: answeredBy(meeting.id, r.value) });
    else failed.push(`${reviewIds[i]}：${messageOf(r.reason)}`);
  });
  return (
    <>
      {failed.map((f) => (
        <Alert key={f} type="warning" showIcon style={{ marginBottom: 8 }} message={`读取联办件失败 ${f}`} />
      ))}
      <Table<JointTask>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={rows.flatMap((r) => r.tasks)}
        locale={{ emptyText: '没有由本次会议答复的联审任务（再议的议题不答复任务）' }}
        columns={[
          {
            title: '办件编号',
            dataIndex: 'caseNumber',
            render: (n: string, t) => <Link to={`/joint/${t.reviewId}`}>{n}</Link>,
          },
          { title: '部门', dataIndex: 'department', render: (d: string) => name(d) },
          {
            title: '任务状态',
            dataIndex: 'state',
            render: (s: JointTask['state']) => <Tag color={JOINT_TASK_STATE_COLOR[s]}>{JOINT_TASK_STATE[s]}</Tag>,
          },
          {
            title: '意见',
            key: 'opinion',
            render: (_v, t) => (t.opinion ? `${OPINION_KIND[t.opinion.kind]}（来源：联审会议）` : '—'),
          },
        ]}
      />
    </>
  );
}

function MeetingView({ staff, id }: { staff: Staff; id: string }) {
  const [said, setSaid] = useState<string>();
  const [latest, setLatest] = useState<Meeting>();
  const loaded = useLoad(async () => {
    const [m, departments] = await Promise.all([
      call(api.GET('/api/v1/joint-review/meetings/{id}', { params: { path: { id } } })).then((r) => r.meeting),
      departmentsOf(staff.tenant).catch((): Department[] => []),
    ]);
    setLatest(undefined);
    return { meeting: m, departments };
  }, [id, staff.tenant]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取会议…" />;
  const meeting = latest ?? loaded.data.meeting;
  const departments = loaded.data.departments;
  const name = (d: string) => departmentName(departments, d);
  const acts = meetingActs(staff, meeting);
  const onDone = (m: Meeting, done: string) => {
    setLatest(m);
    setSaid(done);
  };
  const anyAct = acts.reschedule || acts.cancel || acts.minutes || acts.outcome || acts.positionFor.length > 0;

  return (
    <>
      {said ? <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={said} /> : null}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="会议名称">{meeting.subject}</Descriptions.Item>
        <Descriptions.Item label="会议状态">
          <Tag color={MEETING_STATE_COLOR[meeting.state]}>{MEETING_STATE[meeting.state]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="会议类型">{MEETING_KIND[meeting.kind]}</Descriptions.Item>
        <Descriptions.Item label="会议时间">{dateTime(meeting.scheduledAt)}</Descriptions.Item>
        <Descriptions.Item label="会议地点">{meeting.location || '—'}</Descriptions.Item>
        <Descriptions.Item label="召集人">{meeting.convenedBy}</Descriptions.Item>
        {meeting.note ? (
          <Descriptions.Item label={meeting.state === 'cancelled' ? '取消原因' : '改期原因'} span={2}>
            {meeting.note}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {anyAct ? (
        <Space wrap style={{ marginBottom: 16 }}>
          {acts.minutes ? <RecordMinutes meeting={meeting} name={name} onDone={onDone} /> : null}
          {acts.positionFor.length > 0 ? (
            <RecordPosition meeting={meeting} departments={acts.positionFor} name={name} onDone={onDone} />
          ) : null}
          {acts.outcome ? <RecordOutcome meeting={meeting} onDone={onDone} /> : null}
          {acts.reschedule ? <Reschedule meeting={meeting} onDone={onDone} /> : null}
          {acts.cancel ? <CancelMeeting meeting={meeting} onDone={onDone} /> : null}
        </Space>
      ) : null}
      <Panel title="参会部门">
        <Table
          rowKey="department"
          size="small"
          pagination={false}
          dataSource={meeting.participants}
          columns={[
            { title: '部门', dataIndex: 'department', render: (d: string) => name(d) },
            {
              title: '出席',
              dataIndex: 'attended',
              render: (a: boolean) => (meeting.state === 'scheduled' ? '待召开' : a ? '出席' : '未出席'),
            },
            { title: '参会人员', dataIndex: 'attendees', render: (p: string[]) => (p.length ? p.join('、') : '—') },
          ]}
        />
      </Panel>
      <Panel title="议程和各部门意见">
        <Agenda meeting={meeting} name={name} />
      </Panel>
      {meeting.minutes ? (
        <Panel title="会议纪要">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {meeting.minutes}
          </Typography.Paragraph>
          <AttachmentFiles
            // The files are read through a review the meeting answered (joint_review_service.proto GetSharedFile).
            reviewId={meeting.state === 'concluded' ? meeting.agenda.find((a) => a.reviewId)?.reviewId : undefined}
            attachments={meeting.minutesAttachments}
            title="会议纪要"
          />
        </Panel>
      ) : null}
      {meeting.state === 'concluded' && meeting.kind === 'case_review' ? (
        <Panel title="本次会议答复的联审任务">
          <AnsweredTasks meeting={meeting} name={name} />
        </Panel>
      ) : null}
    </>
  );
}

/** One joint meeting (联审会议): its agenda, participants, positions, minutes and outcome; the acts each role may take. */
export default function MeetingPage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <StaffPage
      title="会议详情"
      extra={<Link to="/meetings">返回联审会议</Link>}
      me={me}
      notStaff="联审会议仅限工作人员。"
    >
      {(staff) => <MeetingView staff={staff} id={id} />}
    </StaffPage>
  );
}
