import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Form, Input, InputNumber, Radio, Table, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import type { Department } from '../../api/types';
import { departmentName, departmentsOf } from '../org/directory';
import { showOnForm } from '../org/form-errors';
import { NativeSelect, radioGroup } from '../org/NativeSelect';
import { TenantSwitch, useOrgTenant } from '../org/tenant';
import { configuredFlowsOf, flowShape, jointItemsOf } from './joint-items';
import type { JointSettings, SettingsBody } from './types';
import { FormErrors } from '../org/FormErrors';

type SettingsForm = Omit<SettingsBody, 'expectedVersion'>;

export const LEAD_RULES: { value: JointSettings['leadRule']; label: string; hint: string }[] = [
  { value: 'designated_per_item', label: '按事项指定', hint: '每个联办事项由流程中指定的主办部门和窗口牵头' },
  { value: 'first_receiving_window', label: '首办负责', hint: '首办责任制：最先受理申请的窗口及其部门牵头' },
];

/** The form's fields, as the settings hold them. */
const BASE_FIELDS = [
  'leadRule',
  'defaultReviewWorkingDays',
  'escalationForwardWorkingDays',
  'escalationRoutes',
  'delegatedTransferWorkingDays',
  'delegatedReplyWorkingDays',
] as const satisfies readonly (keyof SettingsForm)[];

/** Every field name the service may report, the routes' rows included. */
function knownFields(routes: number): string[] {
  const rows = Array.from({ length: routes }, (_, i) => [
    `escalationRoutes.${i}.department`,
    `escalationRoutes.${i}.targetDepartment`,
  ]);
  return [...BASE_FIELDS, ...rows.flat()];
}

type DaysName = Exclude<(typeof BASE_FIELDS)[number], 'leadRule' | 'escalationRoutes'>;

/** A time limit in whole working days from `min` to `max`, labelled with its unit. */
function DaysField({
  name,
  label,
  extra,
  min,
  max,
}: {
  name: DaysName;
  label: string;
  extra: string;
  min: number;
  max: number;
}) {
  return (
    <Form.Item
      name={name}
      label={`${label}（工作日）`}
      extra={extra}
      rules={[
        { required: true, message: `请填写${label}` },
        { type: 'integer', min, max, message: `${label}应为${min}至${max}个工作日` },
      ]}
    >
      <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
}

function SettingsEditor({
  tenant,
  settings,
  departments,
  editable,
  onSaved,
}: {
  tenant: string;
  settings: JointSettings;
  departments: Department[];
  editable: boolean;
  onSaved: (s: JointSettings) => void;
}) {
  const [form] = Form.useForm<SettingsForm>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(BASE_FIELDS.map((f) => [f, settings[f]])) as Partial<SettingsForm>);
  }, [form, settings]);
  const save = async (v: SettingsForm) => {
    setBusy(true);
    setErrors([]);
    setSaved(false);
    const routes = (v.escalationRoutes ?? []).map((r) => ({
      department: r.department,
      targetDepartment: r.targetDepartment.trim(),
    }));
    try {
      const answer = await call(
        api.PUT('/api/v1/joint-review/settings/{tenant}', {
          params: { path: { tenant } },
          body: { ...v, escalationRoutes: routes, expectedVersion: settings.version },
        }),
      );
      setSaved(true);
      onSaved(answer.settings);
    } catch (error) {
      setErrors(showOnForm(form, error, knownFields(routes.length)));
    } finally {
      setBusy(false);
    }
  };
  const choices = departments.map((d) => ({ value: d.code, label: d.name }));
  return (
    <Form
      form={form}
      name="settings"
      layout="vertical"
      requiredMark
      disabled={!editable}
      onFinish={(v) => void save(v)}
      onValuesChange={() => setSaved(false)}
      style={{ maxWidth: 720 }}
    >
      <Form.Item
        name="leadRule"
        label="牵头方式"
        extra={LEAD_RULES.map((r) => `${r.label}：${r.hint}`).join('；')}
        rules={[{ required: true, message: '请选择牵头方式' }]}
      >
        <Radio.Group {...radioGroup('牵头方式')}>
          {LEAD_RULES.map((r) => (
            <Radio key={r.value} value={r.value}>
              {r.label}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <DaysField
        name="defaultReviewWorkingDays"
        label="默认审查时限"
        extra="事项未配置联办流程时，每个协办部门的审查时限"
        min={1}
        max={60}
      />
      <DaysField
        name="escalationForwardWorkingDays"
        label="上报件转报时限"
        extra="本级窗口将上报件报送上级的时限；0 表示在办件承诺期限内报送"
        min={0}
        max={60}
      />
      <Form.List name="escalationRoutes">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>上报路由（未设置的部门报送上级同名部门）</legend>
            {fields.map((field, i) => (
              <div key={field.key} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
                <Form.Item
                  name={[field.name, 'department']}
                  label={`第${i + 1}条：本级部门`}
                  rules={[{ required: true, message: '请选择本级部门' }]}
                  style={{ minWidth: 220, flex: 1 }}
                >
                  <NativeSelect choices={choices} placeholder="请选择部门" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'targetDepartment']}
                  label={`第${i + 1}条：上级接收部门编码`}
                  rules={[
                    { required: true, whitespace: true, message: '请填写上级接收部门编码' },
                    { pattern: /^\d{6,12}-[A-Z0-9]{2,20}$/, message: '部门编码形如 620300-SJHJ' },
                  ]}
                  style={{ minWidth: 220, flex: 1 }}
                >
                  <Input maxLength={40} placeholder="如 620300-SJHJ" autoComplete="off" />
                </Form.Item>
                <Button
                  aria-label={`删除路由（第${i + 1}条）`}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                >
                  删除路由
                </Button>
              </div>
            ))}
            <Button onClick={() => add({ department: '', targetDepartment: '' })}>添加上报路由</Button>
          </fieldset>
        )}
      </Form.List>
      <DaysField
        name="delegatedTransferWorkingDays"
        label="代受理转办时限"
        extra="委托代办协议未约定时，综合窗口将代受理件转交部门的时限"
        min={1}
        max={10}
      />
      <DaysField
        name="delegatedReplyWorkingDays"
        label="代受理回复时限"
        extra="委托代办协议未约定时，中心向申请人回复的时限"
        min={1}
        max={10}
      />
      <FormErrors errors={errors} />
      {saved ? (
        <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message="联办设置已保存" />
      ) : null}
      {editable ? (
        <Button type="primary" htmlType="submit" loading={busy}>
          保存设置
        </Button>
      ) : null}
    </Form>
  );
}

/** 联办设置: the tenant's settings (J9 lead rule, budgets, escalation routes) and its joint items' flows (J13). */
export default function SettingsPage() {
  const { current, editable } = useOrgTenant();
  const code = current.code;
  const data = useLoad(async () => {
    const [settings, departments, items, flows] = await Promise.all([
      call(api.GET('/api/v1/joint-review/settings/{tenant}', { params: { path: { tenant: code } } })),
      departmentsOf(code),
      jointItemsOf(code),
      configuredFlowsOf(code),
    ]);
    return { settings: settings.settings, departments, items, flows };
  }, [code]);
  const [settings, setSettings] = useState<JointSettings>();
  useEffect(() => setSettings(data.data?.settings), [data.data]);
  const departments = data.data?.departments ?? [];
  return (
    <>
      <PageTitle
        title="联办设置"
        extra="设置联办件由谁牵头、各部门的默认审查时限、上报件和代受理件的时限，并为每个联办事项配置协办部门的审查流程。"
      />
      <TenantSwitch />
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.data && settings ? (
        <>
          <Panel title="本中心联办设置">
            <p style={{ margin: '0 0 12px', color: 'rgba(0,0,0,0.65)' }}>
              {settings.version === 0
                ? '尚未设置，以下为默认值。'
                : `第${settings.version}版，${settings.updatedBy ?? ''} 于 ${dateTime(settings.updatedAt)} 修改。`}
            </p>
            <SettingsEditor
              tenant={code}
              settings={settings}
              departments={departments}
              editable={editable}
              onSaved={setSettings}
            />
          </Panel>
          <Panel title="联办事项流程">
            {data.data.items.length > 0 ? (
              <Table
                rowKey="seriesId"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={data.data.items}
                columns={[
                  { title: '事项名称', dataIndex: 'name' },
                  {
                    title: '实施部门',
                    dataIndex: 'department',
                    render: (d: string) => departmentName(departments, d),
                  },
                  {
                    title: '流程',
                    key: 'flow',
                    render: (_: unknown, item) => {
                      const flow = data.data?.flows.get(item.seriesId);
                      return flow ? (
                        <Tag color="green">
                          已配置（{flowShape(flow)}，{flow.participants.length}个部门）
                        </Tag>
                      ) : (
                        <Tag>默认（全部协办部门并联）</Tag>
                      );
                    },
                  },
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, item) => (
                      <Link
                        to={`/joint/flows/${item.seriesId}`}
                        aria-label={`${editable ? '配置' : '查看'}流程：${item.name}`}
                      >
                        {editable ? '配置流程' : '查看流程'}
                      </Link>
                    ),
                  },
                ]}
              />
            ) : (
              <EmptyState text="本中心还没有已发布的联办事项。" />
            )}
          </Panel>
        </>
      ) : null}
    </>
  );
}
