import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { ComplaintChannelInfo } from '../../api/types';
import { ComplaintChannelDetails, readComplaintChannel } from '../../shared/complaint-channel';
import { ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import { useSubmit } from '../../shared/use-submit';
import { FormErrors } from './FormErrors';
import { showOnForm } from './form-errors';

type ChannelForm = Pick<ComplaintChannelInfo, 'unit' | 'phone' | 'address' | 'procedure'>;
const FIELDS = ['unit', 'phone', 'address', 'procedure'];

/**
 * 投诉渠道 (C14): the unit that takes the tenant's complaints, its phone, address and procedure, published on the
 * portal's 投诉和举报 page; set by the center's own administrator.
 */
export function ComplaintChannelPanel({ tenant, editable }: { tenant: string; editable: boolean }) {
  const loaded = useLoad(() => readComplaintChannel(tenant), [tenant]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ChannelForm>();
  const channel = loaded.data;
  const { errors, busy, submit, clear } = useSubmit(
    async (v: ChannelForm) => {
      await call(
        api.PUT('/api/v1/complaints/channels/{tenant}', {
          params: { path: { tenant } },
          body: {
            unit: v.unit.trim(),
            phone: v.phone.trim(),
            address: v.address.trim(),
            procedure: v.procedure.trim(),
            expectedVersion: channel?.version ?? 0,
          },
        }),
      );
      setEditing(false);
      loaded.reload();
    },
    (error) => showOnForm(form, error, FIELDS),
  );
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (channel === undefined) return <Loading text="正在读取投诉渠道…" />;
  return (
    <Panel title="投诉渠道">
      {channel ? (
        <ComplaintChannelDetails channel={channel} />
      ) : (
        <Typography.Paragraph type="secondary">
          尚未公布投诉渠道：网上办事大厅的“投诉和举报”页不显示受理单位和电话。
        </Typography.Paragraph>
      )}
      {editable ? (
        <Button
          onClick={() => {
            form.setFieldsValue(channel ?? {});
            clear();
            setEditing(true);
          }}
        >
          {channel ? '修改投诉渠道' : '公布投诉渠道'}
        </Button>
      ) : null}
      <Modal
        title="投诉渠道"
        open={editing}
        onCancel={() => setEditing(false)}
        okText="保存并公布"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} name="complaint-channel" layout="vertical" requiredMark onFinish={(v) => void submit(v)}>
          <Form.Item
            name="unit"
            label="受理单位"
            rules={[{ required: true, whitespace: true, message: '请填写受理单位' }]}
          >
            <Input maxLength={100} placeholder="永昌县政务服务中心效能监察室" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="投诉电话"
            rules={[{ required: true, whitespace: true, message: '请填写投诉电话' }]}
          >
            <Input maxLength={20} placeholder="0935-7521234" />
          </Form.Item>
          <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="procedure"
            label="投诉处理程序"
            rules={[
              { required: true, whitespace: true, message: '请填写投诉处理程序' },
              { min: 10, message: '投诉处理程序至少10个字' },
            ]}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 4 }} />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </Panel>
  );
}
