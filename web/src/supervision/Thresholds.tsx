import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Space, Switch, Table, message } from 'antd';
import { api, call } from '../shared/api';
import { rolesOf, useAuth } from '../shared/auth';
import { dateTime } from '../shared/format';
import { PageTitle } from '../shared/layout';
import { messageOf } from '../shared/problem';
import { ErrorAlert, Loading, Panel, useLoad } from '../shared/states';
import { SIGNAL_NAMES } from './labels';
import type { DryRun, Thresholds } from './types';

type Rules = Omit<Thresholds, 'tenant' | 'version' | 'updatedBy' | 'updatedAt'>;
const RULE_KEYS = [
  'warningRemainingWorkingDays',
  'warningRemainingPercent',
  'yellowOnPromisedExceeded',
  'yellowOnStepExceeded',
  'redOnStatutoryExceeded',
] as const;

/** Two rule sets are the same when every rule field is. */
export const sameRules = (a: Rules, b: Rules) => RULE_KEYS.every((k) => a[k] === b[k]);

/** 预警规则: the tenant's signal rules; a change is tried in a dry run (which cases would change) before saving. */
export default function ThresholdsPage() {
  const { user } = useAuth();
  const canSave = rolesOf(user).includes('center_admin');
  const loaded = useLoad(() => call(api.GET('/api/v1/supervision/thresholds')), []);
  const [form] = Form.useForm<Rules>();
  const [dry, setDry] = useState<{ rules: Rules; result: DryRun }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const current = loaded.data.thresholds;
  const body = (rules: Rules) => ({ ...rules, tenant: current.tenant, version: current.version });

  const tryRules = async () => {
    const rules = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const result = await call(api.POST('/api/v1/supervision/thresholds/dry-run', { body: body(rules) }));
      setDry({ rules, result });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!dry) return;
    setBusy(true);
    setError(undefined);
    try {
      await call(api.PUT('/api/v1/supervision/thresholds', { body: body(dry.rules) }));
      void message.success('预警规则已保存');
      setDry(undefined);
      loaded.reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle title="预警规则" />
      <Panel>
        <p>
          当前版本 {current.version}
          {current.updatedBy ? `，${current.updatedBy} 于 ${dateTime(current.updatedAt)} 修改` : ''}。
          修改后须先试算，看哪些未办结事项的信号会变化，再保存{canSave ? '' : '（保存需中心管理员）'}。
        </p>
        <Form form={form} layout="vertical" initialValues={current} onValuesChange={() => setDry(undefined)}>
          <Form.Item name="warningRemainingWorkingDays" label="承诺时限剩余不超过几个工作日时预警">
            <InputNumber min={0} max={60} precision={0} />
          </Form.Item>
          <Form.Item name="warningRemainingPercent" label="或剩余不超过承诺时限的百分之几时预警">
            <InputNumber min={0} max={100} precision={0} addonAfter="%" />
          </Form.Item>
          <Form.Item name="yellowOnPromisedExceeded" label="超过承诺时限亮黄牌" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
          <Form.Item name="yellowOnStepExceeded" label="环节超过预算时限亮黄牌" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
          <Form.Item name="redOnStatutoryExceeded" label="超过法定时限亮红牌" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Space>
          <Button onClick={() => void tryRules()} loading={busy}>
            试算
          </Button>
          {canSave ? (
            <Button type="primary" disabled={!dry} onClick={() => void save()} loading={busy}>
              保存规则
            </Button>
          ) : null}
        </Space>
      </Panel>
      {dry ? (
        <Panel title="试算结果">
          <p>
            {dry.result.openMatters} 件未办结事项中，{dry.result.changes.length} 件的信号会变化
            {sameRules(dry.rules, current) ? '（规则与当前相同）' : ''}。
          </p>
          <Table
            rowKey="matterId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={dry.result.changes}
            columns={[
              { title: '办件', dataIndex: 'caseNumber' },
              { title: '事项', dataIndex: 'itemName' },
              { title: '现在', render: (_, c) => SIGNAL_NAMES[c.from] },
              { title: '改后', render: (_, c) => SIGNAL_NAMES[c.to] },
            ]}
          />
        </Panel>
      ) : null}
    </>
  );
}
