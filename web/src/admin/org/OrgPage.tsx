import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Radio, Table, Tag, type FormInstance } from 'antd';
import { api, call } from '../../shared/api';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import type { Department, Tenant, Window } from '../../api/types';
import { allStaff, departmentName, departmentsOf, windowsOf } from './directory';
import { showOnForm } from './form-errors';
import { useSubmit } from '../../shared/use-submit';
import { NativeSelect, radioGroup, type Choice } from './NativeSelect';
import { TenantSwitch, useOrgTenant } from './tenant';
import type { StaffMember, WindowKind } from './types';
import { FormErrors } from './FormErrors';
import { ComplaintChannelPanel } from './ComplaintChannelPanel';

const LEVEL: Record<Tenant['level'], string> = {
  city: '市',
  district: '区',
  county: '县',
  town: '镇（街道）',
  village: '村（社区）',
};
const WINDOW_KIND: Record<WindowKind, string> = { department: '部门窗口', comprehensive: '综合窗口' };

interface CenterForm {
  name: string;
  address: string;
  hours: string;
  phones: string;
}

/** The tenant's service center: what the portal shows under every page; editable by its own administrator. */
function CenterPanel({ tenant, editable, onSaved }: { tenant: Tenant; editable: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<CenterForm>();
  const closes = useLoad(
    () =>
      call(api.GET('/api/v1/cases/settings/{tenant}', { params: { path: { tenant: tenant.code } } })).then(
        (s) => s.hallClosesAt,
        () => undefined,
      ),
    [tenant.code],
  );
  const {
    errors,
    busy,
    submit: save,
    clear,
  } = useSubmit(
    async (v: CenterForm) => {
      await call(
        api.PUT('/api/v1/identity/tenants/{code}/center', {
          params: { path: { code: tenant.code } },
          body: {
            name: v.name.trim(),
            address: v.address.trim(),
            hours: v.hours.trim(),
            phones: v.phones
              .split(/[、,，;；\s]+/)
              .map((p) => p.trim())
              .filter(Boolean),
            expectedVersion: tenant.version,
          },
        }),
      );
      setEditing(false);
      onSaved();
    },
    (error) =>
      showOnForm(form, error, ['name', 'address', 'hours', 'phones'], {}, (n) => n.replace(/^phones\.\d+$/, 'phones')),
  );
  return (
    <Panel title="政务服务中心">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="所属区划">
          {tenant.name}（{LEVEL[tenant.level]}，{tenant.code}）
        </Descriptions.Item>
        <Descriptions.Item label="中心名称">{tenant.center.name}</Descriptions.Item>
        <Descriptions.Item label="地址">{tenant.center.address}</Descriptions.Item>
        <Descriptions.Item label="办公时间">{tenant.center.hours}</Descriptions.Item>
        <Descriptions.Item label="咨询电话">{tenant.center.phones.join('、')}</Descriptions.Item>
        <Descriptions.Item label="大厅关门时间">
          {closes.data ?? (closes.loading ? '…' : '17:00（默认）')}
        </Descriptions.Item>
      </Descriptions>
      {editable ? (
        <Button
          onClick={() => {
            form.setFieldsValue({ ...tenant.center, phones: tenant.center.phones.join('、') });
            clear();
            setEditing(true);
          }}
        >
          修改中心信息
        </Button>
      ) : null}
      <Modal
        title="修改中心信息"
        open={editing}
        onCancel={() => setEditing(false)}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} name="center" layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <Form.Item
            name="name"
            label="中心名称"
            rules={[{ required: true, whitespace: true, message: '请填写中心名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="hours"
            label="办公时间"
            rules={[{ required: true, whitespace: true, message: '请填写办公时间' }]}
          >
            <Input maxLength={100} placeholder="周一至周五 9:00-12:00 14:30-17:30" />
          </Form.Item>
          <Form.Item
            name="phones"
            label="咨询电话"
            extra="1至5个号码，用顿号分隔，如 0935-7521234、12345"
            rules={[{ required: true, whitespace: true, message: '请至少填写一个咨询电话' }]}
          >
            <Input />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </Panel>
  );
}

interface DepartmentForm {
  abbreviation: string;
  name: string;
}

function EditDepartment({ department, onSaved }: { department: Department; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const {
    errors,
    busy,
    submit: save,
    clear,
  } = useSubmit(
    async (v: { name: string }) => {
      await call(
        api.PUT('/api/v1/identity/departments/{code}', {
          params: { path: { code: department.code } },
          body: { name: v.name.trim(), expectedVersion: department.version },
        }),
      );
      setOpen(false);
      onSaved();
    },
    (error) => showOnForm(form, error, ['name']),
  );
  return (
    <>
      <Button
        size="small"
        aria-label={`修改部门：${department.name}`}
        onClick={() => {
          form.setFieldsValue({ name: department.name });
          clear();
          setOpen(true);
        }}
      >
        修改部门
      </Button>
      <Modal
        title={`修改部门 ${department.code}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          name={`department-${department.code}`}
          layout="vertical"
          requiredMark
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="name"
            label="部门名称"
            extra="部门编码不变，已办理的事项和人员不受影响"
            rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

function DepartmentsPanel({
  tenant,
  editable,
  departments,
  onCreated,
}: {
  tenant: string;
  editable: boolean;
  departments: Department[];
  onCreated: () => void;
}) {
  const [form] = Form.useForm<DepartmentForm>();
  const [created, setCreated] = useState<string>();
  const {
    errors,
    busy,
    submit: create,
  } = useSubmit(
    async (v: DepartmentForm) => {
      setCreated(undefined);
      const d = await call(
        api.POST('/api/v1/identity/tenants/{code}/departments', {
          params: { path: { code: tenant } },
          body: { abbreviation: v.abbreviation.trim(), name: v.name.trim() },
        }),
      );
      setCreated(`已添加进驻部门：${d.name}（${d.code}）`);
      form.resetFields();
      onCreated();
    },
    (error) => showOnForm(form, error, ['abbreviation', 'name'], { DEPARTMENT_EXISTS: 'abbreviation' }),
  );
  return (
    <Panel title="进驻部门">
      {departments.length > 0 ? (
        <Table
          rowKey="code"
          size="small"
          dataSource={departments}
          pagination={departments.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '部门编码', dataIndex: 'code' },
            { title: '部门名称', dataIndex: 'name' },
            ...(editable
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, d: Department) => <EditDepartment department={d} onSaved={onCreated} />,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <EmptyState text="还没有进驻部门。" />
      )}
      {editable ? (
        <Form
          form={form}
          name="department"
          layout="vertical"
          requiredMark
          onFinish={(v) => void create(v)}
          style={{ marginTop: 16, maxWidth: 640 }}
          aria-label="添加进驻部门"
        >
          <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>添加进驻部门</h3>
          <Form.Item
            name="abbreviation"
            label="部门简称"
            extra={`大写字母开头的2至12位大写字母或数字，如 SCJG；部门编码为 ${tenant}-简称，添加后不能修改`}
            rules={[
              { required: true, whitespace: true, message: '请填写部门简称' },
              { pattern: /^[A-Z][A-Z0-9]{1,11}$/, message: '部门简称应为大写字母开头的2至12位大写字母或数字，如 SCJG' },
            ]}
          >
            <Input maxLength={12} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label="部门名称"
            rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}
          >
            <Input maxLength={50} placeholder="如“永昌县市场监督管理局”" />
          </Form.Item>
          <FormErrors errors={errors} />
          {created ? (
            <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={created} />
          ) : null}
          <Button htmlType="submit" loading={busy}>
            添加部门
          </Button>
        </Form>
      ) : null}
    </Panel>
  );
}

interface WindowForm {
  number: string;
  name: string;
  kind: WindowKind;
  department: string;
  servesDepartments?: string[];
  aPostStaffId?: string;
  bPostStaffId?: string;
  location?: string;
}
const WINDOW_FIELDS = [
  'number',
  'name',
  'kind',
  'department',
  'servesDepartments',
  'aPostStaffId',
  'bPostStaffId',
  'location',
];

/** The departments a window serves: those picked for a comprehensive window, else its own. */
const servedBy = (v: WindowForm) => (v.kind === 'comprehensive' ? (v.servesDepartments ?? []) : [v.department]);

/** A window form's error at its fields: a taken number at the number, a served department's at the list. */
const showWindowErrors = (form: FormInstance<WindowForm>, error: unknown) =>
  showOnForm(form, error, WINDOW_FIELDS, { WINDOW_NUMBER_TAKEN: 'number' }, (n) =>
    n.replace(/^servesDepartments\.\d+$/, 'servesDepartments'),
  );

const staffLabel = (s: StaffMember) => `${s.displayName}（${s.username}）`;

/** Who may hold a post: active staff of the window's department, or of the departments it serves. */
function postChoices(staff: StaffMember[], departments: string[]): Choice[] {
  return staff
    .filter((s) => s.status === 'active' && s.department && departments.includes(s.department))
    .map((s) => ({ value: s.id, label: staffLabel(s) }));
}

function WindowFormFields({
  form,
  departments,
  staff,
  posts = true,
}: {
  form: ReturnType<typeof Form.useForm<WindowForm>>[0];
  departments: Department[];
  staff: StaffMember[];
  /** false: the posts are not edited here (changing a window keeps its people; 调整AB岗 changes them). */
  posts?: boolean;
}) {
  const kind = Form.useWatch('kind', form);
  const department = Form.useWatch('department', form);
  const serves = Form.useWatch('servesDepartments', form);
  const scope = kind === 'comprehensive' ? (serves ?? []) : department ? [department] : [];
  const choices = postChoices(staff, scope);
  const postHint =
    scope.length === 0
      ? '请先选择所属部门（综合窗口：受理的部门）'
      : choices.length === 0
        ? '这些部门还没有在岗人员'
        : undefined;
  return (
    <>
      <Form.Item
        name="number"
        label="窗口号"
        extra="1至3位数字，可加一个大写字母前缀，如 A03、12；本中心内不能重复"
        rules={[
          { required: true, whitespace: true, message: '请填写窗口号' },
          { pattern: /^[A-Z]?[0-9]{1,3}$/, message: '窗口号应为1至3位数字，可加一个大写字母前缀，如 A03、12' },
        ]}
      >
        <Input maxLength={4} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label="窗口名称" rules={[{ required: true, whitespace: true, message: '请填写窗口名称' }]}>
        <Input maxLength={50} placeholder="如“市场监管综合受理窗口”" />
      </Form.Item>
      <Form.Item name="kind" label="窗口类型" rules={[{ required: true, message: '请选择窗口类型' }]}>
        <Radio.Group {...radioGroup('窗口类型')}>
          <Radio value="department">部门窗口（受理本部门事项）</Radio>
          <Radio value="comprehensive">综合窗口（受理多个部门事项）</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="department" label="所属部门" rules={[{ required: true, message: '请选择所属部门' }]}>
        <NativeSelect choices={departments.map((d) => ({ value: d.code, label: d.name }))} placeholder="请选择部门" />
      </Form.Item>
      {kind === 'comprehensive' ? (
        <Form.Item name="servesDepartments" label="受理的部门" extra="综合窗口至少受理两个部门的事项">
          <Checkbox.Group options={departments.map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
      ) : null}
      {posts ? (
        <>
          <Form.Item name="aPostStaffId" label="A岗（主岗）" extra={postHint ?? '日常受理的人员'}>
            <NativeSelect choices={choices} placeholder="请选择人员" />
          </Form.Item>
          <Form.Item
            name="bPostStaffId"
            label="B岗（备岗）"
            extra={postHint ?? 'A岗请假或停用时由B岗顶岗受理，须与A岗不同'}
          >
            <NativeSelect choices={choices} placeholder="请选择人员" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="location" label="位置">
        <Input maxLength={100} placeholder="如“一楼东侧”" />
      </Form.Item>
    </>
  );
}

function CreateWindow({
  tenant,
  departments,
  staff,
  onCreated,
}: {
  tenant: string;
  departments: Department[];
  staff: StaffMember[];
  onCreated: (w: Window) => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<WindowForm>();
  const {
    errors,
    busy,
    submit: create,
  } = useSubmit(
    async (v: WindowForm) => {
      const w = await call(
        api.POST('/api/v1/identity/tenants/{code}/windows', {
          params: { path: { code: tenant } },
          body: {
            number: v.number.trim(),
            name: v.name.trim(),
            kind: v.kind,
            department: v.department,
            servesDepartments: servedBy(v),
            ...(v.aPostStaffId ? { aPostStaffId: v.aPostStaffId } : {}),
            ...(v.bPostStaffId ? { bPostStaffId: v.bPostStaffId } : {}),
            ...(v.location?.trim() ? { location: v.location.trim() } : {}),
          },
        }),
      );
      setOpen(false);
      form.resetFields();
      onCreated(w);
    },
    (error) => showWindowErrors(form, error),
  );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新增窗口
      </Button>
      <Modal
        title="新增窗口"
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存窗口"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          name="window"
          layout="vertical"
          requiredMark
          initialValues={{ kind: 'department' }}
          onFinish={(v) => void create(v)}
        >
          <WindowFormFields form={form} departments={departments} staff={staff} />
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

function EditWindow({
  window,
  departments,
  staff,
  onSaved,
}: {
  window: Window;
  departments: Department[];
  staff: StaffMember[];
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<WindowForm>();
  const {
    errors,
    busy,
    submit: save,
    clear,
  } = useSubmit(
    async (v: WindowForm) => {
      await call(
        api.PUT('/api/v1/identity/windows/{id}', {
          params: { path: { id: window.id } },
          body: {
            number: v.number.trim(),
            name: v.name.trim(),
            kind: v.kind,
            department: v.department,
            servesDepartments: servedBy(v),
            location: v.location?.trim() ?? '',
            expectedVersion: window.version,
          },
        }),
      );
      setOpen(false);
      onSaved();
    },
    (error) => showWindowErrors(form, error),
  );
  return (
    <>
      <Button
        size="small"
        aria-label={`修改窗口：${window.number} 号窗口`}
        onClick={() => {
          form.setFieldsValue({
            number: window.number,
            name: window.name,
            kind: window.kind,
            department: window.department,
            servesDepartments: window.servesDepartments,
            location: window.location,
          });
          clear();
          setOpen(true);
        }}
      >
        修改窗口
      </Button>
      <Modal
        title={`修改 ${window.number} 号窗口`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form form={form} name={`window-${window.id}`} layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <WindowFormFields form={form} departments={departments} staff={staff} posts={false} />
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="A岗、B岗人员不在此修改（用“调整AB岗”），他们须属于修改后的所属部门或受理部门。"
          />
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

interface PostsForm {
  aPostStaffId?: string;
  bPostStaffId?: string;
}

function AssignPosts({ window, staff, onSaved }: { window: Window; staff: StaffMember[]; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PostsForm>();
  const choices = postChoices(staff, window.kind === 'comprehensive' ? window.servesDepartments : [window.department]);
  const {
    errors,
    busy,
    submit: save,
    clear,
  } = useSubmit(
    async (v: PostsForm) => {
      await call(
        api.PUT('/api/v1/identity/windows/{id}/posts', {
          params: { path: { id: window.id } },
          body: {
            ...(v.aPostStaffId ? { aPostStaffId: v.aPostStaffId } : {}),
            ...(v.bPostStaffId ? { bPostStaffId: v.bPostStaffId } : {}),
            expectedVersion: window.version,
          },
        }),
      );
      setOpen(false);
      onSaved();
    },
    (error) => showOnForm(form, error, ['aPostStaffId', 'bPostStaffId']),
  );
  return (
    <>
      <Button
        size="small"
        aria-label={`调整AB岗：${window.number} 号窗口`}
        onClick={() => {
          form.setFieldsValue({ aPostStaffId: window.aPostStaffId, bPostStaffId: window.bPostStaffId });
          clear();
          setOpen(true);
        }}
      >
        调整AB岗
      </Button>
      <Modal
        title={`调整 ${window.number} 号窗口的AB岗`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form form={form} name={`posts-${window.id}`} layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <Form.Item name="aPostStaffId" label="A岗（主岗）">
            <NativeSelect choices={choices} placeholder="请选择人员" />
          </Form.Item>
          <Form.Item name="bPostStaffId" label="B岗（备岗）" extra="A岗请假或停用时由B岗顶岗受理">
            <NativeSelect choices={choices} placeholder="请选择人员" />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

function WindowsPanel({
  tenant,
  editable,
  departments,
  staff,
  windows,
  onChanged,
}: {
  tenant: string;
  editable: boolean;
  departments: Department[];
  staff: StaffMember[];
  windows: Window[];
  onChanged: () => void;
}) {
  const [created, setCreated] = useState<string>();
  const name = (id?: string) => {
    if (!id) return <span style={{ color: '#a8071a' }}>未指定</span>;
    const s = staff.find((p) => p.id === id);
    return s ? staffLabel(s) : '（不在本中心人员名单中）';
  };
  return (
    <Panel title="窗口与AB岗">
      {editable ? (
        <div style={{ marginBottom: 12 }}>
          <CreateWindow
            tenant={tenant}
            departments={departments}
            staff={staff}
            onCreated={(w) => {
              setCreated(`已新增 ${w.number} 号窗口：${w.name}`);
              onChanged();
            }}
          />
        </div>
      ) : null}
      {created ? <Alert type="success" showIcon role="status" style={{ marginBottom: 12 }} message={created} /> : null}
      {windows.length > 0 ? (
        <Table
          rowKey="id"
          size="small"
          dataSource={[...windows].sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }))}
          pagination={windows.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '窗口号', dataIndex: 'number' },
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', render: (k: WindowKind) => <Tag>{WINDOW_KIND[k]}</Tag> },
            {
              title: '所属部门 / 受理部门',
              key: 'departments',
              render: (_: unknown, w: Window) =>
                w.kind === 'comprehensive'
                  ? w.servesDepartments.map((d) => departmentName(departments, d)).join('、')
                  : departmentName(departments, w.department),
            },
            { title: 'A岗（主岗）', key: 'a', render: (_: unknown, w: Window) => name(w.aPostStaffId) },
            { title: 'B岗（备岗）', key: 'b', render: (_: unknown, w: Window) => name(w.bPostStaffId) },
            { title: '位置', dataIndex: 'location', render: (l?: string) => l || '—' },
            ...(editable
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, w: Window) => (
                      <span style={{ display: 'inline-flex', gap: 8 }}>
                        <EditWindow window={w} departments={departments} staff={staff} onSaved={onChanged} />
                        <AssignPosts window={w} staff={staff} onSaved={onChanged} />
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <EmptyState text="还没有窗口。" />
      )}
    </Panel>
  );
}

/** 机构与窗口: the service center, its seated departments, and its windows with their A and B posts. */
export default function OrgPage() {
  const { current, editable } = useOrgTenant();
  const code = current.code;
  const data = useLoad(async () => {
    const [tenant, departments, windows, staff] = await Promise.all([
      call(api.GET('/api/v1/identity/tenants/{code}', { params: { path: { code } } })),
      departmentsOf(code),
      windowsOf(code),
      allStaff(code),
    ]);
    return { tenant, departments, windows, staff };
  }, [code]);
  return (
    <>
      <PageTitle title="机构与窗口" extra="中心信息显示在网上办事大厅每个页面的底部；窗口的A岗请假时由B岗顶岗受理。" />
      <TenantSwitch />
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {data.data ? (
        <>
          <CenterPanel tenant={data.data.tenant} editable={editable} onSaved={data.reload} />
          <ComplaintChannelPanel tenant={code} editable={editable} />
          <DepartmentsPanel
            tenant={code}
            editable={editable}
            departments={data.data.departments}
            onCreated={data.reload}
          />
          <WindowsPanel
            tenant={code}
            editable={editable}
            departments={data.data.departments}
            staff={data.data.staff}
            windows={data.data.windows}
            onChanged={data.reload}
          />
        </>
      ) : data.loading ? (
        <Loading />
      ) : null}
    </>
  );
}
