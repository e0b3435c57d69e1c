import { useMemo, useRef, useState } from 'react';
import type Core from '@rjsf/core';
import { Link } from 'react-router';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { api, call } from '../shared/api';
import type { Case, Material, Profile } from '../api/types';
import { CASE_STATUS, CASE_STATUS_COLOR, HANDLING_CATEGORY } from '../shared/labels';
import { PageTitle } from '../shared/layout';
import { ApiError, messageOf } from '../shared/problem';
import { RequireLogin } from '../shared/require-login';
import { ItemForm } from '../shared/item-form';
import { ErrorAlert, Loading, Panel, useLoad, type Loaded } from '../shared/states';
import { chosen } from './case/ActModal';
import { CaseActs } from './case/CaseActs';
import { CounterScan } from './case/CounterScan';
import { Documents } from './case/CasePage';
import { useFileViewer } from './case/FileViewer';
import { formFields, type FormField } from './form-fields';

type Staff = NonNullable<Profile['staff']>;

interface Registration {
  itemId: string;
  applicantIdCode: string;
  agentIdNumber?: string;
  mobile?: string;
}

const ID_CODE = /^(?:[0-9]{17}[0-9Xx]|[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18})$/;
const KNOWN: Record<string, (string | number)[]> = {
  itemId: ['itemId'],
  applicantIdCode: ['applicantIdCode'],
  agentIdNumber: ['agentIdNumber'],
  'contact.mobile': ['mobile'],
};

/** After registration: the case on the same screen, with the acts the counter does now (on the spot for 即办件). */
function Registered({
  c,
  roles,
  fields,
  specs,
  onChange,
  onNext,
}: {
  c: Case;
  roles: string[];
  fields: FormField[];
  /** The item's materials (formats and sizes for the scans). */
  specs: Material[];
  onChange: (c: Case, done: string) => void;
  onNext: () => void;
}) {
  const view = useFileViewer();
  const missing = c.materials.filter((m) => m.required && m.files.length === 0 && !m.licence);
  return (
    <>
      <Panel title="已登记的办件">
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={CASE_STATUS_COLOR[c.status]}>{CASE_STATUS[c.status]}</Tag>
          <Tag>{HANDLING_CATEGORY[c.handlingCategory]}</Tag>
          <span>办件编号：{c.caseNumber}</span>
          <span>申请人：{c.applicant.name}</span>
        </Space>
        <Typography.Paragraph>
          请核对申请人递交的纸质材料，并扫描上传，供审查人员在线查看：
          {missing.length === 0 ? '材料已齐全。' : null}
        </Typography.Paragraph>
        <ul style={{ margin: '0 0 12px', paddingLeft: 20 }}>
          {c.materials.map((m) => {
            const spec = specs.find((x) => x.id === m.materialId);
            return (
              <li key={m.materialId} style={{ marginBottom: 8 }}>
                <Space wrap align="start">
                  <span>
                    {m.name}
                    {m.required ? '' : '（非必需）'}
                  </span>
                  {m.files.length > 0 ? (
                    <Tag color="green">已扫描 {m.files.map((f) => f.fileName).join('、')}</Tag>
                  ) : null}
                  {spec ? (
                    <CounterScan c={c} spec={spec} onCase={(next) => onChange(next, `已扫描上传“${m.name}”`)} />
                  ) : null}
                </Space>
              </li>
            );
          })}
        </ul>
        <CaseActs c={c} roles={roles} fields={fields} onDone={onChange} />
      </Panel>
      {view.viewer}
      <Documents c={c} view={view} />
      <Space wrap>
        <Link to={`/cases/${c.id}`}>打开办件详情</Link>
        <Button onClick={onNext}>登记下一件</Button>
      </Space>
    </>
  );
}

function WalkInForm({ staff }: { staff: Staff }) {
  const [form] = Form.useForm<Registration>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [registered, setRegistered] = useState<Case>();
  const [done, setDone] = useState<string>();
  const [formData, setFormData] = useState<unknown>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>();
  const watched = Form.useWatch('itemId', form);
  // Once registered the form is gone (its watch answers nothing): the case's item keeps fields and materials known.
  const itemId = registered?.itemId ?? watched;
  const item = useLoad(
    () =>
      itemId
        ? call(api.GET('/api/v1/catalogue/published/{id}', { params: { path: { id: itemId } } }))
        : Promise.resolve(undefined),
    [itemId],
  );
  const fields = useMemo(() => formFields(item.data?.content?.form?.jsonSchema), [item.data]);
  const items = useLoad(
    () =>
      call(
        api.GET('/api/v1/catalogue/search', {
          params: {
            query: {
              tenant: staff.tenant,
              ...(staff.department ? { department: staff.department } : {}),
              pageSize: 50,
            },
          },
        }),
      ).then((r) => r.items),
    [staff.tenant, staff.department],
  );

  const itemForm = useRef<Core>(null);
  /** Both forms checked at once (each shows its own messages); the item form's data then goes to `register`. */
  const send = async () => {
    const ok = await form.validateFields().then(
      () => true,
      () => false,
    );
    // The item form shows its own messages; registration goes ahead only when both forms are valid.
    const formOk = itemForm.current?.validateForm() ?? true;
    if (ok && formOk) await register(formData);
  };

  const register = async (data: unknown) => {
    let values: Registration;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    setServerErrors(undefined);
    try {
      const c = await call(
        api.POST('/api/v1/cases/walk-in', {
          params: { header: { 'idempotency-key': `walk-in-${crypto.randomUUID()}` } },
          body: {
            itemId: values.itemId,
            applicantIdCode: values.applicantIdCode.trim(),
            ...(values.agentIdNumber?.trim() ? { agentIdNumber: values.agentIdNumber.trim() } : {}),
            ...(values.mobile?.trim() ? { contact: { mobile: values.mobile.trim() } } : {}),
            formData: (data ?? {}) as Record<string, never>,
          },
        }),
      );
      setRegistered(c);
      setDone(`已登记，办件编号 ${c.caseNumber ?? ''}。`);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(messageOf(e));
        return;
      }
      const p = e.problem;
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      const rest: string[] = [];
      for (const [name, message] of Object.entries(p.fields)) {
        if (KNOWN[name]) fields.push({ name: KNOWN[name]!, errors: [message] });
        else if (!name.startsWith('formData')) rest.push(message);
      }
      // The form's own fields: shown at them by the item form.
      setServerErrors(p.fields);
      // The applicant (or agent) is not registered: said at the number the clerk typed.
      if (p.code === 'APPLICANT_NOT_FOUND') {
        fields.push({
          name: [p.message.includes('经办人') ? 'agentIdNumber' : 'applicantIdCode'],
          errors: [p.message],
        });
      } else {
        setError([p.message, ...rest].join('；'));
      }
      form.setFields(fields as never);
    } finally {
      setBusy(false);
    }
  };

  if (registered) {
    return (
      <>
        {done ? <Alert type="success" showIcon role="status" message={done} style={{ marginBottom: 16 }} /> : null}
        <Registered
          c={registered}
          roles={staff.roles}
          fields={fields}
          specs={item.data?.content?.materials ?? []}
          onChange={(c, text) => {
            setRegistered(c);
            setDone(text);
          }}
          onNext={() => {
            setRegistered(undefined);
            setDone(undefined);
            form.resetFields();
            setFormData({});
          }}
        />
      </>
    );
  }
  if (items.error) return <ErrorAlert error={items.error} onRetry={items.reload} />;
  if (!items.data) return <Loading text="正在读取可办理的事项…" />;
  return (
    <Panel title="登记申请">
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="itemId" label="办理事项" rules={chosen('请选择办理事项')}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="输入事项名称查找"
                options={items.data.map((i) => ({
                  value: i.id,
                  label: `${i.name}（${HANDLING_CATEGORY[i.handlingCategory]}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="applicantIdCode"
              label="申请人身份证号码或统一社会信用代码"
              rules={[
                { required: true, whitespace: true, message: '请填写申请人的证件号码' },
                { pattern: ID_CODE, message: '请填写18位居民身份证号码或统一社会信用代码' },
              ]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="agentIdNumber"
              label="经办人身份证号码（法人申请时填写）"
              rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: '经办人身份证号码应为18位' }]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="mobile"
              label="接收通知的手机号码（选填）"
              rules={[{ pattern: /^1[3-9][0-9]{9}$/, message: '手机号码应为11位，以1开头' }]}
            >
              <Input maxLength={11} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {!itemId ? (
        <Typography.Paragraph>选择事项后填写申请表。</Typography.Paragraph>
      ) : item.error ? (
        <ErrorAlert error={item.error} onRetry={item.reload} />
      ) : !item.data || item.data.id !== itemId ? (
        <Loading text="正在读取申请表…" />
      ) : (
        <section aria-label="申请表">
          <h3 style={{ fontSize: 16, fontWeight: 600 }}>申请表</h3>
          <ItemForm
            jsonSchema={item.data.content?.form?.jsonSchema ?? '{}'}
            uiSchema={item.data.content?.form?.uiSchema ?? '{}'}
            formData={formData}
            onChange={setFormData}
            serverErrors={serverErrors}
            idPrefix="walk-in-form"
            formRef={itemForm}
          >
            <></>
          </ItemForm>
          <Button type="primary" loading={busy} onClick={() => void send()}>
            登记办件
          </Button>
        </section>
      )}
    </Panel>
  );
}

/** 窗口登记: a walk-in applicant's case registered at the counter, pre-reviewed and (即办件) decided on one screen. */
export default function WalkIn({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <>
      <PageTitle
        title="窗口登记"
        extra="为到窗口办事的申请人登记办件：选择事项，核对证件，填写申请表，核对材料；即办件可当场办结。"
      />
      <RequireLogin why="请使用工作人员账号登录工作台。">
        {me.error ? (
          <ErrorAlert error={me.error} onRetry={me.reload} />
        ) : !me.data ? (
          <Loading />
        ) : me.data.staff?.roles.includes('window_clerk') ? (
          <WalkInForm staff={me.data.staff} />
        ) : (
          <Alert type="info" showIcon message="窗口登记仅供窗口工作人员使用。" />
        )}
      </RequireLogin>
    </>
  );
}
