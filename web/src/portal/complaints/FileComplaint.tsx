import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Form, Typography } from 'antd';
import { useAuth } from '../../shared/auth';
import type { Complaint } from '../../api/types';
import { ComplaintAttachmentsField } from '../../shared/complaint-attachments';
import {
  COMPLAINT_FIELDS,
  ComplaintFields,
  complaintStart,
  fileComplaint,
  FiledNotice,
} from '../../shared/complaint-form';
import type { CaseTarget, ComplaintValues } from '../../shared/complaint-form';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { IN_TEXT_LINK, idempotencyKey } from '../common/form-problem';

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
  const [form] = Form.useForm<ComplaintValues>();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [filed, setFiled] = useState<Complaint>();
  const [requestId, setRequestId] = useState(() => idempotencyKey('complaint'));
  const initialValues = useMemo(() => complaintStart(caseTarget), [caseTarget]);

  if (filed) {
    return (
      <FiledNotice
        c={filed}
        done="已提交"
        tail={user ? '您可以在下方“我的投诉”查看办理进度并评价答复。' : '答复将通过您留下的手机号码或电子邮箱告知。'}
      >
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
      </FiledNotice>
    );
  }

  const submit = async (v: ComplaintValues) => {
    setSending(true);
    setMessages([]);
    try {
      setFiled(await fileComplaint(tenant, v, requestId));
      onFiled?.();
    } catch (e) {
      setMessages(showOnForm(form, e, COMPLAINT_FIELDS));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title="我要投诉" style={{ marginBottom: 16 }}>
      <FormMessages messages={messages} />
      <Form<ComplaintValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        style={{ maxWidth: 640 }}
      >
        <ComplaintFields tenant={tenant} caseTarget={caseTarget} by="complainant" />
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
