import { Checkbox, Form, Input, Radio } from 'antd';
import { api, call } from '../../shared/api';
import type { JointAttachment, Meeting, MeetingResolution, OpinionKind } from '../../api/types';
import { NativeSelect, radioGroup } from '../../admin/org/NativeSelect';
import { MEETING_RESOLUTION, OPINION_KIND } from '../../shared/labels';
import { ActModal, chosen } from '../case/ActModal';
import { AttachmentsField } from '../joint/Attachments';
import { beijingInput, isoOfBeijing, lines, names } from './meeting-format';

/* The acts on one meeting: each a dialog, the service's refusals at their fields, the meeting after it answered. */

type Done = (m: Meeting, done: string) => void;
const need = (message: string) => [{ required: true, whitespace: true, message }];
const path = (id: string) => ({ params: { path: { id } } });

interface RescheduleForm {
  scheduledAt: string;
  location?: string;
  reason: string;
}

/** 改期 (the center, a meeting not held yet): a new time, perhaps a new place, and why. */
export function Reschedule({ meeting, onDone }: { meeting: Meeting; onDone: Done }) {
  return (
    <ActModal<RescheduleForm, Meeting>
      label="改期"
      title="会议改期"
      intro="参会部门将看到新的时间、地点和改期原因。"
      initialValues={{ scheduledAt: beijingInput(meeting.scheduledAt), location: meeting.location }}
      isField={(n) => ['scheduledAt', 'location', 'reason'].includes(n)}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/meetings/{id}/reschedule', {
              ...path(meeting.id),
              body: {
                expectedVersion: meeting.version,
                scheduledAt: isoOfBeijing(v.scheduledAt) ?? v.scheduledAt,
                ...(v.location?.trim() ? { location: v.location.trim() } : {}),
                reason: v.reason.trim(),
              },
            }),
          )
        ).meeting
      }
      onDone={onDone}
      done="已改期。"
    >
      {() => (
        <>
          <Form.Item
            name="scheduledAt"
            label="新的会议时间"
            extra="北京时间，须晚于现在"
            rules={need('请选择会议时间')}
          >
            <Input type="datetime-local" style={{ maxWidth: 260 }} />
          </Form.Item>
          <Form.Item name="location" label="会议地点">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="reason" label="改期原因" rules={need('请填写改期原因')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </ActModal>
  );
}

/** 取消会议 (the center, a meeting not held yet), with the reason. */
export function CancelMeeting({ meeting, onDone }: { meeting: Meeting; onDone: Done }) {
  return (
    <ActModal<{ reason: string }, Meeting>
      label="取消会议"
      danger
      intro="取消后会议不再召开，参会部门将看到取消原因。"
      isField={(n) => n === 'reason'}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/meetings/{id}/cancel', {
              ...path(meeting.id),
              body: { expectedVersion: meeting.version, reason: v.reason.trim() },
            }),
          )
        ).meeting
      }
      onDone={onDone}
      done="已取消会议。"
    >
      {() => (
        <Form.Item name="reason" label="取消原因" rules={need('请填写取消原因')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </ActModal>
  );
}

interface MinutesForm {
  attended: string[];
  attendees: Record<string, string | undefined>;
  minutes: string;
  attachments?: JointAttachment[];
}

/**
 * 登记纪要 (the center): which invited departments came and who for them, and the minutes with their files (a
 * correction replaces them: the files kept are named again).
 */
export function RecordMinutes({
  meeting,
  name,
  onDone,
}: {
  meeting: Meeting;
  name: (department: string) => string;
  onDone: Done;
}) {
  const invited = meeting.participants;
  return (
    <ActModal<MinutesForm, Meeting>
      label={meeting.state === 'held' ? '更正纪要' : '登记纪要'}
      title="出席情况和会议纪要"
      primary={meeting.state === 'scheduled'}
      intro="勾选出席的部门并填写参会人员；登记后会议转为已召开，各部门可登记意见。"
      initialValues={{
        attended: invited.filter((p) => p.attended).map((p) => p.department),
        attendees: Object.fromEntries(invited.map((p) => [p.department, p.attendees.join('、')])),
        minutes: meeting.minutes ?? '',
        attachments: meeting.minutesAttachments,
      }}
      isField={(n) => n === 'minutes'}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/meetings/{id}/minutes', {
              ...path(meeting.id),
              body: {
                expectedVersion: meeting.version,
                attendance: invited
                  .filter((p) => v.attended.includes(p.department))
                  .map((p) => ({ department: p.department, attendees: names(v.attendees?.[p.department]) })),
                minutes: v.minutes.trim(),
                attachmentIds: (v.attachments ?? []).map((a) => a.id),
              },
            }),
          )
        ).meeting
      }
      onDone={onDone}
      done="已登记出席情况和会议纪要。"
    >
      {() => (
        <>
          <Form.Item name="attended" label="出席的部门">
            <Checkbox.Group options={invited.map((p) => ({ value: p.department, label: name(p.department) }))} />
          </Form.Item>
          {invited.map((p) => (
            <Form.Item
              key={p.department}
              name={['attendees', p.department]}
              label={`${name(p.department)}参会人员`}
              extra="多人以顿号分隔"
            >
              <Input maxLength={500} />
            </Form.Item>
          ))}
          <Form.Item name="minutes" label="会议纪要" rules={need('请填写会议纪要')}>
            <Input.TextArea rows={5} maxLength={20000} />
          </Form.Item>
          <AttachmentsField />
        </>
      )}
    </ActModal>
  );
}

interface PositionForm {
  agendaItemId: string;
  department: string;
  kind: OpinionKind;
  text: string;
  reasons?: string;
  conditions?: string;
}

/** 登记意见: a department's position on an agenda item (its head or approver, or the center for any invited one). */
export function RecordPosition({
  meeting,
  departments,
  name,
  onDone,
}: {
  meeting: Meeting;
  /** The departments the caller may speak for. */
  departments: string[];
  name: (department: string) => string;
  onDone: Done;
}) {
  const caseItems = meeting.agenda;
  return (
    <ActModal<PositionForm, Meeting>
      label="登记意见"
      title="登记部门意见"
      primary
      intro="同一部门对同一议题再次登记的，以最后一次为准。会议形成结论后，意见作为该部门的联审意见写入联办件。"
      initialValues={{
        ...(caseItems.length === 1 ? { agendaItemId: caseItems[0]!.id } : {}),
        ...(departments.length === 1 ? { department: departments[0] } : {}),
      }}
      isField={(n) => ['agendaItemId', 'department', 'kind', 'text', 'reasons', 'conditions'].includes(n)}
      rename={(n) => n.replace(/^(reasons|conditions)\.\d+$/, '$1')}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/meetings/{id}/positions', {
              ...path(meeting.id),
              body: {
                expectedVersion: meeting.version,
                agendaItemId: v.agendaItemId,
                department: v.department,
                kind: v.kind,
                text: v.text.trim(),
                reasons: lines(v.reasons),
                conditions: lines(v.conditions),
              },
            }),
          )
        ).meeting
      }
      onDone={onDone}
      done="已登记部门意见。"
    >
      {() => (
        <>
          <Form.Item name="agendaItemId" label="议题" rules={chosen('请选择议题')}>
            <NativeSelect
              placeholder="请选择议题"
              choices={caseItems.map((a) => ({
                value: a.id,
                label: `${a.id}. ${a.title}${a.caseNumber ? `（${a.caseNumber}）` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="department" label="部门" rules={chosen('请选择部门')}>
            <NativeSelect placeholder="请选择部门" choices={departments.map((d) => ({ value: d, label: name(d) }))} />
          </Form.Item>
          <Form.Item name="kind" label="意见" rules={chosen('请选择意见')}>
            <Radio.Group
              {...radioGroup('意见')}
              options={(Object.keys(OPINION_KIND) as OpinionKind[]).map((k) => ({ value: k, label: OPINION_KIND[k] }))}
            />
          </Form.Item>
          <Form.Item name="text" label="意见内容" rules={need('请填写意见内容')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reasons" label="理由（每行一条）" extra="不同意时至少填写一条">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="conditions" label="条件（每行一条）" extra="附条件同意时至少填写一条">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </ActModal>
  );
}

interface OutcomeForm {
  outcomes: { agendaItemId: string; resolution?: MeetingResolution; text?: string; conditions?: string }[];
}

/** 登记结论 (the center, a held meeting): the outcome of every agenda item; the meeting concludes. */
export function RecordOutcome({ meeting, onDone }: { meeting: Meeting; onDone: Done }) {
  return (
    <ActModal<OutcomeForm, Meeting>
      label="登记结论"
      title="登记会议结论"
      primary
      intro="每个议题登记一项结论。登记后会议形成结论，各部门意见作为其联审意见写入所审议的联办件（再议的除外），由牵头部门出具联审结论。"
      initialValues={{ outcomes: meeting.agenda.map((a) => ({ agendaItemId: a.id })) }}
      isField={(n) => /^outcomes\.\d+\.(resolution|text|conditions)$/.test(n)}
      rename={(n) => n.replace(/^(outcomes\.\d+\.conditions)\.\d+$/, '$1')}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/meetings/{id}/outcome', {
              ...path(meeting.id),
              body: {
                expectedVersion: meeting.version,
                outcomes: v.outcomes.map((o) => ({
                  agendaItemId: o.agendaItemId,
                  resolution: o.resolution!,
                  text: (o.text ?? '').trim(),
                  conditions: lines(o.conditions),
                })),
              },
            }),
          )
        ).meeting
      }
      onDone={onDone}
      done="已登记会议结论。"
    >
      {() =>
        meeting.agenda.map((a, i) => (
          <fieldset key={a.id} style={{ border: '1px solid #f0f0f0', padding: '8px 12px', marginBottom: 12 }}>
            <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
              议题{a.id}：{a.title}
              {a.caseNumber ? `（${a.caseNumber}）` : ''}
            </legend>
            <Form.Item name={['outcomes', i, 'agendaItemId']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={['outcomes', i, 'resolution']} label={`议题${a.id}结论`} rules={chosen('请选择会议结论')}>
              <Radio.Group
                {...radioGroup(`议题${a.id}结论`)}
                options={(Object.keys(MEETING_RESOLUTION) as MeetingResolution[]).map((k) => ({
                  value: k,
                  label: MEETING_RESOLUTION[k],
                }))}
              />
            </Form.Item>
            <Form.Item name={['outcomes', i, 'text']} label={`议题${a.id}纪要结论`} rules={need('请填写会议结论')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name={['outcomes', i, 'conditions']} label={`议题${a.id}议定的条件（每行一条）`}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </fieldset>
        ))
      }
    </ActModal>
  );
}
