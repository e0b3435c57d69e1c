import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import type { Department } from '../../api/types';
import { departmentName, departmentsOf, windowsOf } from '../org/directory';
import { showOnForm } from '../org/form-errors';
import { NativeSelect, radioGroup, type Choice } from '../org/NativeSelect';
import { TenantSwitch, useOrgTenant } from '../org/tenant';
import type { JointFlow } from './types';
import { FormErrors } from '../org/FormErrors';

interface ParticipantRow {
  department: string;
  stage: number;
  budgetWorkingDays: number;
  required: boolean;
  /** The form fields as typed: dotted paths separated by commas. */
  formFieldsText: string;
  materialIds: string[];
}
interface FlowForm {
  leadDepartment: string;
  leadWindowId: string;
  meetingExpected: boolean;
  participants: ParticipantRow[];
}

const ROW_FIELDS = ['department', 'stage', 'budgetWorkingDays', 'required', 'formFieldsText', 'materialIds'];

function knownFields(rows: number): string[] {
  const each = Array.from({ length: rows }, (_, i) => ROW_FIELDS.map((f) => `participants.${i}.${f}`));
  return ['leadDepartment', 'leadWindowId', 'meetingExpected', ...each.flat()];
}
/** The service names `formFields`; the form edits it as text. */
const rename = (name: string) => name.replace(/\.formFields$/, '.formFieldsText');

function toForm(flow: JointFlow): FlowForm {
  return {
    leadDepartment: flow.configured ? flow.leadDepartment : '',
    leadWindowId: flow.leadWindowId ?? '',
    meetingExpected: flow.meetingExpected,
    participants: flow.participants.map((p) => ({
      department: p.department,
      stage: p.stage,
      budgetWorkingDays: p.budgetWorkingDays,
      required: p.required,
      formFieldsText: p.formFields.join(', '),
      materialIds: p.materialIds,
    })),
  };
}

function FlowEditor({
  tenant,
  flow,
  departments,
  windows,
  materials,
  coDepartments,
  editable,
  onSaved,
}: {
  tenant: string;
  flow: JointFlow;
  departments: Department[];
  windows: Choice[];
  materials: Choice[];
  coDepartments: string[];
  editable: boolean;
  onSaved: (f: JointFlow) => void;
}) {
  const [form] = Form.useForm<FlowForm>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => form.setFieldsValue(toForm(flow)), [form, flow]);
  const setStages = (serial: boolean) => {
    const rows = form.getFieldValue('participants') as ParticipantRow[];
    form.setFieldValue(
      'participants',
      rows.map((r, i) => ({ ...r, stage: serial ? i + 1 : 1 })),
    );
  };
  const save = async (v: FlowForm) => {
    setBusy(true);
    setErrors([]);
    setSaved(false);
    const rows = v.participants ?? [];
    try {
      const answer = await call(
        api.PUT('/api/v1/joint-review/flows/{tenant}/{itemSeriesId}', {
          params: { path: { tenant, itemSeriesId: flow.itemSeriesId } },
          body: {
            expectedVersion: flow.version,
            leadDepartment: v.leadDepartment ?? '',
            leadWindowId: v.leadWindowId ?? '',
            meetingExpected: v.meetingExpected ?? false,
            participants: rows.map((r) => ({
              department: r.department,
              stage: r.stage,
              budgetWorkingDays: r.budgetWorkingDays,
              required: r.required,
              formFields: (r.formFieldsText ?? '')
                .split(/[,，\s]+/)
                .map((s) => s.trim())
                .filter(Boolean),
              materialIds: r.materialIds ?? [],
            })),
          },
        }),
      );
      setSaved(true);
      onSaved(answer.flow);
    } catch (error) {
      setErrors(showOnForm(form, error, knownFields(rows.length), {}, rename));
    } finally {
      setBusy(false);
    }
  };
  const choices = departments.map((d) => ({
    value: d.code,
    label: coDepartments.includes(d.code) ? `${d.name}（协办部门）` : d.name,
  }));
  return (
    <Form
      form={form}
      name="flow"
      layout="vertical"
      requiredMark
      disabled={!editable}
      onFinish={(v) => void save(v)}
      onValuesChange={() => setSaved(false)}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <Form.Item name="leadDepartment" label="主办部门" extra="按事项指定牵头时的主办部门" style={{ minWidth: 260 }}>
          <NativeSelect
            choices={departments.map((d) => ({ value: d.code, label: d.name }))}
            placeholder="事项实施部门（默认）"
          />
        </Form.Item>
        <Form.Item name="leadWindowId" label="主办窗口" extra="须为主办部门的窗口" style={{ minWidth: 260 }}>
          <NativeSelect choices={windows} placeholder="受理窗口（默认）" />
        </Form.Item>
      </div>
      <Form.Item name="meetingExpected" valuePropName="checked">
        <Checkbox>重点项目：联审开始时提醒主办部门申请会议联审</Checkbox>
      </Form.Item>
      <Form.List name="participants">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>协办部门</legend>
            <p style={{ margin: '0 0 8px', color: 'rgba(0,0,0,0.65)' }}>
              同一环节的部门并联审查；环节之间串联，前一环节必须出具的意见全部完成后下一环节开始。
            </p>
            {editable ? (
              <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
                <Button onClick={() => setStages(false)}>全部并联</Button>
                <Button onClick={() => setStages(true)}>按顺序串联</Button>
              </div>
            ) : null}
            {fields.map((field, i) => (
              <section
                key={field.key}
                aria-label={`协办部门${i + 1}`}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12 }}
              >
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
                  <Form.Item
                    name={[field.name, 'department']}
                    label={`协办部门${i + 1}`}
                    rules={[{ required: true, message: '请选择协办部门' }]}
                    style={{ minWidth: 240, flex: 2 }}
                  >
                    <NativeSelect choices={choices} placeholder="请选择部门" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'stage']}
                    label="环节"
                    rules={[{ required: true, type: 'integer', min: 1, max: 10, message: '环节应为1至10' }]}
                  >
                    <InputNumber min={1} max={10} precision={0} style={{ width: 96 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'budgetWorkingDays']}
                    label="审查时限（工作日）"
                    rules={[{ required: true, type: 'integer', min: 1, max: 60, message: '审查时限应为1至60个工作日' }]}
                  >
                    <InputNumber min={1} max={60} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} label="意见类型">
                    <Radio.Group {...radioGroup(`协办部门${i + 1}的意见类型`)}>
                      <Radio value={true}>必须出具意见</Radio>
                      <Radio value={false}>征求意见</Radio>
                    </Radio.Group>
                  </Form.Item>
                </div>
                <Form.Item
                  name={[field.name, 'formFieldsText']}
                  label="审查的表单字段"
                  extra="以逗号分隔的字段路径，如 fire.exits；不填为整张表单"
                >
                  <Input maxLength={2000} autoComplete="off" />
                </Form.Item>
                {materials.length > 0 ? (
                  <Form.Item name={[field.name, 'materialIds']} label="重点审查的材料" extra="不选为全部材料">
                    <Checkbox.Group options={materials} />
                  </Form.Item>
                ) : null}
                {editable ? (
                  <Button
                    danger
                    aria-label={`移除该部门（协办部门${i + 1}）`}
                    onClick={() => remove(field.name)}
                    style={{ marginBottom: 12 }}
                  >
                    移除该部门
                  </Button>
                ) : null}
              </section>
            ))}
            {editable ? (
              <Button
                onClick={() =>
                  add({
                    department: '',
                    stage: fields.length + 1,
                    budgetWorkingDays: 5,
                    required: true,
                    formFieldsText: '',
                    materialIds: [],
                  })
                }
              >
                添加协办部门
              </Button>
            ) : null}
          </fieldset>
        )}
      </Form.List>
      <FormErrors errors={errors} />
      {saved ? (
        <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message="联办流程已保存" />
      ) : null}
      {editable ? (
        <Button type="primary" htmlType="submit" loading={busy}>
          保存流程
        </Button>
      ) : null}
    </Form>
  );
}

/** 联办流程: one joint item's flow (J13), its default until the center configures it. */
export default function FlowPage() {
  const { seriesId = '' } = useParams();
  const { current, editable } = useOrgTenant();
  const code = current.code;
  const data = useLoad(async () => {
    const [flow, departments, windows, item] = await Promise.all([
      call(
        api.GET('/api/v1/joint-review/flows/{tenant}/{itemSeriesId}', {
          params: { path: { tenant: code, itemSeriesId: seriesId } },
        }),
      ),
      departmentsOf(code),
      windowsOf(code),
      call(api.GET('/api/v1/catalogue/items/{id}', { params: { path: { id: seriesId } } })),
    ]);
    return { flow: flow.flow, departments, windows, item };
  }, [code, seriesId]);
  const [flow, setFlow] = useState<JointFlow>();
  useEffect(() => setFlow(data.data?.flow), [data.data]);
  const d = data.data;
  return (
    <>
      <PageTitle title="联办流程" extra={<Link to="/joint">返回联办设置</Link>} />
      <TenantSwitch />
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {data.loading && !d ? <Loading /> : null}
      {d && flow ? (
        <Panel title={flow.itemName}>
          <p style={{ margin: '0 0 12px', color: 'rgba(0,0,0,0.65)' }}>
            {flow.configured ? (
              <>
                <Tag color="green">已配置</Tag>第{flow.version}版，{flow.updatedBy ?? ''} 于 {dateTime(flow.updatedAt)}{' '}
                修改。
              </>
            ) : (
              <>
                <Tag>默认流程</Tag>尚未配置：全部协办部门并联审查，时限为默认审查时限。
              </>
            )}{' '}
            事项实施部门：{departmentName(d.departments, d.item.department)}；承诺时限：
            {d.item.content?.promisedLimit?.days ?? '—'}个工作日，各环节时限合计不得超过承诺时限。
          </p>
          <FlowEditor
            tenant={code}
            flow={flow}
            departments={d.departments}
            windows={d.windows.map((w) => ({
              value: w.id,
              label: `${w.name}（${departmentName(d.departments, w.department)}）`,
            }))}
            materials={(d.item.content?.materials ?? []).map((m) => ({ value: m.id, label: m.name }))}
            coDepartments={d.item.content?.coDepartments ?? []}
            editable={editable}
            onSaved={setFlow}
          />
        </Panel>
      ) : null}
    </>
  );
}
