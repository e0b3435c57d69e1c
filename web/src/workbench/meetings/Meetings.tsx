import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Form, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Department, Meeting, MeetingState, Profile } from '../../api/types';
import { departmentName, departmentsOf } from '../../admin/org/directory';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { MEETING_KIND, MEETING_STATE, MEETING_STATE_COLOR } from '../../shared/labels';
import { dateTime } from '../../shared/format';
import { Loading, useLoad, usePaged } from '../../shared/states';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import type { Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import { ConveneMeeting } from './ConveneMeeting';
import { convenes, mayReadMeetings, upcomingFirst } from './meeting-format';

type Staff = NonNullable<Profile['staff']>;

const STATES = Object.keys(MEETING_STATE) as MeetingState[];
const isState = (s: string | null): s is MeetingState => !!s && (STATES as string[]).includes(s);

function MeetingTable({
  state,
  departments,
  changed,
}: {
  state: MeetingState | undefined;
  departments: Department[];
  changed: number;
}) {
  const paged = usePaged<Meeting>(
    (pageToken) =>
      call(api.GET('/api/v1/joint-review/meetings', { params: { query: pageQuery({ state }, pageToken) } })).then(
        (r) => ({ items: r.meetings, total: r.total, nextPageToken: r.nextPageToken }),
      ),
    [state, changed],
  );
  return (
    <PagedTable<Meeting>
      paged={paged}
      loadingText="正在读取联审会议…"
      emptyText={state ? `暂无${MEETING_STATE[state]}的会议` : '暂无联审会议'}
      summary={(total) => <>共 {total} 次会议；待召开和已召开的在前，按会议时间先后排列。</>}
      scrollX={900}
      order={upcomingFirst}
      columns={[
        {
          title: '会议名称',
          dataIndex: 'subject',
          render: (subject: string, m) => <Link to={`/meetings/${m.id}`}>{subject}</Link>,
        },
        { title: '会议时间', dataIndex: 'scheduledAt', width: 150, render: (t?: string) => dateTime(t) },
        { title: '地点', dataIndex: 'location', render: (l: string) => l || '—' },
        { title: '类型', dataIndex: 'kind', width: 100, render: (k: Meeting['kind']) => MEETING_KIND[k] },
        {
          title: '议题',
          key: 'agenda',
          render: (_v, m) =>
            m.agenda.map((a) => (
              <div key={a.id}>
                {a.title}
                {a.caseNumber ? `（${a.caseNumber}）` : ''}
              </div>
            )),
        },
        {
          title: '参会部门',
          key: 'participants',
          render: (_v, m) => m.participants.map((p) => departmentName(departments, p.department)).join('、'),
        },
        {
          title: '状态',
          dataIndex: 'state',
          width: 110,
          render: (s: MeetingState) => <Tag color={MEETING_STATE_COLOR[s]}>{MEETING_STATE[s]}</Tag>,
        },
      ]}
    />
  );
}

function MeetingViews({ staff }: { staff: Staff }) {
  const [params, setParams] = useSearchParams();
  const center = convenes(staff);
  const asked = params.get('state');
  const state = isState(asked) ? asked : undefined;
  const convening = params.get('convene');
  const [creating, setCreating] = useState(center && convening !== null);
  const [changed, setChanged] = useState(0);
  const [notice, setNotice] = useState<{ text: string; id: string }>();
  const departments = useLoad(() => departmentsOf(staff.tenant).catch((): Department[] => []), [staff.tenant]);
  const setState = (s: string) => {
    const next = new URLSearchParams(params);
    if (s) next.set('state', s);
    else next.delete('state');
    setParams(next);
  };
  if (!mayReadMeetings(staff))
    return <Alert type="info" showIcon message="联审会议仅限中心管理员、监察人员和部门工作人员查看。" />;
  return (
    <>
      {center && creating ? (
        departments.data ? (
          <ConveneMeeting
            departments={departments.data}
            reviewId={convening || undefined}
            onConvened={(m) => {
              setCreating(false);
              setChanged((n) => n + 1);
              setNotice({ text: `已召集会议“${m.subject}”，待召开。`, id: m.id });
            }}
            onClose={() => setCreating(false)}
          />
        ) : (
          <Loading text="正在读取部门…" />
        )
      ) : center ? (
        <Button
          type="primary"
          style={{ marginBottom: 16 }}
          onClick={() => {
            setNotice(undefined);
            setCreating(true);
          }}
        >
          召开会议
        </Button>
      ) : null}
      {notice ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          message={notice.text}
          action={<Link to={`/meetings/${notice.id}`}>查看会议</Link>}
        />
      ) : null}
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item
          label="会议状态"
          htmlFor="meeting-state"
          validateStatus={asked && !state ? 'error' : undefined}
          help={asked && !state ? `链接中的会议状态“${asked}”不存在，已显示全部状态` : undefined}
        >
          <NativeSelect
            id="meeting-state"
            value={state ?? ''}
            placeholder="全部状态"
            choices={STATES.map((s) => ({ value: s, label: MEETING_STATE[s] }))}
            onChange={(e) => setState(e.target.value)}
          />
        </Form.Item>
      </Form>
      <MeetingTable state={state} departments={departments.data ?? []} changed={changed} />
    </>
  );
}

/** 联审会议 (J10): the tenant's joint meetings (a department's staff: those it is invited to); the center convenes. */
export default function Meetings({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="联审会议"
      extra="中心召集相关部门集中审议联办件（会议联审）或召开进驻部门联席会议；各部门在会上表明意见。"
      me={me}
      notStaff="联审会议仅限工作人员。"
    >
      {(staff) => <MeetingViews staff={staff} />}
    </StaffPage>
  );
}
