import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { api, call } from '../../shared/api';
import { ApiError, formErrors, messageOf } from '../../shared/problem';
import type { Item } from './model';

/**
 * 停用事项: a published item taken out of service (the catalogue's RetireItem, 废止) with the reason, after the
 * administrator confirms in a dialog what it means for the public.
 */
export function RetireButton({ item, onRetired }: { item: Item; onRetired: (retired: Item) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [rest, setRest] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();

  async function retire({ reason }: { reason: string }) {
    setBusy(true);
    setRest(undefined);
    try {
      const retired = await call(
        api.POST('/api/v1/catalogue/items/{id}/retire', {
          params: { path: { id: item.id } },
          body: { reason, expectedVersion: item.version },
        }),
      );
      setOpen(false);
      onRetired(retired);
    } catch (e) {
      if (e instanceof ApiError) {
        const placed = formErrors(e.problem, ['reason']);
        form.setFields(placed.fields as never);
        const others = placed.rest.filter((m) => m && !placed.fields.some((f) => f.errors.includes(m)));
        setRest(others.length > 0 ? others.join('；') : undefined);
      } else setRest(messageOf(e));
    }
    setBusy(false);
  }

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        停用事项
      </Button>
      <Modal
        title="停用事项"
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认停用"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p>
          停用后，公众将不能再在网上办事大厅查到和申请“{item.name}
          ”；已受理的办件仍按原事项办结。停用不能撤销，如需恢复办理，请新建事项。
        </p>
        {rest ? <Alert type="error" showIcon role="alert" message={rest} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => void retire(v)}>
          <Form.Item
            name="reason"
            label="停用原因"
            extra="2～200 个字，如所依据的文件名称"
            rules={[{ required: true, whitespace: true, message: '请填写停用原因' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 删除草稿: a draft nobody has reviewed (never submitted) is deleted after a confirmation; then the list opens. */
export function DeleteDraftButton({ item, onError }: { item: Item; onError: (error: unknown) => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    try {
      await call(
        api.DELETE('/api/v1/catalogue/items/{id}', {
          params: { path: { id: item.id }, query: { expectedVersion: item.version } },
        }),
      );
      void navigate('/catalogue', { state: { deleted: `${item.name}（第 ${item.edition} 版）` } });
    } catch (e) {
      onError(e);
      setBusy(false);
    }
  }

  return (
    <Popconfirm
      title="删除草稿"
      description={`删除“${item.name}”第 ${item.edition} 版草稿？删除后不能恢复。`}
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => remove()}
    >
      <Button danger loading={busy}>
        删除草稿
      </Button>
    </Popconfirm>
  );
}

/** A draft may be deleted while it was never submitted: no submission, no review. */
export function deletable(item: Item): boolean {
  return item.status === 'draft' && !item.submittedAt && item.reviews.length === 0;
}
