import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { STAFF_ROLE, STEP_ROLES } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, useLoad } from '../../shared/states';
import type { Department, StaffRole, Window } from '../../api/types';
import { chinaToday } from './calendar-grid';
import { allStaff, departmentName, departmentsOf, windowsOf } from './directory';
import { showOnForm } from './form-errors';
import { useSubmit } from '../../shared/use-submit';
import { maskPhone } from './mask';
import { NativeSelect } from './NativeSelect';
import { TenantSwitch, useOrgTenant } from './tenant';
import type { StaffMember, StaffRoleCode } from './types';
import { FormErrors } from './FormErrors';

const STATUS: Record<StaffMember['status'], [string, string]> = {
  provisioning: ['开通中', 'orange'],
  active: ['在岗', 'green'],
  disabled: ['已停用', 'default'],
};

/** The roles and the department of a member of staff: set on creation and changed later (调整岗位). */
function RoleFields({ departments }: { departments: Department[] }) {
  return (
    <>
      <Form.Item
        name="roles"
        label="岗位角色（至少选一项）"
        rules={[
          // A validator, not `required`: antd would mark the checkbox group aria-required, which a group may not carry.
          {
            validator: async (_, value?: string[]) => {
              if (!value || value.length === 0) throw new Error('请至少选择一个岗位角色');
            },
          },
        ]}
      >
        <Checkbox.Group
          options={(Object.keys(STAFF_ROLE) as StaffRole[]).map((r) => ({ value: r, label: STAFF_ROLE[r] }))}
        />
      </Form.Item>
      <Form.Item
        name="department"
        label="所属部门"
        extra="窗口受理、审查、审批人员和部门负责人必须选择部门"
        dependencies={['roles']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              const roles = (getFieldValue('roles') ?? []) as StaffRole[];
              if (!value && roles.some((r) => STEP_ROLES.includes(r))) {
                throw new Error('所选岗位角色须属于一个部门，请选择所属部门');
              }
            },
          }),
        ]}
      >
        <NativeSelect
          choices={departments.map((d) => ({ value: d.code, label: d.name }))}
          placeholder="中心级人员（不属于部门）"
        />
      </Form.Item>
    </>
  );
}

interface StaffForm {
  username: string;
  displayName: string;
  phone: string;
  roles: StaffRoleCode[];
  department?: string;
  initialPassword: string;
}
const STAFF_FIELDS = ['username', 'displayName', 'phone', 'roles', 'department', 'initialPassword'];

/** Each role's error (`roles.1`, `roles[1]`) is the roles field's. */
const rolesField = (n: string) => n.replace(/^roles(\.\d+|\[\d+\])$/, 'roles');

function CreateStaff({
  tenant,
  departments,
  onCreated,
}: {
  tenant: string;
  departments: Department[];
  onCreated: (s: StaffMember) => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<StaffForm>();
  const {
    errors,
    busy,
    submit: create,
  } = useSubmit(
    async (v: StaffForm) => {
      const s = await call(
        api.POST('/api/v1/identity/staff', {
          body: {
            tenant,
            ...(v.department ? { department: v.department } : {}),
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            phone: v.phone.trim(),
            roles: v.roles,
            initialPassword: v.initialPassword,
          },
        }),
      );
      setOpen(false);
      form.resetFields();
      onCreated(s);
    },
    (error) => showOnForm(form, error, STAFF_FIELDS, { USERNAME_TAKEN: 'username' }, rolesField),
  );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新增工作人员
      </Button>
      <Modal
        title="新增工作人员"
        open={open}
        onCancel={() => setOpen(false)}
        okText="创建账号"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form form={form} name="staff" layout="vertical" requiredMark onFinish={(v) => void create(v)}>
          <Form.Item
            name="username"
            label="登录名"
            extra="3至40位小写字母、数字或连字符，以字母开头，如 zhang-san；创建后不能修改"
            rules={[
              { required: true, whitespace: true, message: '请填写登录名' },
              { pattern: /^[a-z][a-z0-9-]{2,39}$/, message: '登录名应为3至40位小写字母、数字或连字符，以字母开头' },
            ]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[
              { required: true, whitespace: true, message: '请填写姓名' },
              { min: 2, message: '姓名至少2个字' },
            ]}
          >
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            extra="11位手机号码或带区号的固定电话"
            rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
          <RoleFields departments={departments} />
          <Form.Item
            name="initialPassword"
            label="初始密码"
            extra="8至64位，含字母和数字；本人首次登录时须修改。请通过安全渠道告知本人。"
            rules={[
              { required: true, message: '请设置初始密码' },
              { min: 8, max: 64, message: '初始密码应为8至64位' },
              { pattern: /^(?=.*[A-Za-z])(?=.*[0-9])/, message: '初始密码应同时包含字母和数字' },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={64} />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

interface LeaveForm {
  fromDate: string;
  toDate: string;
  reason: string;
}

/** What a leave changes at the windows: who serves each window where the person holds the A post, on its first day. */
async function leaveEffect(person: StaffMember, windows: Window[], staff: StaffMember[], leave: LeaveForm) {
  const lines: string[] = [];
  for (const w of windows.filter((x) => x.aPostStaffId === person.id)) {
    try {
      const r = await call(
        api.GET('/api/v1/identity/windows/{id}/responsible', {
          params: { path: { id: w.id }, query: { date: leave.fromDate } },
        }),
      );
      const who = r.responsible.displayName;
      const by =
        r.basis === 'b_post'
          ? `由B岗 ${who} 顶岗受理`
          : r.basis === 'a_post'
            ? `仍由A岗 ${who} 受理`
            : r.basis === 'department_head'
              ? `B岗也不在岗，由部门负责人 ${who} 受理`
              : `B岗也不在岗，由中心管理员 ${who} 受理`;
      lines.push(`${w.number} 号窗口（${w.name}）自 ${leave.fromDate} 起${by}。`);
    } catch {
      lines.push(`${w.number} 号窗口（${w.name}）：暂时无法查询顶岗人员。`);
    }
  }
  for (const w of windows.filter((x) => x.bPostStaffId === person.id)) {
    const a = staff.find((s) => s.id === w.aPostStaffId);
    lines.push(
      `${person.displayName} 是 ${w.number} 号窗口的B岗：请假期间若A岗${a ? ` ${a.displayName}` : ''}也不在岗，由部门负责人受理。`,
    );
  }
  return lines;
}

function RecordLeave({
  person,
  windows,
  staff,
  onRecorded,
}: {
  person: StaffMember;
  windows: Window[];
  staff: StaffMember[];
  onRecorded: (message: string, effect: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LeaveForm>();
  const today = chinaToday();
  const {
    errors,
    busy,
    submit: save,
  } = useSubmit(
    async (v: LeaveForm) => {
      await call(
        api.POST('/api/v1/identity/staff/{id}/leaves', {
          params: { path: { id: person.id } },
          body: { fromDate: v.fromDate, toDate: v.toDate, reason: v.reason.trim() },
        }),
      );
      const effect = await leaveEffect(person, windows, staff, v);
      setOpen(false);
      form.resetFields();
      onRecorded(`已登记 ${person.displayName} ${v.fromDate} 至 ${v.toDate} 的请假。`, effect);
    },
    (error) => showOnForm(form, error, ['fromDate', 'toDate', 'reason'], { LEAVE_OVERLAPS: 'fromDate' }),
  );
  return (
    <>
      <Button size="small" aria-label={`登记请假：${person.displayName}`} onClick={() => setOpen(true)}>
        登记请假
      </Button>
      <Modal
        title={`登记请假：${person.displayName}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="登记"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form form={form} name={`leave-${person.id}`} layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <Form.Item name="fromDate" label="开始日期（含）" rules={[{ required: true, message: '请选择开始日期' }]}>
            <Input type="date" min={today} />
          </Form.Item>
          <Form.Item
            name="toDate"
            label="结束日期（含）"
            dependencies={['fromDate']}
            rules={[
              { required: true, message: '请选择结束日期' },
              ({ getFieldValue }) => ({
                validator: async (_, value?: string) => {
                  const from = getFieldValue('fromDate') as string | undefined;
                  if (value && from && value < from) throw new Error('结束日期不能早于开始日期');
                },
              }),
            ]}
          >
            <Input type="date" min={today} />
          </Form.Item>
          <Form.Item
            name="reason"
            label="请假事由"
            rules={[
              { required: true, whitespace: true, message: '请填写请假事由' },
              { min: 2, max: 100, message: '请假事由应为2至100个字' },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <p style={{ color: 'rgba(0,0,0,0.65)' }}>请假期间，此人担任A岗的窗口由B岗顶岗受理。</p>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

/** 撤销请假 / 提前结束: no date cancels the leave, a date is its new last day. */
function EndLeave({
  person,
  leave,
  onEnded,
}: {
  person: StaffMember;
  leave: StaffMember['leaves'][number];
  onEnded: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ toDate?: string }>();
  const {
    errors,
    busy,
    submit: save,
    clear,
  } = useSubmit(
    async (v: { toDate?: string }) => {
      const toDate = v.toDate?.trim();
      await call(
        api.POST('/api/v1/identity/staff/{id}/leaves/{fromDate}/end', {
          params: { path: { id: person.id, fromDate: leave.fromDate } },
          body: { ...(toDate ? { toDate } : {}), expectedVersion: person.version },
        }),
      );
      setOpen(false);
      onEnded(
        toDate
          ? `${person.displayName} 自 ${leave.fromDate} 起的请假已改为 ${toDate} 结束。`
          : `已撤销 ${person.displayName} 自 ${leave.fromDate} 起的请假。`,
      );
    },
    (error) => showOnForm(form, error, ['toDate']),
  );
  const name = `end-${person.id}-${leave.fromDate}`;
  return (
    <>
      <Button
        size="small"
        aria-label={`结束请假：${person.displayName} ${leave.fromDate}`}
        onClick={() => {
          form.resetFields();
          clear();
          setOpen(true);
        }}
      >
        结束请假
      </Button>
      <Modal
        title={`结束请假：${person.displayName} ${leave.fromDate} 至 ${leave.toDate}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form form={form} name={name} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="toDate"
            label="提前结束后的最后一天请假日期"
            extra="不填则撤销整个请假；本人返岗当天起由其本人受理。"
          >
            <Input type="date" />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

interface RolesForm {
  roles: StaffRoleCode[];
  department?: string;
}

function ChangeRoles({
  person,
  departments,
  onChanged,
}: {
  person: StaffMember;
  departments: Department[];
  onChanged: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RolesForm>();
  const {
    errors,
    busy,
    submit: save,
    clear,
  } = useSubmit(
    async (v: RolesForm) => {
      await call(
        api.PUT('/api/v1/identity/staff/{id}/roles', {
          params: { path: { id: person.id } },
          body: {
            roles: v.roles,
            ...(v.department ? { department: v.department } : {}),
            expectedVersion: person.version,
          },
        }),
      );
      setOpen(false);
      onChanged(`已调整 ${person.displayName} 的岗位角色和所属部门，本人重新登录后生效。`);
    },
    (error) => showOnForm(form, error, ['roles', 'department'], {}, rolesField),
  );
  return (
    <>
      <Button
        size="small"
        aria-label={`调整岗位：${person.displayName}`}
        onClick={() => {
          form.setFieldsValue({ roles: person.roles as StaffRoleCode[], department: person.department });
          clear();
          setOpen(true);
        }}
      >
        调整岗位
      </Button>
      <Modal
        title={`调整岗位：${person.displayName}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <p>
          保存后此人当前的登录失效，重新登录后按新的岗位角色办理。担任窗口A岗或B岗的人员须先调整窗口岗位才能调换部门。
        </p>
        <Form form={form} name={`roles-${person.id}`} layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <RoleFields departments={departments} />
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

function DisableStaff({ person, onDisabled }: { person: StaffMember; onDisabled: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const {
    errors,
    busy,
    submit: save,
  } = useSubmit(
    async (v: { reason: string }) => {
      await call(
        api.POST('/api/v1/identity/staff/{id}/disable', {
          params: { path: { id: person.id } },
          body: { reason: v.reason.trim() },
        }),
      );
      setOpen(false);
      onDisabled(`已停用 ${person.displayName} 的账号。`);
    },
    (error) => showOnForm(form, error, ['reason']),
  );
  return (
    <>
      <Button size="small" danger aria-label={`停用账号：${person.displayName}`} onClick={() => setOpen(true)}>
        停用账号
      </Button>
      <Modal
        title={`停用账号：${person.displayName}`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认停用"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <p>停用后此人不能再登录，当前登录立即失效；停用不能撤销。担任窗口A岗或B岗的人员须先调整窗口岗位。</p>
        <Form form={form} name={`disable-${person.id}`} layout="vertical" requiredMark onFinish={(v) => void save(v)}>
          <Form.Item
            name="reason"
            label="停用原因"
            rules={[
              { required: true, whitespace: true, message: '请填写停用原因' },
              { min: 2, max: 200, message: '停用原因应为2至200个字' },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <FormErrors errors={errors} />
        </Form>
      </Modal>
    </>
  );
}

/** 工作人员: the center's staff (search, roles, departments, phones masked), new accounts, leave and disabling. */
export default function StaffPage() {
  const { current, editable } = useOrgTenant();
  const code = current.code;
  const data = useLoad(async () => {
    const [staff, departments, windows] = await Promise.all([allStaff(code), departmentsOf(code), windowsOf(code)]);
    return { staff, departments, windows };
  }, [code]);
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState('');
  const [notice, setNotice] = useState<{ message: string; effect?: string[] }>();
  const today = chinaToday();

  const shown = useMemo(() => {
    const words = q.trim().toLowerCase();
    return (data.data?.staff ?? []).filter(
      (s) =>
        (!department || s.department === department) &&
        (!words || s.displayName.toLowerCase().includes(words) || s.username.includes(words)),
    );
  }, [data.data, q, department]);

  const departments = data.data?.departments ?? [];
  return (
    <>
      <PageTitle title="工作人员" extra="列表中的电话号码已脱敏。岗位角色和所属部门可用“调整岗位”修改。" />
      <TenantSwitch />
      <div className="filters" style={{ alignItems: 'end' }}>
        <div className="field">
          <label htmlFor="staff-q">搜索</label>
          <Input id="staff-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="姓名或登录名" allowClear />
        </div>
        <div className="field">
          <label htmlFor="staff-department">部门</label>
          <select id="staff-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">全部部门</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {editable && data.data ? (
          <div>
            <CreateStaff
              tenant={code}
              departments={departments}
              onCreated={(s) => {
                setNotice({
                  message: `已创建 ${s.displayName}（登录名 ${s.username}）的账号，请告知本人首次登录时修改初始密码。`,
                });
                data.reload();
              }}
            />
          </div>
        ) : null}
      </div>
      {notice ? (
        <Alert
          type="success"
          showIcon
          role="status"
          closable
          onClose={() => setNotice(undefined)}
          style={{ marginBottom: 12 }}
          message={notice.message}
          description={
            notice.effect && notice.effect.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {notice.effect.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {data.data ? (
        shown.length > 0 ? (
          <Table
            rowKey="id"
            size="small"
            dataSource={shown}
            pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '姓名', dataIndex: 'displayName' },
              { title: '登录名', dataIndex: 'username' },
              {
                title: '部门',
                key: 'department',
                render: (_: unknown, s: StaffMember) => departmentName(departments, s.department),
              },
              {
                title: '岗位角色',
                key: 'roles',
                render: (_: unknown, s: StaffMember) => (
                  <Space size={[0, 4]} wrap>
                    {s.roles.map((r) => (
                      <Tag key={r}>{STAFF_ROLE[r as StaffRole] ?? r}</Tag>
                    ))}
                  </Space>
                ),
              },
              { title: '电话', dataIndex: 'phone', render: (p: string) => maskPhone(p) },
              {
                title: '状态',
                dataIndex: 'status',
                render: (st: StaffMember['status']) => <Tag color={STATUS[st][1]}>{STATUS[st][0]}</Tag>,
              },
              {
                title: '请假',
                key: 'leaves',
                render: (_: unknown, s: StaffMember) => {
                  const coming = s.leaves.filter((l) => l.toDate >= today);
                  return coming.length > 0
                    ? coming.map((l) => (
                        <div key={l.fromDate}>
                          {l.fromDate} 至 {l.toDate}（{l.reason}）
                          {editable && s.status === 'active' ? (
                            <>
                              {' '}
                              <EndLeave
                                person={s}
                                leave={l}
                                onEnded={(message) => {
                                  setNotice({ message });
                                  data.reload();
                                }}
                              />
                            </>
                          ) : null}
                        </div>
                      ))
                    : '—';
                },
              },
              ...(editable
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      render: (_: unknown, s: StaffMember) =>
                        s.status === 'active' ? (
                          <Space wrap>
                            <RecordLeave
                              person={s}
                              windows={data.data?.windows ?? []}
                              staff={data.data?.staff ?? []}
                              onRecorded={(message, effect) => {
                                setNotice({ message, effect });
                                data.reload();
                              }}
                            />
                            <ChangeRoles
                              person={s}
                              departments={departments}
                              onChanged={(message) => {
                                setNotice({ message });
                                data.reload();
                              }}
                            />
                            <DisableStaff
                              person={s}
                              onDisabled={(message) => {
                                setNotice({ message });
                                data.reload();
                              }}
                            />
                          </Space>
                        ) : (
                          '—'
                        ),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <EmptyState text={q || department ? '没有符合条件的工作人员。' : '还没有工作人员。'} />
        )
      ) : data.loading ? (
        <Loading />
      ) : null}
    </>
  );
}
