import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { api, call } from '../../shared/api';
import { HANDLING_CATEGORY, ITEM_KINDS } from '../../shared/labels';
import { ApiError, formErrors, messageOf } from '../../shared/problem';
import { useLoad } from '../../shared/states';
import type { Item } from './model';

const FIELDS = ['name', 'basicCode', 'kind', 'handlingCategory', 'department'];

type NewItemValues = Pick<Item, 'name' | 'basicCode' | 'kind' | 'handlingCategory' | 'department'>;

/** 新建事项: an administrator starts a new item (edition 1, a draft) of their tenant, then fills it in the editor. */
export function NewItemButton({ tenant }: { tenant: string }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [rest, setRest] = useState<string[]>();
  const [form] = Form.useForm();
  const key = useRef<string>(undefined);
  const departments = useLoad(
    () =>
      open
        ? call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: tenant } } })).then(
            (r) => r.departments,
          )
        : Promise.resolve([]),
    [open, tenant],
  );

  async function create(values: NewItemValues) {
    setBusy(true);
    setRest(undefined);
    key.current ??= `item-${crypto.randomUUID()}`;
    try {
      const item = await call(
        api.POST('/api/v1/catalogue/items', {
          params: { header: { 'idempotency-key': key.current } },
          body: { tenant, ...values },
        }),
      );
      void navigate(`/catalogue/${item.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        // Field problems (a taken basic code too: the catalogue names the field) stand at their fields.
        const placed = formErrors(e.problem, FIELDS);
        // A message already at its field is not repeated above the form.
        placed.rest = placed.rest.filter((m) => m && !placed.fields.some((f) => f.errors.includes(m)));
        form.setFields(placed.fields);
        setRest(placed.rest.length > 0 ? placed.rest : undefined);
      } else setRest([messageOf(e)]);
      // A refused request may be corrected and sent again under a new key.
      key.current = undefined;
    }
    setBusy(false);
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新建事项
      </Button>
      <Modal
        title="新建事项"
        open={open}
        onCancel={() => setOpen(false)}
        okText="创建并编辑"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {rest ? (
          <Alert type="error" showIcon role="alert" message={rest.join('；')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: '01', handlingCategory: 'promised' }}
          onFinish={(v: NewItemValues) => void create(v)}
        >
          <Form.Item
            name="name"
            label="事项名称"
            rules={[
              { required: true, whitespace: true, message: '请填写事项名称' },
              { min: 2, max: 100, message: '事项名称应为 2～100 个字' },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="basicCode"
            label="基本编码"
            extra="12 位数字或大写字母，同一地区内唯一"
            rules={[{ required: true, pattern: /^[0-9A-Z]{12}$/, message: '基本编码应为 12 位数字或大写字母' }]}
          >
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item name="kind" label="事项类型">
            <Select options={ITEM_KINDS.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="handlingCategory" label="办件类型">
            <Select options={Object.entries(HANDLING_CATEGORY).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="department"
            label="实施部门"
            rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error('请选择实施部门'))) }]}
          >
            <Select
              loading={departments.loading}
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
