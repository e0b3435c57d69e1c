import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Form, Input, InputNumber, Radio } from 'antd';
import { api, call } from '../shared/api';
import { tenantOf, useAuth } from '../shared/auth';
import { FormMessages, showOnForm } from '../shared/form-messages';
import { PageTitle } from '../shared/layout';
import { Panel } from '../shared/states';
import { ORDER_TARGET_KIND_NAMES } from './labels';
import type { Order } from './types';

interface IssueValues {
  targetKind: Order['targetKind'];
  targetId: string;
  subject: string;
  requirement: string;
  deadlineWorkingDays: number;
  responsibleDepartment: string;
  responsiblePerson?: string;
}
const FIELDS = [
  'targetKind',
  'targetId',
  'subject',
  'requirement',
  'deadlineWorkingDays',
  'responsibleDepartment',
  'responsiblePerson',
] as const;

const TARGET_OPTIONS = Object.entries(ORDER_TARGET_KIND_NAMES).map(([value, label]) => ({ value, label }));

/**
 * 发出督办: the target (a case from its clock page: ?targetKind=case&targetId=…&department=…), the requirement, the
 * deadline in working days and who answers. The form asks only that each field is filled: the service's rules
 * (formats, ranges, the own tenant's departments) come back in Chinese under each field.
 */
export default function OrderForm() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<IssueValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  // One id per form: a retry after a lost answer gets the first order, not a second one.
  const [requestId] = useState(() => crypto.randomUUID());
  const submit = async (values: IssueValues) => {
    setBusy(true);
    setErrors([]);
    try {
      const answer = await call(
        api.POST('/api/v1/supervision/orders', {
          body: {
            ...values,
            responsiblePerson: values.responsiblePerson?.trim() || undefined,
            tenant: tenantOf(user),
            requestId,
          },
        }),
      );
      navigate(`/orders/${answer.order.id}`);
    } catch (e) {
      setErrors(showOnForm(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle title="发出督办" />
      <Panel>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            targetKind: params.get('targetKind') ?? 'case',
            targetId: params.get('targetId') ?? '',
            responsibleDepartment: params.get('department') ?? '',
            responsiblePerson: params.get('person') ?? '',
            deadlineWorkingDays: 5,
          }}
        >
          {/* Always chosen (it starts at 办件); a rule would put aria-required on the radio group's div, which axe refuses. */}
          <Form.Item name="targetKind" label="督办对象类型">
            <Radio.Group options={TARGET_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="targetId"
            label="督办对象（办件标识、部门编码或窗口标识）"
            rules={[{ required: true, whitespace: true, message: '请填写督办对象' }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="subject"
            label="督办事由"
            rules={[{ required: true, whitespace: true, message: '请填写督办事由' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="requirement"
            label="督办要求"
            rules={[{ required: true, whitespace: true, message: '请填写督办要求' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="deadlineWorkingDays"
            label="办理期限（工作日，自督办次日起算）"
            rules={[{ required: true, message: '请填写办理期限' }]}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="responsibleDepartment"
            label="责任部门编码"
            rules={[{ required: true, whitespace: true, message: '请填写责任部门编码' }]}
          >
            <Input maxLength={40} placeholder="如 620321-SCJG" />
          </Form.Item>
          <Form.Item name="responsiblePerson" label="责任人用户名（不填：由责任部门负责人答复）">
            <Input maxLength={40} />
          </Form.Item>
          <FormMessages messages={errors} />
          <Button type="primary" htmlType="submit" loading={busy}>
            发出督办
          </Button>
        </Form>
      </Panel>
    </>
  );
}
