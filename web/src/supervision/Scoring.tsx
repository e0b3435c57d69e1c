import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, message } from 'antd';
import { api, call, downloadWithToken } from '../shared/api';
import { rolesOf, useAuth } from '../shared/auth';
import { dateTime } from '../shared/format';
import { FormMessages, showOnForm } from '../shared/form-messages';
import { PageTitle } from '../shared/layout';
import { messageOf } from '../shared/problem';
import { ErrorAlert, Loading, Panel, useLoad } from '../shared/states';
import { SANCTION_NAMES, VIOLATION_KIND_NAMES } from './labels';
import { DIRECTION_NAMES, GRADE_COLORS, GRADE_NAMES, LEVEL_NAMES, LOSS_NAMES, MEASURE_NAMES } from './scoring-labels';
import type { AnnualGrades, Grade, ScoringStandard, SubjectScores } from './types';

type Draft = Omit<ScoringStandard, 'tenant' | 'version' | 'updatedBy' | 'updatedAt'>;
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
const INDICATOR_FIELDS = [
  'code',
  'name',
  'measure',
  'direction',
  'target',
  'fullMarks',
  'loss',
  'pointsPerUnit',
  'floor',
];

/** Every field name of the form, dotted as the service names them: where its field errors go. */
function knownFields(d: Draft): string[] {
  return [
    'effectiveFrom',
    'indicators',
    'excellentQuotaPercent',
    'bands.excellent',
    'bands.good',
    'bands.pass',
    ...d.indicators.flatMap((_, n) => INDICATOR_FIELDS.map((f) => `indicators.${n}.${f}`)),
    ...d.violationDeductions.flatMap((_, n) => [`violationDeductions.${n}.kind`, `violationDeductions.${n}.points`]),
    ...d.sanctionDeductions.flatMap((_, n) => [`sanctionDeductions.${n}.sanction`, `sanctionDeductions.${n}.points`]),
  ];
}

const gradeTag = (g: Grade) => <Tag color={GRADE_COLORS[g]}>{GRADE_NAMES[g]}</Tag>;

/** 考核标准 (S27): the tenant's scoring standard (edited by its center admin), the scores of a period, annual grades. */
export default function ScoringPage() {
  return (
    <>
      <PageTitle title="考核标准" />
      <StandardPanel />
      <ScoresPanel />
      <AnnualPanel />
    </>
  );
}

function StandardPanel() {
  const { user } = useAuth();
  const canSave = rolesOf(user).includes('center_admin');
  const loaded = useLoad(() => call(api.GET('/api/v1/supervision/scoring/standard')), []);
  const versions = useLoad(() => call(api.GET('/api/v1/supervision/scoring/standard/versions')), []);
  const [form] = Form.useForm<Draft>();
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { standard, latestVersion } = loaded.data;

  const save = async () => {
    const draft = form.getFieldsValue(true) as Draft;
    setBusy(true);
    setMessages([]);
    try {
      await call(
        api.PUT('/api/v1/supervision/scoring/standard', {
          body: { ...draft, tenant: standard.tenant, version: latestVersion },
        }),
      );
      void message.success('考核标准已保存为新版本');
      loaded.reload();
      versions.reload();
    } catch (e) {
      setMessages(showOnForm(form, e, knownFields(draft)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="考核标准">
      <p>
        {standard.version === 0
          ? '当前使用默认考核标准'
          : `当前最新为第 ${standard.version} 版，自 ${standard.effectiveFrom} 起生效`}
        {standard.updatedBy ? `（${standard.updatedBy} 于 ${dateTime(standard.updatedAt)} 保存）` : ''}。
        各指标分值之和应为100分；考核期间按其首日生效的版本评分。
        {canSave ? '' : '修改需本级中心管理员。'}
      </p>
      {versions.data?.versions.length ? (
        <p>历史版本：{versions.data.versions.map((v) => `第${v.version}版（${v.effectiveFrom}起）`).join('、')}</p>
      ) : null}
      <FormMessages messages={messages} />
      <Form form={form} layout="vertical" initialValues={standard} disabled={!canSave} key={standard.version}>
        <Space wrap align="start">
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请填写生效日期' }]}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name={['bands', 'excellent']} label="优秀分数线">
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name={['bands', 'good']} label="良好分数线">
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name={['bands', 'pass']} label="合格分数线">
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="excellentQuotaPercent" label="年度优秀比例（不低于20%）">
            <InputNumber min={20} max={100} addonAfter="%" />
          </Form.Item>
        </Space>
        <h3>考核指标</h3>
        <Form.List name="indicators">
          {(fields, { add, remove }, { errors }) => (
            <>
              <Form.ErrorList errors={errors} />
              {fields.map((field) => (
                <Space key={field.key} wrap align="start" aria-label={`指标 ${field.name + 1}`}>
                  <Form.Item name={[field.name, 'code']} label="代码">
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} label="名称">
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'measure']} label="考核数据">
                    <Select style={{ width: 170 }} options={options(MEASURE_NAMES)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'direction']} label="方向">
                    <Select style={{ width: 110 }} options={options(DIRECTION_NAMES)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'target']} label="目标值">
                    <InputNumber min={0} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fullMarks']} label="分值">
                    <InputNumber min={0} max={100} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'loss']} label="扣分方式">
                    <Select style={{ width: 120 }} options={options(LOSS_NAMES)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'pointsPerUnit']} label="每单位扣分">
                    <InputNumber min={0} max={100} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'floor']} label="最低分">
                    <InputNumber min={0} max={100} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button onClick={() => remove(field.name)}>删除</Button>
                  </Form.Item>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    code: '',
                    name: '',
                    measure: 'onTimeRate',
                    direction: 'higher_better',
                    target: 100,
                    fullMarks: 0,
                    loss: 'linear',
                    pointsPerUnit: 1,
                    floor: 0,
                  })
                }
                style={{ marginBottom: 16 }}
              >
                添加指标
              </Button>
            </>
          )}
        </Form.List>
        <h3>违规扣分（每次）</h3>
        <Space wrap>
          {standard.violationDeductions.map((d, n) => (
            <Form.Item key={d.kind} name={['violationDeductions', n, 'points']} label={VIOLATION_KIND_NAMES[d.kind]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          ))}
        </Space>
        <h3>责任追究扣分（每次）</h3>
        <Space wrap>
          {standard.sanctionDeductions.map((d, n) => (
            <Form.Item key={d.sanction} name={['sanctionDeductions', n, 'points']} label={SANCTION_NAMES[d.sanction]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          ))}
        </Space>
      </Form>
      {canSave ? (
        <Button type="primary" loading={busy} onClick={() => void save()}>
          保存为新版本
        </Button>
      ) : null}
    </Panel>
  );
}

function ScoresPanel() {
  const [level, setLevel] = useState<keyof typeof LEVEL_NAMES>('department');
  const [period, setPeriod] = useState(currentQuarter());
  const [result, setResult] = useState<SubjectScores>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await call(api.GET('/api/v1/supervision/scoring/scores', { params: { query: { level, period } } })));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const pdf = () =>
    downloadWithToken(
      `/api/v1/supervision/scoring/quarterly-assessment.pdf?period=${encodeURIComponent(period)}`,
      `${period}-季考核.pdf`,
    ).catch((e: unknown) => setError(messageOf(e)));
  return (
    <Panel title="考核评分">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="考核对象"
          value={level}
          onChange={setLevel}
          style={{ width: 100 }}
          options={options(LEVEL_NAMES)}
        />
        <Input
          aria-label="考核期间"
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          placeholder="2026-Q4、2026-12 或 2026"
          style={{ width: 200 }}
        />
        <Button type="primary" loading={busy} onClick={() => void load()}>
          评分
        </Button>
        <Button onClick={() => void pdf()} disabled={!/^\d{4}-Q[1-4]$/.test(period)}>
          下载季考核通报（PDF）
        </Button>
      </Space>
      <FormMessages messages={error ? [error] : []} />
      {result ? (
        <>
          <p>按考核标准第 {result.standardVersion} 版评分（0 为默认标准）。</p>
          <Table
            rowKey="subjectId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={result.scores}
            expandable={{
              expandedRowRender: (s) => (
                <ul style={{ margin: 0 }}>
                  {[...s.indicators, ...s.deductions].map((x, i) => (
                    <li key={i}>{x.line}</li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              { title: '考核对象', dataIndex: 'subjectId' },
              { title: '指标得分', dataIndex: 'indicatorPoints' },
              { title: '扣减', dataIndex: 'deductionPoints' },
              { title: '总分', dataIndex: 'total' },
              { title: '等次', render: (_, s) => gradeTag(s.grade) },
            ]}
          />
        </>
      ) : null}
    </Panel>
  );
}

function AnnualPanel() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [result, setResult] = useState<AnnualGrades>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await call(api.GET('/api/v1/supervision/scoring/annual-grades', { params: { query: { year } } })));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title="窗口人员年度等次">
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber aria-label="考核年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Button type="primary" loading={busy} onClick={() => void load()}>
          评定
        </Button>
      </Space>
      <FormMessages messages={error ? [error] : []} />
      {result ? (
        <>
          <p>
            窗口A岗人员 {result.total} 人，优秀比例不低于 {result.quotaPercent}%，至少 {result.quotaRequired} 人；
            评为优秀 {result.excellent} 人{result.shortfall ? `，因符合条件人员不足少评 ${result.shortfall} 人` : ''}。
            优秀人员不占用原单位优秀等次指标。
          </p>
          <Table
            rowKey="personId"
            size="small"
            pagination={{ pageSize: 20 }}
            scroll={{ x: true }}
            dataSource={result.grades}
            columns={[
              { title: '名次', dataIndex: 'rank' },
              { title: '人员', dataIndex: 'personId' },
              { title: '原单位', dataIndex: 'department' },
              { title: '得分', dataIndex: 'score' },
              { title: '按分数线', render: (_, g) => GRADE_NAMES[g.bandGrade] },
              { title: '等次', render: (_, g) => gradeTag(g.grade) },
              { title: '说明', dataIndex: 'note' },
            ]}
          />
        </>
      ) : null}
    </Panel>
  );
}

/** The current quarter in China time, e.g. 2026-Q4. */
function currentQuarter(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
}
