import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import type { Department } from '../../api/types';
import { departmentName, departmentsOf } from './directory';
import { messageOf } from '../../shared/problem';
import { showOnForm } from './form-errors';
import { useSubmit } from '../../shared/use-submit';
import { NativeSelect } from './NativeSelect';
import { TenantSwitch, useOrgTenant } from './tenant';
import type { CreatedServiceAccount, ServiceAccount } from './types';
import { FormErrors } from './FormErrors';

const STATUS: Record<ServiceAccount['status'], [string, string]> = {
  provisioning: ['开通中', 'orange'],
  active: ['已启用', 'green'],
  disabled: ['已停用', 'default'],
};

interface AccountForm {
  department: string;
  clientId: string;
  description: string;
}
const FIELDS = ['department', 'clientId', 'description'];
/** The form's choice for a center account (ADR 0053): the request then names no department. */
const CENTER = 'center';
const CENTER_LABEL = '本中心平台服务（不限部门）';

function CreateAccount({
  tenant,
  departments,
  onCreated,
}: {
  tenant: string;
  departments: Department[];
  onCreated: (created: CreatedServiceAccount) => void;
}) {
  const [form] = Form.useForm<AccountForm>();
  const {
    errors,
    busy,
    submit: create,
  } = useSubmit(
    async (v: AccountForm) => {
      const created = await call(
        api.POST('/api/v1/identity/tenants/{code}/service-accounts', {
          params: { path: { code: tenant } },
          body: {
            ...(v.department === CENTER ? {} : { department: v.department }),
            clientId: v.clientId.trim(),
            description: v.description.trim(),
          },
        }),
      );
      form.resetFields();
      onCreated(created);
    },
    (error) => showOnForm(form, error, FIELDS, { CLIENT_ID_TAKEN: 'clientId', DEPARTMENT_NOT_FOUND: 'department' }),
  );
  return (
    <Form
      form={form}
      name="account"
      layout="vertical"
      requiredMark
      onFinish={(v) => void create(v)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        name="department"
        label="绑定的部门"
        extra="部门业务系统绑定其部门；本中心的平台服务（如联审服务）不绑定部门，可办理本中心各部门的业务"
        rules={[{ required: true, message: '请选择绑定的部门' }]}
      >
        <NativeSelect
          choices={[
            ...departments.map((d) => ({ value: d.code, label: d.name })),
            { value: CENTER, label: CENTER_LABEL },
          ]}
          placeholder="请选择部门"
        />
      </Form.Item>
      <Form.Item
        name="clientId"
        label="客户端标识"
        extra="3至50位小写字母、数字或连字符，以字母开头，如 scjg-approval；部门系统用它换取访问令牌"
        rules={[
          { required: true, whitespace: true, message: '请填写客户端标识' },
          { pattern: /^[a-z][a-z0-9-]{2,49}$/, message: '客户端标识应为3至50位小写字母、数字或连字符，以字母开头' },
        ]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="description"
        label="用途说明"
        rules={[
          { required: true, whitespace: true, message: '请填写用途说明' },
          { min: 2, max: 200, message: '用途说明应为2至200个字' },
        ]}
      >
        <Input maxLength={200} placeholder="如“市场监管审批系统”" />
      </Form.Item>
      <FormErrors errors={errors} />
      <Button type="primary" htmlType="submit" loading={busy}>
        创建服务账号
      </Button>
    </Form>
  );
}

/** The secret of a new account, shown this once: copyable, with what to do with it. */
function SecretOnce({
  created,
  title = '服务账号已创建',
  onClose,
}: {
  created: CreatedServiceAccount;
  title?: string;
  onClose: () => void;
}) {
  return (
    <Modal
      title={title}
      open
      closable={false}
      maskClosable={false}
      keyboard={false}
      onOk={onClose}
      okText="我已妥善保存密钥"
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="客户端密钥只显示这一次"
        description="请立即复制并存入部门系统的密钥库；关闭后无法再次查看。不要通过聊天工具、邮件或截图传递密钥。"
      />
      <p style={{ margin: '0 0 4px' }}>客户端标识</p>
      <Typography.Paragraph copyable={{ tooltips: ['复制', '已复制'] }} code>
        {created.serviceAccount.clientId}
      </Typography.Paragraph>
      <p style={{ margin: '0 0 4px' }}>客户端密钥</p>
      <Typography.Paragraph copyable={{ tooltips: ['复制密钥', '已复制'] }} code data-testid="client-secret">
        {created.clientSecret}
      </Typography.Paragraph>
    </Modal>
  );
}

/** 更换密钥: a new secret (shown once by SecretOnce); the old one stops working at once. */
function RotateSecret({
  account,
  onRotated,
}: {
  account: ServiceAccount;
  onRotated: (c: CreatedServiceAccount) => void;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const rotate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const c = await call(
        api.POST('/api/v1/identity/service-accounts/{id}/secret', { params: { path: { id: account.id } } }),
      );
      setOpen(false);
      onRotated(c);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" aria-label={`更换密钥：${account.clientId}`} onClick={() => setOpen(true)}>
        更换密钥
      </Button>
      <Modal
        title={`更换密钥：${account.clientId}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认更换"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void rotate()}
      >
        <p>更换后旧密钥立即失效，部门系统须改用新密钥才能继续调用接口。新密钥只显示一次。</p>
        {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
      </Modal>
    </>
  );
}

function DisableAccount({ account, onDisabled }: { account: ServiceAccount; onDisabled: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const {
    errors,
    busy,
    submit: save,
  } = useSubmit(
    async (v: { reason?: string }) => {
      await call(
        api.POST('/api/v1/identity/service-accounts/{id}/disable', {
          params: { path: { id: account.id } },
          body: { reason: (v.reason ?? '').trim() },
        }),
      );
      setOpen(false);
      onDisabled();
    },
    (error) => showOnForm(form, error, ['reason']),
  );
  return (
    <>
      <Button size="small" danger aria-label={`停用账号：${account.clientId}`} onClick={() => setOpen(true)}>
        停用账号
      </Button>
      <Modal
        title={`停用服务账号：${account.clientId}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认停用"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <p>停用后该系统不能再取得访问令牌，已取得的令牌最迟5分钟内失效；停用不能撤销。</p>
        <Form form={form} name={`disable-${account.id}`} layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <Form.Item name="reason" label="停用原因">
            <Input maxLength={200} />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

/** 服务账号: the department systems that call GovHall's API, each bound to a department, and center accounts. */
export default function ServiceAccountsPage() {
  const { current, editable } = useOrgTenant();
  const code = current.code;
  const data = useLoad(async () => {
    const [accounts, departments] = await Promise.all([
      call(api.GET('/api/v1/identity/tenants/{code}/service-accounts', { params: { path: { code } } })),
      departmentsOf(code),
    ]);
    return { accounts: accounts.serviceAccounts, departments };
  }, [code]);
  const [created, setCreated] = useState<CreatedServiceAccount>();
  const [rotated, setRotated] = useState<CreatedServiceAccount>();
  const departments = data.data?.departments ?? [];
  return (
    <>
      <PageTitle
        title="服务账号"
        extra="部门业务系统通过服务账号调用政务服务平台的接口，只能办理所绑定部门的业务；本中心平台服务账号可办理本中心各部门的业务。"
      />
      <TenantSwitch />
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      <Panel title="已有服务账号">
        {data.data ? (
          data.data.accounts.length > 0 ? (
            <Table
              rowKey="id"
              size="small"
              dataSource={data.data.accounts}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '客户端标识', dataIndex: 'clientId' },
                { title: '用途说明', dataIndex: 'description' },
                {
                  title: '绑定的部门',
                  dataIndex: 'department',
                  render: (d: string) => (d ? departmentName(departments, d) : CENTER_LABEL),
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: ServiceAccount['status']) => <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag>,
                },
                { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => dateTime(t) },
                ...(editable
                  ? [
                      {
                        title: '操作',
                        key: 'actions',
                        render: (_: unknown, a: ServiceAccount) =>
                          a.status === 'active' ? (
                            <span style={{ display: 'inline-flex', gap: 8 }}>
                              <RotateSecret account={a} onRotated={setRotated} />
                              <DisableAccount account={a} onDisabled={data.reload} />
                            </span>
                          ) : (
                            '—'
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          ) : (
            <EmptyState text="还没有服务账号。" />
          )
        ) : data.loading ? (
          <Loading />
        ) : null}
      </Panel>
      {editable && data.data ? (
        <Panel title="新建服务账号">
          <CreateAccount
            tenant={code}
            departments={departments}
            onCreated={(c) => {
              setCreated(c);
              data.reload();
            }}
          />
        </Panel>
      ) : null}
      {created ? <SecretOnce created={created} onClose={() => setCreated(undefined)} /> : null}
      {rotated ? <SecretOnce created={rotated} title="已更换客户端密钥" onClose={() => setRotated(undefined)} /> : null}
    </>
  );
}
