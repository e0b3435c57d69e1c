import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import type {
  Complaint,
  ComplaintAttachment,
  ComplaintKind,
  ComplaintTargetKind,
  FileComplaintBody,
} from '../../api/types';
import { ComplaintAttachmentsField } from '../../shared/complaint-attachments';
import { COMPLAINT_KIND, COMPLAINT_TYPE, KIND_OFFICE } from '../../shared/complaint-format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { useLoad } from '../../shared/states';
import { chosen } from '../../shared/chosen';
import { IN_TEXT_LINK, idempotencyKey } from '../common/form-problem';
import { NATIVE_SELECT } from '../common/native-select';

interface Values {
  type: Complaint['type'];
  kind: ComplaintKind;
  target: { kind: ComplaintTargetKind; id?: string };
  content: string;
  complainant: { name?: string; phone?: string; email?: string };
  attachments?: ComplaintAttachment[];
}

/** The fields the gateway and the service may name in a refusal, as this form's field paths. */
const FIELDS = [
  'tenant',
  'type',
  'kind',
  'target.kind',
  'target.id',
  'target',
  'content',
  'complainant.name',
  'complainant.phone',
  'complainant.email',
];

/** A case the complaint is about, when it is filed from the case's page. */
export interface CaseTarget {
  id: string;
  label: string;
}

const KINDS = Object.keys(COMPLAINT_KIND) as ComplaintKind[];

/** Where the page offers what to complain about: the tenant's departments and windows (public lists). */
function useTargets(tenant: string) {
  const path = { params: { path: { code: tenant } } };
  return useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/identity/tenants/{code}/departments', path)).then((r) => r.departments),
        call(api.GET('/api/v1/identity/tenants/{code}/windows', path)).then((r) => r.windows),
      ]),
    [tenant],
  );
}

/**
 * 我要投诉: a complaint or a report (举报 may be anonymous) to the tenant's center, its kind choosing the office that
 * handles it; about a department, a window, a case or nothing in particular. One request id per filled-in form, so a
 * second press after a lost answer files nothing twice.
 */
export function FileComplaint({
  tenant,
  caseTarget,
  onFiled,
}: {
  tenant: string;
  caseTarget?: CaseTarget;
  /** Told once the complaint is filed (the page's list of the person's complaints reads it). */
  onFiled?: () => void;
}) {
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [filed, setFiled] = useState<Complaint>();
  const [requestId, setRequestId] = useState(() => idempotencyKey('complaint'));
  const targets = useTargets(tenant);
  const [departments, windows] = targets.data ?? [[], []];
  const initialValues = useMemo<Partial<Values>>(
    () => ({ type: 'complaint', target: caseTarget ? { kind: 'case', id: caseTarget.id } : { kind: 'department' } }),
    [caseTarget],
  );

  if (filed) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        style={{ marginBottom: 16 }}
        message={`${COMPLAINT_TYPE[filed.type]}已提交，编号 ${filed.number}`}
        description={
          <>
            <p style={{ margin: 0 }}>
              {filed.acceptBy}前受理，受理后5个工作日内答复。
              {user ? '您可以在下方“我的投诉”查看办理进度并评价答复。' : '答复将通过您留下的手机号码或电子邮箱告知。'}
            </p>
            <Button
              style={{ marginTop: 8 }}
              onClick={() => {
                setFiled(undefined);
                setRequestId(idempotencyKey('complaint'));
                form.resetFields();
              }}
            >
              再提交一件
            </Button>
          </>
        }
      />
    );
  }

  const submit = async (v: Values) => {
    setSending(true);
    setMessages([]);
    const complainant = {
      name: v.complainant?.name?.trim() ?? '',
      phone: v.complainant?.phone?.trim() ?? '',
      email: v.complainant?.email?.trim() ?? '',
    };
    const body: FileComplaintBody = {
      tenant,
      type: v.type,
      kind: v.kind,
      target: v.target.kind === 'none' ? { kind: 'none' } : { kind: v.target.kind, id: v.target.id ?? '' },
      content: v.content.trim(),
      complainant,
      ...(v.attachments?.length ? { attachmentIds: v.attachments.map((a) => a.id) } : {}),
      requestId,
    };
    try {
      setFiled((await call(api.POST('/api/v1/complaints', { body }))).complaint);
      onFiled?.();
    } catch (e) {
      setMessages(showOnForm(form, e, FIELDS));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title="我要投诉" style={{ marginBottom: 16 }}>
      <FormMessages messages={messages} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="type" label="类型" extra="举报可以匿名">
          <Radio.Group
            options={(['complaint', 'report'] as const).map((t) => ({ value: t, label: COMPLAINT_TYPE[t] }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="投诉类别" rules={chosen('请选择投诉类别')}>
          <Radio.Group>
            {KINDS.map((k) => (
              <Radio key={k} value={k} style={{ display: 'flex', marginBottom: 4 }}>
                {COMPLAINT_KIND[k]}
                <Typography.Text type="secondary">（由{KIND_OFFICE[k]}办理）</Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {caseTarget ? (
          <Form.Item label="投诉对象">
            <Typography.Text>办件：{caseTarget.label}</Typography.Text>
            <Form.Item name={['target', 'kind']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={['target', 'id']} hidden>
              <Input />
            </Form.Item>
          </Form.Item>
        ) : (
          <>
            <Form.Item name={['target', 'kind']} label="投诉对象">
              <Radio.Group
                options={(['department', 'window', 'none'] as const).map((k) => ({
                  value: k,
                  label: k === 'none' ? '不指定' : k === 'department' ? '进驻部门' : '服务窗口',
                }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.target?.kind !== b.target?.kind}>
              {({ getFieldValue }) => {
                const kind = getFieldValue(['target', 'kind']) as ComplaintTargetKind;
                if (kind !== 'department' && kind !== 'window') return null;
                const options =
                  kind === 'department'
                    ? departments.map((d) => ({ value: d.code, label: d.name }))
                    : windows.map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }));
                return (
                  <Form.Item
                    name={['target', 'id']}
                    label={kind === 'department' ? '被投诉的部门' : '被投诉的窗口'}
                    rules={[{ required: true, message: kind === 'department' ? '请选择部门' : '请选择窗口' }]}
                  >
                    <select style={NATIVE_SELECT}>
                      <option value="">请选择</option>
                      {options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </Form.Item>
                );
              }}
            </Form.Item>
          </>
        )}
        <Form.Item
          name="content"
          label="投诉内容"
          extra="请写明时间、地点、经过和您的诉求（10至2000字）"
          rules={[
            { required: true, whitespace: true, message: '请填写投诉内容' },
            { min: 10, max: 2000, message: '投诉内容应为10至2000字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
          {({ getFieldValue }) => (
            <Form.Item
              name={['complainant', 'name']}
              label="姓名"
              rules={
                getFieldValue('type') === 'complaint'
                  ? [{ required: true, whitespace: true, message: '投诉须留姓名；匿名请选择“举报”' }]
                  : []
              }
            >
              <Input autoComplete="name" maxLength={50} />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item
          name={['complainant', 'phone']}
          label="手机号码"
          extra="用于告知受理和答复"
          rules={[{ pattern: /^\s*1[3-9][0-9]{9}\s*$/, message: '请填写11位手机号码' }]}
        >
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item
          name={['complainant', 'email']}
          label="电子邮箱"
          rules={[{ type: 'email', message: '邮箱格式不正确' }]}
        >
          <Input autoComplete="email" maxLength={254} />
        </Form.Item>
        {user ? (
          <ComplaintAttachmentsField tenant={tenant} />
        ) : (
          <Form.Item label="附件">
            <Typography.Text type="secondary">登录后可以上传照片、信件等附件。</Typography.Text>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={sending}>
          提交
        </Button>
        {user ? null : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            登录后提交，可在本页查看办理进度并评价答复。
            <Link to="/register" style={IN_TEXT_LINK}>
              注册
            </Link>
          </Typography.Paragraph>
        )}
      </Form>
    </Card>
  );
}
