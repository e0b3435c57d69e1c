import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Col, ConfigProvider, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Case, Material, Profile } from '../../api/types';
import { timeLeft } from '../../shared/days-left';
import { dateTime, fileSize } from '../../shared/format';
import {
  APPLICANT_KIND,
  CASE_STATUS,
  CASE_STATUS_COLOR,
  DELIVERY,
  DOCUMENT_KIND,
  HANDLING_CATEGORY,
} from '../../shared/labels';
import { CaseHistory, CaseSteps } from '../../shared/case-record';
import { PageTitle } from '../../shared/layout';
import { ItemForm } from '../../shared/item-form';
import { RequireLogin } from '../../shared/require-login';
import { ErrorAlert, Loading, Panel, useLoad, type Loaded } from '../../shared/states';
import { fieldLabel, formEntries, formFields, type FormField } from '../form-fields';
import { CaseActs } from './CaseActs';
import { AT_COUNTER, CounterScan } from './CounterScan';
import { PaymentPanel } from './PaymentPanel';
import { RatingInvite } from './RatingInvite';
import { useFileViewer } from './FileViewer';
import { FormEntries } from '../FormEntries';

const EXTENSION_STATE = {
  requested: '待部门负责人审批',
  head_approved: '部门负责人已同意，待中心审核',
  approved: '已批准',
  rejected: '未批准',
};

function Deadlines({ c }: { c: Case }) {
  const clocks = c.clocks;
  const left = c.timeLeft ? timeLeft(c.timeLeft.workingDaysLeft, c.timeLeft.clockRunning) : undefined;
  if (!clocks) return null;
  return (
    <Panel title="办理期限">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="收件日期">{clocks.receivedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="受理日期">{clocks.acceptedDate ?? '—'}</Descriptions.Item>
        {clocks.noticeDueDate && !clocks.acceptedDate ? (
          <Descriptions.Item label="一次性告知期限">{clocks.noticeDueDate}</Descriptions.Item>
        ) : null}
        {clocks.promised ? (
          <Descriptions.Item label="承诺办结期限">
            <Space wrap>
              <span>
                {clocks.promised.dueDate ?? '暂停计时中'}（{clocks.promised.limitWorkingDays} 个工作日
                {clocks.promised.extensionWorkingDays ? `，延期 ${clocks.promised.extensionWorkingDays} 个工作日` : ''}
                ）
              </span>
              {left && left.urgency !== 'none' ? <Tag color={left.color}>{left.text}</Tag> : null}
            </Space>
          </Descriptions.Item>
        ) : null}
        {clocks.statutory ? (
          <Descriptions.Item label="法定办结期限">
            {clocks.statutory.dueDate ?? '暂停计时中'}（{clocks.statutory.limitWorkingDays} 个工作日）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {clocks.promised?.explanation ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {clocks.promised.explanation}
        </Typography.Paragraph>
      ) : null}
    </Panel>
  );
}

/**
 * The read-only form shows its fields disabled; antd greys disabled text to 25% black, which no clerk can read
 * (and fails contrast): here what the applicant wrote is shown in the normal text colour.
 */
const READ_ONLY = { token: { colorTextDisabled: 'rgba(0, 0, 0, 0.88)', colorBgContainerDisabled: '#fafafa' } };

/** The application form as the applicant filled it: the item's own form, read-only; a plain list without it. */
function FormData({
  c,
  fields,
  form,
}: {
  c: Case;
  fields: FormField[];
  form?: { jsonSchema: string; uiSchema: string };
}) {
  const entries = formEntries(fields, c.formData);
  return (
    <Panel title="申请表单">
      {form ? (
        <ConfigProvider theme={READ_ONLY}>
          <ItemForm
            jsonSchema={form.jsonSchema}
            uiSchema={form.uiSchema}
            formData={c.formData}
            readOnly
            idPrefix="case-form"
          />
        </ConfigProvider>
      ) : (
        <FormEntries entries={entries} empty="申请人未填写表单内容。" />
      )}
    </Panel>
  );
}

/** With `scan`, the clerk at the counter may scan paper materials in (the item's materials give formats and sizes). */
function Materials({
  c,
  view,
  scan,
}: {
  c: Case;
  view: ReturnType<typeof useFileViewer>;
  scan?: { specs: Material[]; onCase: (c: Case) => void };
}) {
  return (
    <Panel title="申请材料">
      <Table
        rowKey="materialId"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={c.materials}
        columns={[
          {
            title: '材料名称',
            dataIndex: 'name',
            render: (name: string, m) => (
              <>
                {name}
                {m.required ? null : <Typography.Text type="secondary">（非必需）</Typography.Text>}
              </>
            ),
          },
          {
            title: '文件',
            key: 'files',
            render: (_v, m) =>
              m.files.length === 0 && !m.licence ? (
                <Tag color={m.required ? 'red' : 'default'}>{m.required ? '未提交' : '无'}</Tag>
              ) : (
                <Space direction="vertical" size={4}>
                  {m.files.map((f) => (
                    <Button
                      key={f.id}
                      size="small"
                      loading={view.loading === `/api/v1/cases/${c.id}/files/${f.id}`}
                      onClick={() =>
                        void view.open(`/api/v1/cases/${c.id}/files/${f.id}`, `${m.name}：${f.fileName}`, f.fileName)
                      }
                    >
                      查看 {f.fileName}（{fileSize(f.size)}）
                    </Button>
                  ))}
                  {m.licence ? (
                    <span>
                      引用电子证照 {m.licence.licenceNumber}（{m.licence.holderName}）{' '}
                      <Tag color={m.licence.valid ? 'green' : 'red'}>{m.licence.valid ? '核验有效' : '核验无效'}</Tag>
                      {m.licence.validUntil ? `有效期至 ${m.licence.validUntil.slice(0, 10)}` : ''}
                      {m.licence.checkedAt ? `，核验于 ${dateTime(m.licence.checkedAt)}` : ''}
                    </span>
                  ) : null}
                </Space>
              ),
          },
          ...(scan
            ? [
                {
                  title: '窗口扫描',
                  key: 'scan',
                  render: (_v: unknown, m: Case['materials'][number]) => {
                    const spec = scan.specs.find((s) => s.id === m.materialId);
                    return spec ? <CounterScan c={c} spec={spec} onCase={scan.onCase} /> : null;
                  },
                },
              ]
            : []),
        ]}
      />
    </Panel>
  );
}

function ProblemsAndCorrections({ c, fields }: { c: Case; fields: FormField[] }) {
  const material = (id?: string) => c.materials.find((m) => m.materialId === id)?.name ?? id;
  const where = (p: { field?: string; materialId?: string }) =>
    p.materialId ? `材料“${material(p.materialId)}”` : p.field ? `表单“${fieldLabel(fields, p.field)}”` : '';
  return (
    <>
      {c.problems.length > 0 ? (
        <Panel title={c.status === 'supplement' ? '一次性告知的补正内容' : '预审发现的问题'}>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {c.problems.map((p, i) => (
              <li key={i}>
                {where(p) ? <strong>{where(p)}：</strong> : null}
                {p.message}
              </li>
            ))}
          </ol>
        </Panel>
      ) : null}
      {c.corrections.length > 0 ? (
        <Panel title="当场更正记录">
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {c.corrections.map((p, i) => (
              <li key={i}>
                {where(p) ? <strong>{where(p)}：</strong> : null}
                {p.note}（{p.recordedBy}，{dateTime(p.at)}）
              </li>
            ))}
          </ol>
        </Panel>
      ) : null}
    </>
  );
}

function Handling({ c }: { c: Case }) {
  return (
    <>
      {c.steps.length > 0 ? (
        <Panel title="办理环节">
          <CaseSteps c={c} staff />
        </Panel>
      ) : null}
      {c.suspensions.length > 0 || c.extension ? (
        <Panel title="特别程序与延期">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {c.suspensions.map((s, i) => (
              <li key={i}>
                {s.procedure}：{s.reason}（{s.startedDate} 起，预计 {s.plannedWorkingDays} 个工作日
                {s.endedDate ? `，${s.endedDate} 结束，不计时 ${s.suspendedWorkingDays} 个工作日` : '，进行中'}）
              </li>
            ))}
            {c.extension ? (
              <li>
                延期 {c.extension.workingDays} 个工作日：{c.extension.reason}（{EXTENSION_STATE[c.extension.state]}
                {c.extension.rejectedReason ? `：${c.extension.rejectedReason}` : ''}）
              </li>
            ) : null}
          </ul>
        </Panel>
      ) : null}
      {c.decision || c.delivery ? (
        <Panel title="决定与送达">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            {c.decision ? (
              <>
                <Descriptions.Item label="决定">
                  <Tag color={c.decision.outcome === 'approved' ? 'green' : 'red'}>
                    {c.decision.outcome === 'approved' ? '准予许可' : '不予许可'}
                  </Tag>
                  {c.decidedOnTheSpot ? '（当场办结）' : ''}
                </Descriptions.Item>
                <Descriptions.Item label="决定人">
                  {c.decision.decidedBy}
                  {c.decision.decidedAt ? `，${dateTime(c.decision.decidedAt)}` : ''}
                </Descriptions.Item>
                {c.decision.reasons.length > 0 ? (
                  <Descriptions.Item label="理由">{c.decision.reasons.join('；')}</Descriptions.Item>
                ) : null}
              </>
            ) : null}
            {c.delivery ? (
              <Descriptions.Item label="送达">
                {DELIVERY[c.delivery.method] ?? c.delivery.method}
                {c.delivery.address ? `，${c.delivery.address}` : ''}
                {c.delivery.trackingNumber ? `，快递单号 ${c.delivery.trackingNumber}` : ''}
                {c.delivery.deliveredAt ? `，已于 ${dateTime(c.delivery.deliveredAt)} 送达` : '，待送达'}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Panel>
      ) : null}
    </>
  );
}

export function Documents({ c, view }: { c: Case; view: ReturnType<typeof useFileViewer> }) {
  if (c.documents.length === 0) return null;
  return (
    <Panel title="办件文书（可打印）">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {c.documents.map((d) => {
          const name = DOCUMENT_KIND[d.kind] ?? '文书';
          const url = `/api/v1/cases/${c.id}/documents/${d.id}`;
          return (
            <li key={d.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space wrap>
                <span>
                  {name} {d.number}
                </span>
                {d.issuedAt ? <Typography.Text type="secondary">{dateTime(d.issuedAt)}</Typography.Text> : null}
                <Button
                  size="small"
                  loading={view.loading === url}
                  onClick={() => void view.open(url, `${name} ${d.number}`, `${name}-${d.number || d.id}.pdf`)}
                >
                  打开{name}
                </Button>
              </Space>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}

function History({ c }: { c: Case }) {
  return (
    <Panel title="办理记录">
      <CaseHistory c={c} actors />
    </Panel>
  );
}

function CaseView({ initial, roles }: { initial: Case; roles: readonly string[] }) {
  const [c, setCase] = useState(initial);
  const [done, setDone] = useState<string>();
  const view = useFileViewer();
  const item = useLoad(
    () =>
      call(api.GET('/api/v1/catalogue/published/{id}', { params: { path: { id: c.itemId } } })).catch(() => undefined),
    [c.itemId],
  );
  const fields = useMemo(() => formFields(item.data?.content?.form?.jsonSchema), [item.data]);
  const a = c.applicant;
  return (
    <>
      <PageTitle
        title={c.itemName}
        extra={
          <Space wrap>
            <Tag color={CASE_STATUS_COLOR[c.status]}>{CASE_STATUS[c.status]}</Tag>
            <Tag>{HANDLING_CATEGORY[c.handlingCategory]}</Tag>
            <span>办件编号：{c.caseNumber ?? '尚未编号'}</span>
            <span>{c.channel === 'online' ? '网上申报' : '窗口受理'}</span>
          </Space>
        }
      />
      {done ? (
        <Alert
          type="success"
          showIcon
          role="status"
          message={done}
          closable
          style={{ marginBottom: 16 }}
          onClose={() => setDone(undefined)}
        />
      ) : null}
      {view.viewer}
      <Panel title="办理操作">
        <CaseActs
          c={c}
          roles={roles}
          fields={fields}
          onDone={(next, text) => {
            setCase(next);
            setDone(text);
            // An act answers with the case alone: read it again for the time left as of now.
            void call(api.GET('/api/v1/cases/{id}', { params: { path: { id: next.id } } }))
              .then((fresh) => setCase((current) => (current.version === fresh.version ? fresh : current)))
              .catch(() => undefined);
          }}
        />
      </Panel>
      <PaymentPanel c={c} roles={roles} hasFees={(item.data?.content?.fees?.length ?? 0) > 0} />
      <RatingInvite c={c} roles={roles} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Panel title="申请人">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="申请人">
                {a.name}（{APPLICANT_KIND[a.kind]}）
              </Descriptions.Item>
              <Descriptions.Item label={a.kind === 'natural_person' ? '身份证号码' : '统一社会信用代码'}>
                {a.idCode}
              </Descriptions.Item>
              {a.agentName ? <Descriptions.Item label="经办人">{a.agentName}</Descriptions.Item> : null}
              {c.contact.mobile ? <Descriptions.Item label="手机号码">{c.contact.mobile}</Descriptions.Item> : null}
              {c.contact.email ? <Descriptions.Item label="电子邮箱">{c.contact.email}</Descriptions.Item> : null}
              <Descriptions.Item label="提交时间">{dateTime(c.submittedAt)}</Descriptions.Item>
              {c.responsible ? <Descriptions.Item label="责任人">{c.responsible}</Descriptions.Item> : null}
            </Descriptions>
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Deadlines c={c} />
        </Col>
      </Row>
      <ProblemsAndCorrections c={c} fields={fields} />
      {item.loading ? (
        <Loading text="正在读取申请表…" />
      ) : (
        <FormData c={c} fields={fields} form={item.data?.content?.form} />
      )}
      <Materials
        c={c}
        view={view}
        scan={
          roles.includes('window_clerk') && AT_COUNTER.includes(c.status)
            ? { specs: item.data?.content?.materials ?? [], onCase: setCase }
            : undefined
        }
      />
      <Handling c={c} />
      <Documents c={c} view={view} />
      <History c={c} />
      <Space wrap size="large">
        <Link to="/queue">返回工作队列</Link>
        {/* A complaint about this case received in person or by phone, entered by its 首问责任人 (any staff). */}
        <Link to={`/complaints/new?case=${c.id}`}>登记对本办件的投诉</Link>
      </Space>
    </>
  );
}

function CaseLoader({ id, roles }: { id: string; roles: readonly string[] }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })), [id]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取办件…" />;
  return <CaseView key={loaded.data.id} initial={loaded.data} roles={roles} />;
}

/** One case as staff handle it: who applied, what, the materials, the deadlines, the history, and the acts. */
export default function CasePage({ me }: { me: Loaded<Profile | undefined> }) {
  const { id = '' } = useParams();
  return (
    <RequireLogin why="请使用工作人员账号登录工作台。">
      {me.error ? (
        <ErrorAlert error={me.error} onRetry={me.reload} />
      ) : !me.data ? (
        <Loading />
      ) : (
        <CaseLoader id={id} roles={me.data.staff?.roles ?? []} />
      )}
    </RequireLogin>
  );
}
