import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api, call } from '../../shared/api';
import type { Department, Window } from '../../api/types';
import { FormMessages } from '../../shared/form-messages';
import { ApiError } from '../../shared/problem';
import { idempotencyKey } from '../../portal/common/form-problem';
import { NativeSelect } from '../org/NativeSelect';
import { showOnForm } from '../org/form-errors';
import type { ItemRow } from '../catalogue/model';
import {
  agreementContent,
  agreementField,
  comprehensiveWindowsFor,
  valuesOf,
  type Agreement,
  type AgreementValues,
} from './agreement-format';

const FIELDS = [
  'department',
  'agreementNumber',
  'items',
  'windowIds',
  'transferWorkingDays',
  'replyWorkingDays',
  'signedOn',
  'validFrom',
  'validUntil',
] as const;

/**
 * 新建协议 / 修改协议: the department, the agreement number, the department's published items chosen by name, the
 * comprehensive windows that accept for it, the transfer and reply budgets and the dates. `editing` fixes the
 * department (the service keeps it). The service's refusals are shown at their fields.
 */
export function AgreementForm({
  open,
  editing,
  departments,
  windows,
  items,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: Agreement | undefined;
  departments: readonly Department[];
  windows: readonly Window[];
  items: readonly ItemRow[];
  onClose: () => void;
  onSaved: (a: Agreement, created: boolean) => void;
}) {
  const [form] = Form.useForm<AgreementValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [requestId, setRequestId] = useState(() => idempotencyKey('agreement'));
  const department = Form.useWatch('department', form) ?? editing?.department ?? '';
  // The department's published items, and the agreement's own (an item since retired stays choosable).
  const itemChoices = new Map<string, string>();
  for (const i of editing?.items ?? []) itemChoices.set(i.itemSeriesId, i.itemName || i.itemSeriesId);
  for (const i of items) {
    if (i.department === department && i.status === 'published') itemChoices.set(i.seriesId, i.name);
  }
  const windowChoices = comprehensiveWindowsFor(windows, department);

  const save = async (v: AgreementValues) => {
    setBusy(true);
    setErrors([]);
    try {
      const content = agreementContent({ ...v, department: editing?.department ?? v.department });
      const { agreement } = editing
        ? await call(
            api.PUT('/api/v1/joint-review/delegation/agreements/{id}', {
              params: { path: { id: editing.id } },
              body: { expectedVersion: editing.version, ...content },
            }),
          )
        : await call(api.POST('/api/v1/joint-review/delegation/agreements', { body: { requestId, ...content } }));
      form.resetFields();
      setRequestId(idempotencyKey('agreement'));
      onSaved(agreement, !editing);
    } catch (error) {
      // Refused: nothing was recorded, so the corrected agreement is a new request; after a 5xx or no answer the
      // same request id answers the agreement if it was recorded after all.
      if (error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) {
        setRequestId(idempotencyKey('agreement'));
      }
      setErrors(showOnForm(form, error, FIELDS, { ITEM_ALREADY_DELEGATED: 'items' }, agreementField));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={editing ? `修改协议：${editing.agreementNumber}` : '新建代受理协议'}
      open={open}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form<AgreementValues>
        form={form}
        name="agreement"
        layout="vertical"
        requiredMark
        preserve={false}
        initialValues={editing ? valuesOf(editing) : { items: [], windowIds: [] }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="department" label="委托部门" rules={[{ required: true, message: '请选择委托部门' }]}>
          <NativeSelect
            disabled={!!editing}
            placeholder="请选择委托部门"
            choices={departments.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="agreementNumber"
          label="协议编号"
          rules={[{ required: true, whitespace: true, message: '请填写协议编号' }]}
        >
          <Input maxLength={100} autoComplete="off" placeholder="如 永政务委〔2026〕1号" />
        </Form.Item>
        <Form.Item
          name="items"
          label="委托事项"
          extra={department ? '按名称搜索该部门已发布的事项，可选多个' : '请先选择委托部门'}
          // A validator, not `required`: antd would put aria-required on the select's outer div (axe refuses it).
          rules={[
            {
              validator: (_rule: unknown, value?: string[]) =>
                value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error('请至少选择一个委托事项')),
            },
          ]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            placeholder="输入事项名称搜索"
            notFoundContent="该部门没有已发布的事项"
            options={[...itemChoices].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="windowIds" label="代受理窗口" extra="不选则由本中心所有为该部门受理的综合窗口代受理">
          <Select
            mode="multiple"
            placeholder={windowChoices.length > 0 ? '选择综合窗口' : '没有为该部门受理的综合窗口'}
            options={windowChoices.map((w) => ({ value: w.id, label: `${w.name}（${w.number}）` }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="transferWorkingDays" label="转办时限（工作日）" extra="1至10，不填为默认">
            <InputNumber min={1} max={10} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="replyWorkingDays" label="回复时限（工作日）" extra="1至10，不填为默认">
            <InputNumber min={1} max={10} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validUntil" label="截止日期" extra="不填为终止前一直有效">
            <Input type="date" />
          </Form.Item>
        </div>
        <FormMessages messages={errors} />
      </Form>
    </Modal>
  );
}

/** 终止协议: the reason (如 转为进驻部门) and the day it ends (today when empty). */
export function TerminateForm({
  agreement,
  onClose,
  onDone,
  today,
}: {
  agreement: Agreement | undefined;
  onClose: () => void;
  onDone: (a: Agreement) => void;
  today: string;
}) {
  const [form] = Form.useForm<{ reason: string; terminatedOn?: string }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const save = async (v: { reason: string; terminatedOn?: string }) => {
    if (!agreement) return;
    setBusy(true);
    setErrors([]);
    try {
      const answer = await call(
        api.POST('/api/v1/joint-review/delegation/agreements/{id}/terminate', {
          params: { path: { id: agreement.id } },
          body: {
            expectedVersion: agreement.version,
            reason: v.reason,
            ...(v.terminatedOn ? { terminatedOn: v.terminatedOn } : {}),
          },
        }),
      );
      form.resetFields();
      onDone(answer.agreement);
    } catch (error) {
      setErrors(showOnForm(form, error, ['reason', 'terminatedOn']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={agreement ? `终止协议：${agreement.agreementNumber}` : '终止协议'}
      open={!!agreement}
      onCancel={onClose}
      okText="终止协议"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} name="terminate" layout="vertical" requiredMark preserve={false} onFinish={(v) => void save(v)}>
        <Form.Item
          name="reason"
          label="终止原因"
          rules={[{ required: true, whitespace: true, message: '请填写终止原因' }]}
        >
          <Input.TextArea maxLength={500} rows={3} placeholder="如 转为进驻部门" />
        </Form.Item>
        <Form.Item name="terminatedOn" label="终止日期" extra="今天或以后；不填为今天">
          <Input type="date" min={today} />
        </Form.Item>
        <p style={{ color: 'rgba(0,0,0,0.65)' }}>终止后，该部门事项不再由综合窗口代受理；已代受理的办件照常办完。</p>
        <FormMessages messages={errors} />
      </Form>
    </Modal>
  );
}
