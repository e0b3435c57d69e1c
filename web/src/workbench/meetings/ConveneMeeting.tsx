import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Radio, Space } from 'antd';
import { api, call } from '../../shared/api';
import type { Department, Meeting, MeetingKind } from '../../api/types';
import { radioGroup } from '../../admin/org/NativeSelect';
import { MEETING_KIND } from '../../shared/labels';
import { ApiError } from '../../shared/problem';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { idempotencyKey } from '../../portal/common/form-problem';
import { isoOfBeijing } from './meeting-format';

interface AgendaDraft {
  title?: string;
  reviewId?: string;
  note?: string;
}
interface ConveneForm {
  kind: MeetingKind;
  subject: string;
  scheduledAt: string;
  location?: string;
  agenda: AgendaDraft[];
  departments?: string[];
}

const FIELDS = ['kind', 'subject', 'scheduledAt', 'location', 'departments'];
const AGENDA_FIELDS = ['title', 'reviewId', 'note'];

/** The API's field names (`departments.2`, `agenda.0.reviewId`) as this form's. */
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.problem.fields)) {
    const key = name.replace(/^departments\.\d+$/, 'departments');
    fields[key] = fields[key] && fields[key] !== message ? `${fields[key]}；${message}` : message;
  }
  return new ApiError({ ...error.problem, fields });
}

/**
 * 召开会议 (center_admin): subject, time and place, the agenda — a case review meeting's items each name the joint
 * review discussed (its departments are invited by the service) — and other departments invited. The service's
 * refusals are shown at their fields; a refused request is sent again as a new one.
 */
export function ConveneMeeting({
  departments,
  reviewId,
  onConvened,
  onClose,
}: {
  departments: Department[];
  /** A joint review to put on the agenda (联审办理's 召集联审会议). */
  reviewId?: string;
  onConvened: (m: Meeting) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ConveneForm>();
  const kind = Form.useWatch('kind', form) ?? 'case_review';
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [requestId, setRequestId] = useState(() => idempotencyKey('meeting'));

  const submit = async (v: ConveneForm) => {
    setBusy(true);
    setErrors([]);
    const agenda = v.agenda ?? [];
    try {
      const { meeting } = await call(
        api.POST('/api/v1/joint-review/meetings', {
          body: {
            requestId,
            kind: v.kind,
            subject: v.subject.trim(),
            // A value the browser let through that is no time is the service's to refuse at its field.
            scheduledAt: isoOfBeijing(v.scheduledAt) ?? v.scheduledAt,
            ...(v.location?.trim() ? { location: v.location.trim() } : {}),
            agenda: agenda.map((a) => ({
              title: (a.title ?? '').trim(),
              ...(v.kind === 'case_review' && a.reviewId?.trim() ? { reviewId: a.reviewId.trim() } : {}),
              ...(a.note?.trim() ? { note: a.note.trim() } : {}),
            })),
            departments: v.departments ?? [],
          },
        }),
      );
      form.resetFields();
      setRequestId(idempotencyKey('meeting'));
      onConvened(meeting);
    } catch (error) {
      // Refused (4xx): nothing was convened, the corrected meeting is a new request; after a 5xx or no answer the
      // same request id is sent again and answers the meeting if it was convened after all.
      if (error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) {
        setRequestId(idempotencyKey('meeting'));
      }
      const known = [...FIELDS, ...agenda.flatMap((_a, i) => AGENDA_FIELDS.map((f) => `agenda.${i}.${f}`))];
      setErrors(showOnForm(form, onFormFields(error), known));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="召开会议" style={{ marginBottom: 16 }}>
      <Form<ConveneForm>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ kind: 'case_review', agenda: [{ reviewId }], departments: [] }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 760 }}
      >
        <Form.Item name="kind" label="会议类型">
          <Radio.Group
            {...radioGroup('会议类型')}
            options={(Object.keys(MEETING_KIND) as MeetingKind[]).map((k) => ({ value: k, label: MEETING_KIND[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label="会议名称"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label="会议时间"
          extra="北京时间，须晚于现在"
          rules={[{ required: true, message: '请选择会议时间' }]}
        >
          <Input type="datetime-local" style={{ maxWidth: 260 }} />
        </Form.Item>
        <Form.Item name="location" label="会议地点">
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="agenda">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Card
                  key={item.key}
                  size="small"
                  title={`议题${i + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    items.length > 1 ? (
                      <Button size="small" onClick={() => remove(item.name)}>
                        删除议题{i + 1}
                      </Button>
                    ) : null
                  }
                >
                  <Form.Item
                    name={[item.name, 'title']}
                    label={`议题${i + 1}名称`}
                    rules={[{ required: true, whitespace: true, message: '请填写议题' }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  {kind === 'case_review' ? (
                    <Form.Item
                      name={[item.name, 'reviewId']}
                      label={`议题${i + 1}审议的联办件`}
                      extra="联审办理页网址末尾的标识；该联办件的牵头部门和协办部门自动受邀参会"
                      rules={[{ required: true, whitespace: true, message: '请填写要审议的联办件' }]}
                    >
                      <Input autoComplete="off" placeholder="如 0f8c3a52-6d1e-4b7a-9c2d-5e4f3a2b1c0d" />
                    </Form.Item>
                  ) : null}
                  <Form.Item name={[item.name, 'note']} label={`议题${i + 1}说明`}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </Card>
              ))}
              {items.length < 30 ? (
                <Button style={{ marginBottom: 16 }} onClick={() => add({})}>
                  添加议题
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item
          name="departments"
          label="另行邀请的部门"
          extra={
            kind === 'case_review'
              ? '联办件的各部门已自动邀请，这里只选其他需要参会的部门'
              : '联席会议须至少邀请一个部门'
          }
        >
          <Checkbox.Group options={departments.map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <FormMessages messages={errors} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            确认召开
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
