import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, List, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import { PageTitle } from '../../shared/layout';
import { messageOf } from '../../shared/problem';
import { RequireLogin } from '../../shared/require-login';
import { EmptyState, ErrorAlert, Loading, useLoad } from '../../shared/states';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import type { AgentGrant, LegalPerson } from '../common/types';
import { useTenant } from '../tenant';

/** What an agent may do for the company, as the holder reads it. */
export function scopeText(scope: AgentGrant['scope'], departmentName: (code: string) => string): string {
  if (scope.allDepartments) return '全部部门的事项';
  const parts: string[] = [];
  if (scope.departments.length > 0) parts.push(scope.departments.map(departmentName).join('、'));
  if (scope.itemCodes.length > 0) parts.push(`事项编码 ${scope.itemCodes.join('、')}`);
  return parts.join('；') || '—';
}

function useDepartments(tenant: string | undefined) {
  const loaded = useLoad(
    () =>
      tenant
        ? call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: tenant } } })).then(
            (r) => r.departments,
          )
        : Promise.resolve([]),
    [tenant],
  );
  const list = loaded.data ?? [];
  return { list, name: (code: string) => list.find((d) => d.code === code)?.name ?? code };
}

interface CompanyValues {
  name: string;
  creditCode: string;
  legalRepresentativeName: string;
  legalRepresentativeIdNumber: string;
}

function RegisterCompany({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const [form] = Form.useForm<CompanyValues>();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const person = profile.person;
  if (!person) return null;
  const submit = async (v: CompanyValues) => {
    setSending(true);
    setMessages([]);
    try {
      await call(
        api.POST('/api/v1/identity/legal-persons', {
          body: {
            tenant: person.tenant,
            name: v.name.trim(),
            creditCode: v.creditCode.trim().toUpperCase(),
            legalRepresentativeName: v.legalRepresentativeName.trim(),
            legalRepresentativeIdNumber: v.legalRepresentativeIdNumber.trim().toUpperCase(),
          },
        }),
      );
      form.resetFields();
      onDone();
    } catch (e) {
      setMessages(
        showOnForm(form, e, ['name', 'creditCode', 'legalRepresentativeName', 'legalRepresentativeIdNumber']),
      );
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title="登记企业（法定代表人办理）" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        法定代表人（负责人）本人登录后登记企业或其他组织，之后可以以企业名义申请，也可以授权经办人代办。
      </Typography.Paragraph>
      <FormMessages messages={messages} />
      <Form<CompanyValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ legalRepresentativeName: person.name, legalRepresentativeIdNumber: person.idNumber }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label="单位名称"
          extra="与营业执照或登记证书一致"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            { pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: '统一社会信用代码应为18位数字或大写字母' },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          name="legalRepresentativeName"
          label="法定代表人（负责人）姓名"
          rules={[{ required: true, whitespace: true, message: '请填写法定代表人姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="legalRepresentativeIdNumber"
          label="法定代表人（负责人）身份证号码"
          rules={[{ required: true, message: '请填写法定代表人身份证号码' }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          登记企业
        </Button>
      </Form>
    </Card>
  );
}

interface GrantValues {
  agentIdNumber: string;
  breadth: 'all' | 'departments';
  scope?: { departments?: string[] };
  validUntil?: string;
}

function GrantAgent({ company, onDone }: { company: LegalPerson; onDone: () => void }) {
  const [form] = Form.useForm<GrantValues>();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const departments = useDepartments(company.tenant);
  const breadth = Form.useWatch('breadth', form);
  const submit = async (v: GrantValues) => {
    setSending(true);
    setMessages([]);
    try {
      await call(
        api.POST('/api/v1/identity/legal-persons/{id}/agents', {
          params: { path: { id: company.id } },
          body: {
            agentIdNumber: v.agentIdNumber.trim().toUpperCase(),
            scope: v.breadth === 'all' ? { allDepartments: true } : { departments: v.scope?.departments ?? [] },
            ...(v.validUntil ? { validUntil: v.validUntil } : {}),
          },
        }),
      );
      form.resetFields();
      onDone();
    } catch (e) {
      const shown = showOnForm(form, e, ['agentIdNumber', 'scope.departments', 'validUntil']);
      setMessages(shown);
    } finally {
      setSending(false);
    }
  };
  const formId = `grant-${company.id}`;
  return (
    <>
      <FormMessages messages={messages} />
      <Form<GrantValues>
        form={form}
        name={formId}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ breadth: 'departments' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="agentIdNumber"
          label="经办人身份证号码"
          extra="经办人须已在本网站注册"
          rules={[
            { required: true, message: '请填写经办人的身份证号码' },
            { pattern: /^\s*[0-9]{17}[0-9Xx]\s*$/, message: '身份证号码应为18位：17位数字加1位数字或X' },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="breadth" label="授权范围">
          <Radio.Group
            options={[
              { value: 'departments', label: '指定部门的事项' },
              { value: 'all', label: '全部部门的事项' },
            ]}
          />
        </Form.Item>
        {breadth !== 'all' ? (
          <Form.Item
            name={['scope', 'departments']}
            label="可代办的部门"
            // A validator, not `required`: antd would put aria-required on the group's plain div (axe refuses it).
            rules={[
              {
                validator: (_r, value: string[] | undefined) =>
                  value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error('请选择至少一个部门')),
              },
            ]}
          >
            <Checkbox.Group
              style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 4 }}
              options={departments.list.map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="validUntil" label="授权有效期至" extra="不填为长期有效">
          <Input type="date" />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={sending}>
          授权经办人
        </Button>
      </Form>
    </>
  );
}

function HeldCompany({ company, onChange }: { company: LegalPerson; onChange: () => void }) {
  const departments = useDepartments(company.tenant);
  const [error, setError] = useState<string>();
  const revoke = async (grant: AgentGrant) => {
    setError(undefined);
    try {
      await call(
        api.DELETE('/api/v1/identity/legal-persons/{id}/agents/{grantId}', {
          params: { path: { id: company.id, grantId: grant.id } },
          body: {},
        }),
      );
      onChange();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const active = company.agents.filter((a) => a.status === 'active');
  return (
    <Card title={company.name} extra={<span>统一社会信用代码：{company.creditCode}</span>} style={{ marginBottom: 16 }}>
      <h3 style={{ fontSize: 16 }}>经办人</h3>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      {active.length === 0 ? (
        <Typography.Paragraph type="secondary">尚未授权经办人。</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={active}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="revoke"
                  title={`撤销对${a.agentName}的授权？`}
                  description="撤销后该经办人不能再以企业名义办理。"
                  okText="撤销"
                  cancelText="取消"
                  onConfirm={() => revoke(a)}
                >
                  <Button size="small" danger>
                    撤销授权
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Space wrap>
                <strong>{a.agentName}</strong>
                <span>可代办：{scopeText(a.scope, departments.name)}</span>
                <Tag>{a.validUntil ? `有效期至 ${a.validUntil}` : '长期有效'}</Tag>
              </Space>
            </List.Item>
          )}
        />
      )}
      <h3 style={{ fontSize: 16, marginTop: 16 }}>授权新的经办人</h3>
      <GrantAgent company={company} onDone={onChange} />
    </Card>
  );
}

function EnterpriseView() {
  const profile = useLoad(() => call(api.GET('/api/v1/identity/me', {})), []);
  const { current } = useTenant();
  const departments = useDepartments(current?.code);
  if (profile.error) return <ErrorAlert error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <Loading text="正在读取您的账户…" />;
  const me = profile.data;
  if (me.kind !== 'natural-person') {
    return <EmptyState text="工作人员账户不办理企业登记和授权，请使用个人账户登录。" />;
  }
  return (
    <>
      <Card title="我可代办的企业" style={{ marginBottom: 16 }}>
        {me.agentFor.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            暂无企业授权您代办。企业的法定代表人可在本页授权您为经办人。
          </Typography.Paragraph>
        ) : (
          <List
            size="small"
            dataSource={me.agentFor}
            renderItem={(lp) => {
              const mine = lp.agents.find((a) => a.status === 'active' && a.agentPersonId === me.person?.id);
              return (
                <List.Item>
                  <Space wrap>
                    <strong>{lp.name}</strong>
                    <span>统一社会信用代码：{lp.creditCode}</span>
                    {mine ? <span>可代办：{scopeText(mine.scope, departments.name)}</span> : null}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      {me.heldLegalPersons.map((lp) => (
        <HeldCompany key={lp.id} company={lp} onChange={profile.reload} />
      ))}
      <RegisterCompany profile={me} onDone={profile.reload} />
    </>
  );
}

/** 企业与授权: the companies the person holds (register one, grant and revoke agents) and those they act for. */
export default function Enterprise() {
  return (
    <>
      <PageTitle title="企业与授权" extra="以企业名义办事：登记企业、授权经办人，查看您可代办的企业。" />
      <RequireLogin why="登录后可登记企业、授权经办人。">
        <EnterpriseView />
      </RequireLogin>
    </>
  );
}
